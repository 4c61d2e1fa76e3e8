import { html } from 'lit';
import type { BusiestHours, TimeGroupBy, TimeSummary } from '../protocol/reports.schemas.ts';
import { errorText, t } from '../web-shared/i18n/i18n.ts';
import './luot-report-chart.ts';
import './luot-report-export.ts';
import type { GroupChangeEvent } from './luot-report-range.ts';
import './luot-report-range.ts';
import './luot-report-table.ts';
import type { TableColumn, TableRow } from './luot-report-table.ts';
import { ReportSection } from './report-section.ts';
import { styleMap } from 'lit/directives/style-map.js';
import { reportStyles } from './report.styles.ts';
import { chartHeight, distributionChart, formatNumber, hoursChart, peakHour, reportPath, TIME_GROUPS, waitChart } from './reports-logic.ts';

/**
 * Waiting and service times: per service, counter, officer or period — tickets issued, served,
 * no-shows, transfers, expiries; p50 / p90 / max waits and services with charts; the spread of
 * waits; the busiest hours. Each table exports to CSV and XLSX.
 */
export class LuotReportTimes extends ReportSection {
  static override properties = {
    groupBy: { state: true },
    summary: { state: true },
    hours: { state: true },
  };
  declare groupBy: TimeGroupBy;
  declare summary: TimeSummary | null;
  declare hours: BusiestHours | null;

  constructor() {
    super();
    this.groupBy = 'service';
    this.summary = null;
    this.hours = null;
  }

  protected override reloadOn() {
    return ['groupBy'];
  }

  private get summaryQuery() {
    return { ...this.range, groupBy: this.groupBy };
  }

  private get summaryPath() {
    return reportPath(this.centreId, 'time-summary', this.summaryQuery);
  }

  private get hoursPath() {
    return reportPath(this.centreId, 'busiest-hours', { ...this.range });
  }

  protected override async load(current: () => boolean) {
    const [summary, hours] = await Promise.all([
      this.api.getReport(this.centreId, 'time-summary', this.summaryQuery),
      this.api.getReport(this.centreId, 'busiest-hours', { ...this.range }),
    ]);
    if (!current()) return;
    this.summary = summary;
    this.hours = hours;
  }

  private table(s: TimeSummary): { columns: TableColumn[]; rows: TableRow[]; footer: string[] } {
    const lang = this.language;
    const n = (v: number | null) => formatNumber(v, lang);
    const columns: TableColumn[] = [
      { label: t(lang, `reports.by.${s.groupBy}`) },
      ...(['issued', 'served', 'noShow', 'transferred', 'expired'] as const).map((k) => ({ label: t(lang, `reports.times.${k}`), numeric: true })),
      ...(['waitP50', 'waitP90', 'waitMax', 'waitMean', 'serviceP50', 'serviceP90', 'serviceMax'] as const).map((k) => ({
        label: t(lang, `reports.times.${k}`),
        numeric: true,
      })),
    ];
    const cells = (f: TimeSummary['totals']) => [
      n(f.issued),
      n(f.served),
      n(f.noShow),
      n(f.transferred),
      n(f.expired),
      n(f.wait.p50Minutes),
      n(f.wait.p90Minutes),
      n(f.wait.maxMinutes),
      n(f.wait.meanMinutes),
      n(f.service.p50Minutes),
      n(f.service.p90Minutes),
      n(f.service.maxMinutes),
    ];
    return {
      columns,
      rows: s.groups.map((g) => ({ key: g.key, cells: [g.name[lang], ...cells(g)] })),
      footer: [t(lang, 'reports.total'), ...cells(s.totals)],
    };
  }

  override render() {
    const lang = this.language;
    const s = this.summary;
    const h = this.hours;
    const peak = h ? peakHour(h) : null;
    const tb = s ? this.table(s) : null;
    return html`<section>
      <h2>${t(lang, 'reports.times.title')}</h2>
      <luot-report-range .range=${this.range} .today=${this.today} .language=${lang} .groupBy=${this.groupBy} .groups=${TIME_GROUPS}
        @luot-group-change=${(e: GroupChangeEvent) => (this.groupBy = e.detail.groupBy)}></luot-report-range>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${this.loading && !s ? html`<p class="muted">${t(lang, 'app.loading')}</p>` : null}
      ${
        s
          ? html`<p class="note">${t(lang, 'reports.times.note')}</p>
            <div class="charts">
              <figure><figcaption>${t(lang, 'reports.times.waitChart')}</figcaption>
                <luot-report-chart .data=${waitChart(s, lang, { p50: t(lang, 'reports.times.waitP50'), p90: t(lang, 'reports.times.waitP90') })}
                  ?horizontal=${s.groups.length > 8} label=${t(lang, 'reports.times.waitChart')} style=${styleMap(chartHeight(s.groups.length))}></luot-report-chart></figure>
              <figure><figcaption>${t(lang, 'reports.times.distribution')}</figcaption>
                <luot-report-chart .data=${distributionChart(s, { wait: t(lang, 'reports.times.wait'), service: t(lang, 'reports.times.service') })}
                  label=${t(lang, 'reports.times.distribution')}></luot-report-chart></figure>
            </div>
            <div class="table-head"><h3>${t(lang, `reports.by.${s.groupBy}`)}</h3>
              <luot-report-export .path=${this.summaryPath} .language=${lang} name="times"></luot-report-export></div>
            <luot-report-table data-testid="times-table" .columns=${tb!.columns} .rows=${tb!.rows} .footer=${tb!.footer}></luot-report-table>`
          : null
      }
      ${
        h
          ? html`<div class="table-head"><h3>${t(lang, 'reports.hours.title')}</h3>
              <luot-report-export .path=${this.hoursPath} .language=${lang} name="hours"></luot-report-export></div>
            ${peak !== null ? html`<p class="note" data-testid="peak-hour">${t(lang, 'reports.hours.peak', { hour: String(peak).padStart(2, '0') })}</p>` : null}
            <luot-report-chart data-testid="hours-chart" .data=${hoursChart(h, t(lang, 'reports.hours.perDay'))} label=${t(lang, 'reports.hours.title')}></luot-report-chart>`
          : null
      }
    </section>`;
  }

  static override styles = reportStyles;
}

customElements.define('luot-report-times', LuotReportTimes);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-times': LuotReportTimes;
  }
}

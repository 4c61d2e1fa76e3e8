import { html } from 'lit';
import type { RatingSummary, TimeGroupBy } from '../protocol/reports.schemas.ts';
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
import { chartHeight, formatNumber, formatShare, GRADE_COLOURS, ratingChart, reportPath } from './reports-logic.ts';

const RATING_GROUPS: readonly TimeGroupBy[] = ['staff', 'counter', 'service', 'day', 'week', 'month'];

/**
 * Citizen satisfaction (mức độ hài lòng): per officer, counter, service or period — ratings per
 * level, the share satisfied (top two levels), the response rate (rated ÷ served) and the presses
 * a keypad refused (a sign of gaming, or of a keypad that needs a look).
 */
export class LuotReportRatings extends ReportSection {
  static override properties = { groupBy: { state: true }, summary: { state: true } };
  declare groupBy: TimeGroupBy;
  declare summary: RatingSummary | null;

  constructor() {
    super();
    this.groupBy = 'staff';
    this.summary = null;
  }

  protected override reloadOn() {
    return ['groupBy'];
  }

  private get query() {
    return { ...this.range, groupBy: this.groupBy };
  }

  private get path() {
    return reportPath(this.centreId, 'rating-summary', this.query);
  }

  protected override async load(current: () => boolean) {
    const summary = await this.api.getReport(this.centreId, 'rating-summary', this.query);
    if (current()) this.summary = summary;
  }

  private table(s: RatingSummary): { columns: TableColumn[]; rows: TableRow[]; footer: string[] } {
    const lang = this.language;
    const grades = (Object.keys(GRADE_COLOURS) as (keyof typeof GRADE_COLOURS)[]).filter(
      (g) => s.scale === 4 || g !== 'neutral' || s.totals.levels.neutral > 0,
    );
    const columns: TableColumn[] = [
      { label: t(lang, `reports.by.${s.groupBy}`) },
      ...grades.map((g) => ({ label: s.levelNames[g][lang], numeric: true })),
      ...(['rated', 'served', 'satisfied', 'response', 'rejected'] as const).map((k) => ({ label: t(lang, `reports.ratings.${k}`), numeric: true })),
    ];
    const cells = (f: RatingSummary['totals']) => [
      ...grades.map((g) => formatNumber(f.levels[g], lang)),
      formatNumber(f.rated, lang),
      formatNumber(f.served, lang),
      formatShare(f.satisfiedShare, lang),
      formatShare(f.responseRate, lang),
      formatNumber(f.rejectedTotal, lang),
    ];
    return { columns, rows: s.groups.map((g) => ({ key: g.key, cells: [g.name[lang], ...cells(g)] })), footer: [t(lang, 'reports.total'), ...cells(s.totals)] };
  }

  override render() {
    const lang = this.language;
    const s = this.summary;
    const tb = s ? this.table(s) : null;
    return html`<section>
      <h2>${t(lang, 'reports.ratings.title')}</h2>
      <luot-report-range .range=${this.range} .today=${this.today} .language=${lang} .groupBy=${this.groupBy} .groups=${RATING_GROUPS}
        @luot-group-change=${(e: GroupChangeEvent) => (this.groupBy = e.detail.groupBy)}></luot-report-range>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${this.loading && !s ? html`<p class="muted">${t(lang, 'app.loading')}</p>` : null}
      ${
        s && tb
          ? html`<div class="figures">
              <div class="figure"><b data-testid="ratings-satisfied">${formatShare(s.totals.satisfiedShare, lang)}</b><span>${t(lang, 'reports.ratings.satisfied')}</span></div>
              <div class="figure"><b data-testid="ratings-response">${formatShare(s.totals.responseRate, lang)}</b><span>${t(lang, 'reports.ratings.response')}</span></div>
              <div class="figure"><b data-testid="ratings-rated">${formatNumber(s.totals.rated, lang)}</b><span>${t(lang, 'reports.ratings.rated')}</span></div>
              <div class="figure"><b data-testid="ratings-rejected">${formatNumber(s.totals.rejectedTotal, lang)}</b><span>${t(lang, 'reports.ratings.rejected')}</span></div>
            </div>
            <p class="note">${t(lang, s.scale === 4 ? 'reports.ratings.scale4' : 'reports.ratings.scale3')}</p>
            <luot-report-chart .data=${ratingChart(s, lang)} stacked ?horizontal=${s.groups.length > 8} label=${t(lang, 'reports.ratings.title')}
              style=${styleMap(chartHeight(s.groups.length))}></luot-report-chart>
            <div class="table-head"><h3>${t(lang, `reports.by.${s.groupBy}`)}</h3>
              <luot-report-export .path=${this.path} .language=${lang} name="ratings"></luot-report-export></div>
            <luot-report-table data-testid="ratings-table" .columns=${tb.columns} .rows=${tb.rows} .footer=${tb.footer}></luot-report-table>`
          : null
      }
    </section>`;
  }

  static override styles = reportStyles;
}

customElements.define('luot-report-ratings', LuotReportRatings);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-ratings': LuotReportRatings;
  }
}

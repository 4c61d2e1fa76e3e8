import { html } from 'lit';
import type { ProvinceReport, ProvinceSort } from '../protocol/province-report.schemas.ts';
import { errorText, localized, t, type MessageKey } from '../web-shared/i18n/i18n.ts';
import './luot-report-export.ts';
import './luot-report-range.ts';
import './luot-report-table.ts';
import type { SortEvent, TableColumn, TableRow } from './luot-report-table.ts';
import { ReportSection } from './report-section.ts';
import { reportStyles } from './report.styles.ts';
import { DEFAULT_RANKING, formatNumber, formatShare, nextRanking, provinceReportPath, type ProvinceRanking } from './reports-logic.ts';

/**
 * The province tab (issue #13, "Toàn tỉnh"): every centre side by side — tickets, satisfaction,
 * response rate, mean and p90 waits and services — ranked by the column whose header was last
 * clicked (again: the other way round). The server ranks; the table shows its order and rank.
 */
export class LuotReportProvince extends ReportSection {
  static override properties = {
    ranking: { state: true },
    report: { state: true },
  };
  declare ranking: ProvinceRanking;
  declare report: ProvinceReport | null;

  constructor() {
    super();
    this.ranking = DEFAULT_RANKING;
    this.report = null;
  }

  protected override reloadOn() {
    return ['ranking'];
  }

  private get path() {
    return provinceReportPath(this.range, this.ranking);
  }

  protected override async load(current: () => boolean) {
    const report = await this.api.getProvinceReport({ ...this.range, ...this.ranking });
    if (!current()) return;
    this.report = report;
  }

  private table(r: ProvinceReport): { columns: TableColumn[]; rows: TableRow[]; footer: string[] } {
    const lang = this.language;
    const n = (v: number | null) => formatNumber(v, lang);
    const col = (sortKey: ProvinceSort, key: MessageKey, numeric = true): TableColumn => ({ label: t(lang, key), numeric, sortKey });
    const columns: TableColumn[] = [
      { label: t(lang, 'reports.province.rank'), numeric: true },
      col('name', 'reports.province.centre', false),
      col('issued', 'reports.times.issued'),
      col('served', 'reports.times.served'),
      col('noShow', 'reports.times.noShow'),
      col('rated', 'reports.ratings.rated'),
      col('satisfiedShare', 'reports.ratings.satisfied'),
      col('responseRate', 'reports.ratings.response'),
      col('waitMean', 'reports.times.waitMean'),
      col('waitP90', 'reports.times.waitP90'),
      col('serviceMean', 'reports.province.serviceMean'),
      col('serviceP90', 'reports.times.serviceP90'),
    ];
    const cells = (f: ProvinceReport['totals']) => [
      n(f.issued),
      n(f.served),
      n(f.noShow),
      n(f.rated),
      formatShare(f.satisfiedShare, lang),
      formatShare(f.responseRate, lang),
      n(f.waitMeanMinutes),
      n(f.waitP90Minutes),
      n(f.serviceMeanMinutes),
      n(f.serviceP90Minutes),
    ];
    return {
      columns,
      rows: r.centres.map((c) => ({ key: c.centreId, cells: [n(c.rank), localized(c.centreName, lang), ...cells(c)] })),
      footer: ['', t(lang, 'reports.province.total'), ...cells(r.totals)],
    };
  }

  override render() {
    const lang = this.language;
    const r = this.report;
    const tb = r ? this.table(r) : null;
    return html`<section>
      <h2>${t(lang, 'reports.province.title')}</h2>
      <luot-report-range .range=${this.range} .today=${this.today} .language=${lang}></luot-report-range>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${this.loading && !r ? html`<p class="muted">${t(lang, 'app.loading')}</p>` : null}
      ${
        r
          ? html`<p class="note">${t(lang, 'reports.province.note')}</p>
            <div class="table-head"><h3>${t(lang, 'reports.province.centres', { count: String(r.centres.length) })}</h3>
              <luot-report-export .path=${this.path} .language=${lang} name="province"></luot-report-export></div>
            <luot-report-table data-testid="province-table" .columns=${tb!.columns} .rows=${tb!.rows} .footer=${tb!.footer}
              sort=${this.ranking.sort} order=${this.ranking.order}
              @luot-sort=${(e: SortEvent) => (this.ranking = nextRanking(this.ranking, e.detail.key as ProvinceSort))}></luot-report-table>`
          : null
      }
    </section>`;
  }

  static override styles = reportStyles;
}

customElements.define('luot-report-province', LuotReportProvince);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-province': LuotReportProvince;
  }
}

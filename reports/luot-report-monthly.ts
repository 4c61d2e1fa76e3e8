import { css, html } from 'lit';
import type { BusiestHours, RatingSummary, TimeSummary } from '../protocol/reports.schemas.ts';
import { errorText, t } from '../web-shared/i18n/i18n.ts';
import { formatIssueTime } from '../web-shared/i18n/time.ts';
import './luot-report-table.ts';
import type { TableColumn, TableRow } from './luot-report-table.ts';
import { ReportSection } from './report-section.ts';
import { reportStyles } from './report.styles.ts';
import {
  defaultReportMonth,
  emptyDocumentFields,
  formatDay,
  formatNumber,
  formatShare,
  lastDayOfMonth,
  placeDateLine,
  type DocumentFields,
} from './reports-logic.ts';

interface MonthData {
  byService: TimeSummary;
  byCounter: TimeSummary;
  byStaff: RatingSummary;
  hours: BusiestHours;
}

/**
 * The printable monthly report (báo cáo tháng): the centre's header in the form of an
 * administrative document, the month's totals, times per service and counter, satisfaction per
 * officer and the busiest hours — laid out for A4 paper (print CSS), printed with the browser.
 */
export class LuotReportMonthly extends ReportSection {
  static override properties = { month: { state: true }, data: { state: true }, centreName: { type: String }, doc: { state: true } };
  declare month: string;
  declare data: MonthData | null;
  declare centreName: string;
  /** Number, place and signer (issue #15): typed once, printed as the document's parts. */
  declare doc: DocumentFields;

  constructor() {
    super();
    this.month = '';
    this.data = null;
    this.centreName = '';
    this.doc = emptyDocumentFields();
  }

  /** Place and signer are kept in this browser per centre; the number is the month's own. */
  private get storageKey() {
    return `luot.monthly-document.${this.centreId}`;
  }

  override connectedCallback() {
    super.connectedCallback();
    try {
      const saved = JSON.parse(localStorage.getItem(this.storageKey) ?? '{}') as Partial<DocumentFields>;
      this.doc = {
        ...emptyDocumentFields(),
        place: String(saved.place ?? ''),
        signerTitle: String(saved.signerTitle ?? ''),
        signerName: String(saved.signerName ?? ''),
      };
    } catch {
      // nothing saved, or unreadable: start blank
    }
  }

  private setDoc(field: keyof DocumentFields, value: string) {
    this.doc = { ...this.doc, [field]: value };
    const { place, signerTitle, signerName } = this.doc;
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ place, signerTitle, signerName }));
    } catch {
      // storage full or blocked: the fields still print this time
    }
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (!this.month && this.today) this.month = defaultReportMonth(this.today);
    if (changed.has('month') || changed.has('today')) {
      const to = lastDayOfMonth(this.month);
      this.range = { from: `${this.month}-01`, to: to > this.today ? this.today : to };
    }
    super.willUpdate(changed as never);
  }

  protected override async load(current: () => boolean) {
    const r = this.range;
    const [byService, byCounter, byStaff, hours] = await Promise.all([
      this.api.getReport(this.centreId, 'time-summary', { ...r, groupBy: 'service' }),
      this.api.getReport(this.centreId, 'time-summary', { ...r, groupBy: 'counter' }),
      this.api.getReport(this.centreId, 'rating-summary', { ...r, groupBy: 'staff' }),
      this.api.getReport(this.centreId, 'busiest-hours', { ...r }),
    ]);
    if (current()) this.data = { byService, byCounter, byStaff, hours };
  }

  private timeTable(s: TimeSummary): { columns: TableColumn[]; rows: TableRow[]; footer: string[] } {
    const lang = this.language;
    const n = (v: number | null) => formatNumber(v, lang);
    const keys = ['issued', 'served', 'noShow', 'transferred', 'waitP50', 'waitP90', 'serviceP50'] as const;
    const cells = (f: TimeSummary['totals']) => [
      n(f.issued),
      n(f.served),
      n(f.noShow),
      n(f.transferred),
      n(f.wait.p50Minutes),
      n(f.wait.p90Minutes),
      n(f.service.p50Minutes),
    ];
    const perPlace = s.groupBy === 'counter';
    const drop = (c: string[]) => (perPlace ? [c[0]!, ...c.slice(2)] : c);
    return {
      columns: drop([t(lang, `reports.by.${s.groupBy}`), ...keys.map((k) => t(lang, `reports.times.${k}`))]).map((label, i) => ({ label, numeric: i > 0 })),
      // "Not at a counter" only holds tickets issued or expired while waiting: nothing this table shows.
      rows: s.groups
        .filter((g) => g.key !== '' || g.served + g.noShow + g.transferred > 0)
        .map((g) => ({ key: g.key, cells: drop([g.name[lang], ...cells(g)]) })),
      footer: drop([t(lang, 'reports.total'), ...cells(s.totals)]),
    };
  }

  private ratingTable(s: RatingSummary): { columns: TableColumn[]; rows: TableRow[]; footer: string[] } {
    const lang = this.language;
    const cells = (f: RatingSummary['totals']) => [
      formatNumber(f.served, lang),
      formatNumber(f.rated, lang),
      formatShare(f.responseRate, lang),
      formatShare(f.satisfiedShare, lang),
      formatNumber(f.rejectedTotal, lang),
    ];
    return {
      columns: [
        t(lang, 'reports.by.staff'),
        ...(['served', 'rated', 'response', 'satisfied', 'rejected'] as const).map((k) => t(lang, `reports.ratings.${k}`)),
      ].map((label, i) => ({ label, numeric: i > 0 })),
      rows: s.groups.map((g) => ({ key: g.key, cells: [g.name[lang], ...cells(g)] })),
      footer: [t(lang, 'reports.total'), ...cells(s.totals)],
    };
  }

  override render() {
    const lang = this.language;
    const d = this.data;
    const [year, month] = this.month.split('-');
    const table = (x: { columns: TableColumn[]; rows: TableRow[]; footer: string[] }, id: string) =>
      html`<luot-report-table data-testid=${id} .columns=${x.columns} .rows=${x.rows} .footer=${x.footer}></luot-report-table>`;
    return html`<div class="controls">
        <label>${t(lang, 'reports.monthly.month')}
          <input type="month" max=${this.today.slice(0, 7)} .value=${this.month} data-testid="monthly-month"
            @change=${(e: Event) => (this.month = (e.target as HTMLInputElement).value || this.month)} /></label>
        ${(['number', 'place', 'signerTitle', 'signerName'] as const).map(
          (f) => html`<label>${t(lang, `reports.monthly.doc.${f}`)}
            <input .value=${this.doc[f]} maxlength="80" data-testid=${`monthly-doc-${f}`} @input=${(e: Event) => this.setDoc(f, (e.target as HTMLInputElement).value)} /></label>`,
        )}
        <button type="button" @click=${() => window.print()} data-testid="monthly-print">${t(lang, 'reports.monthly.print')}</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      <article class="paper" data-testid="monthly-report">
        <header class="letterhead">
          <div>
            <b>${this.centreName}</b>
            <p class="number" data-testid="monthly-number">${t(lang, 'reports.monthly.doc.numberLine', { number: this.doc.number.trim() || '……/BC' })}</p>
          </div>
          <div class="nation">
            <b>${t(lang, 'reports.monthly.nation')}</b><br /><u>${t(lang, 'reports.monthly.motto')}</u>
            <p class="place-date" data-testid="monthly-place-date">${placeDateLine(this.doc.place, this.today || this.range.to, lang)}</p>
          </div>
        </header>
        <h1>${t(lang, 'reports.monthly.title', { month: month ?? '', year: year ?? '' })}</h1>
        <p class="sub">${t(lang, 'reports.monthly.range', { from: formatDay(this.range.from), to: formatDay(this.range.to) })}</p>
        ${
          d
            ? html`<h2>1. ${t(lang, 'reports.monthly.overview')}</h2>
              <p data-testid="monthly-overview">${t(lang, 'reports.monthly.summary', {
                issued: formatNumber(d.byService.totals.issued, lang),
                served: formatNumber(d.byService.totals.served, lang),
                p50: formatNumber(d.byService.totals.wait.p50Minutes, lang),
                p90: formatNumber(d.byService.totals.wait.p90Minutes, lang),
                satisfied: formatShare(d.byStaff.totals.satisfiedShare, lang),
                response: formatShare(d.byStaff.totals.responseRate, lang),
              })}</p>
              <h2>2. ${t(lang, 'reports.monthly.byService')}</h2>
              ${table(this.timeTable(d.byService), 'monthly-services')}
              <h2>3. ${t(lang, 'reports.monthly.byCounter')}</h2>
              ${table(this.timeTable(d.byCounter), 'monthly-counters')}
              <h2>4. ${t(lang, 'reports.monthly.ratings')}</h2>
              ${table(this.ratingTable(d.byStaff), 'monthly-ratings')}
              <h2>5. ${t(lang, 'reports.monthly.hours')}</h2>
              <luot-report-table .columns=${[{ label: t(lang, 'reports.hours.hour') }, { label: t(lang, 'reports.hours.issued'), numeric: true }, { label: t(lang, 'reports.hours.perDay'), numeric: true }]}
                .rows=${d.hours.hours.filter((h) => h.issued > 0).map((h) => ({ key: String(h.hour), cells: [`${String(h.hour).padStart(2, '0')}:00`, formatNumber(h.issued, lang), formatNumber(h.perDay, lang)] }))}></luot-report-table>
              <footer class="closing">
                <div class="recipients">
                  <b><i>${t(lang, 'reports.monthly.doc.recipients')}</i></b>
                  <div>- ${t(lang, 'reports.monthly.doc.recipientSuperior')}</div>
                  <div>- ${t(lang, 'reports.monthly.doc.recipientArchive')}</div>
                </div>
                <div class="signature" data-testid="monthly-signature">
                  <b>${(this.doc.signerTitle.trim() || t(lang, 'reports.monthly.doc.defaultTitle')).toLocaleUpperCase(lang === 'vi' ? 'vi' : 'en')}</b>
                  <i>${t(lang, 'reports.monthly.doc.signHint')}</i>
                  <b class="name">${this.doc.signerName.trim()}</b>
                </div>
              </footer>
              <p class="signed">${t(lang, 'reports.monthly.generated', { time: formatIssueTime(new Date(), this.timeZone) })}</p>`
            : html`<p class="muted">${t(lang, 'app.loading')}</p>`
        }
      </article>`;
  }

  static override styles = [
    reportStyles,
    css`
      .controls { display: flex; gap: 1rem; align-items: flex-end; margin-bottom: 1rem; }
      label { display: flex; flex-direction: column; gap: 0.2rem; color: var(--luot-muted); }
      input, button { font: inherit; min-height: 2.5rem; padding: 0 0.7rem; border-radius: var(--luot-radius); border: 2px solid var(--luot-border); }
      button { background: var(--luot-accent); color: var(--luot-accent-fg); border-color: var(--luot-accent); font-weight: 700; cursor: pointer; }
      .paper { background: #fff; color: #000; padding: 2rem 2.5rem; box-shadow: var(--luot-shadow); max-width: 60rem; margin: 0 auto; font-family: 'Times New Roman', 'DejaVu Serif', serif; }
      .letterhead { display: flex; justify-content: space-between; gap: 2rem; text-align: center; }
      .letterhead > div { flex: 1; }
      h1 { text-align: center; font-size: 1.4rem; margin: 1.5rem 0 0.2rem; text-transform: uppercase; }
      h2 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
      .sub { text-align: center; margin: 0; font-style: italic; }
      .letterhead p { margin: 0.4rem 0 0; }
      .place-date { font-style: italic; }
      .closing { display: flex; justify-content: space-between; gap: 2rem; margin-top: 2rem; break-inside: avoid; }
      .recipients { font-size: 0.85rem; }
      .signature { display: flex; flex-direction: column; align-items: center; min-width: 16rem; }
      .signature .name { margin-top: 5rem; }
      .signed { margin-top: 2rem; text-align: right; font-style: italic; color: #333; font-size: 0.8rem; }
      .controls { flex-wrap: wrap; }
      luot-report-table { --luot-border: #999; --luot-muted: #000; --luot-fg: #000; }
      @media print {
        .controls, .error { display: none; }
        .paper { box-shadow: none; padding: 0; max-width: none; }
        h2 { break-after: avoid; }
        luot-report-table { break-inside: avoid; }
      }
    `,
  ];
}

customElements.define('luot-report-monthly', LuotReportMonthly);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-monthly': LuotReportMonthly;
  }
}

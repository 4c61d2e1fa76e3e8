import { html } from 'lit';
import { AppointmentReportSchema, type AppointmentReport, type AppointmentReportRow } from '../protocol/appointments.schemas.ts';
import type { TimeGroupBy } from '../protocol/reports.schemas.ts';
import { ApiError, ApiResponseError, toApiError } from '../web-shared/client/api.ts';
import { errorText, t } from '../web-shared/i18n/i18n.ts';
import './luot-report-export.ts';
import type { GroupChangeEvent } from './luot-report-range.ts';
import './luot-report-range.ts';
import './luot-report-table.ts';
import type { TableColumn, TableRow } from './luot-report-table.ts';
import { ReportSection } from './report-section.ts';
import { reportStyles } from './report.styles.ts';
import { formatNumber } from './reports-logic.ts';

const GROUPS: readonly TimeGroupBy[] = ['day', 'service'];
const COUNTS = ['booked', 'cancelled', 'arrived', 'late', 'noShows'] as const;

/**
 * Appointments (issue #14): per day, or per day and service, how many were booked, cancelled,
 * arrived, came late and did not come (no-shows are computed: no ticket by the end of the arrival
 * window). Exports like the other tables (server/appointments/report.models.ts).
 */
export class LuotReportAppointments extends ReportSection {
  static override properties = { groupBy: { state: true }, report: { state: true }, serviceNames: { state: true } };
  declare groupBy: TimeGroupBy;
  declare report: AppointmentReport | null;
  declare serviceNames: Map<string, string>;

  constructor() {
    super();
    this.groupBy = 'day';
    this.report = null;
    this.serviceNames = new Map();
  }

  protected override reloadOn() {
    return ['groupBy'];
  }

  private get path() {
    const q = new URLSearchParams({ from: this.range.from, to: this.range.to, groupBy: this.groupBy === 'service' ? 'service' : 'day' });
    return `/centres/${encodeURIComponent(this.centreId)}/reports/appointments?${q.toString()}`;
  }

  protected override async load(current: () => boolean) {
    const path = this.path;
    let response: Response;
    try {
      response = await fetch(`/api${path}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    } catch (error) {
      throw toApiError(error);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const code = (json as { error?: { code?: string } } | null)?.error?.code;
      throw new ApiError(code === 'auth.forbidden' || code === 'auth.required' ? code : 'internal', `HTTP ${response.status}`, response.status);
    }
    const parsed = AppointmentReportSchema.safeParse(json);
    if (!parsed.success) throw new ApiResponseError(`GET /api${path}`, response.status, parsed.error.issues);
    if (this.serviceNames.size === 0) {
      const services = await this.api.listServices(this.centreId).catch(() => []);
      this.serviceNames = new Map(services.map((s) => [s.id, this.language === 'en' ? s.name.en : s.name.vi]));
    }
    if (current()) this.report = parsed.data;
  }

  private table(r: AppointmentReport): { columns: TableColumn[]; rows: TableRow[]; footer: string[] } {
    const lang = this.language;
    const byService = r.groupBy === 'service';
    const columns: TableColumn[] = [
      { label: t(lang, 'reports.appointments.day') },
      ...(byService ? [{ label: t(lang, 'reports.appointments.service') }] : []),
      ...COUNTS.map((k) => ({ label: t(lang, `reports.appointments.${k}`), numeric: true })),
    ];
    const cells = (row: AppointmentReportRow) => COUNTS.map((k) => formatNumber(row[k], lang));
    const rows = r.rows.map((row) => ({
      key: `${row.day}${row.serviceId ? `|${row.serviceId}` : ''}`,
      cells: [row.day, ...(byService ? [this.serviceNames.get(row.serviceId ?? '') ?? row.serviceId ?? ''] : []), ...cells(row)],
    }));
    return { columns, rows, footer: [t(lang, 'reports.appointments.total'), ...(byService ? [''] : []), ...cells(r.totals)] };
  }

  override render() {
    const lang = this.language;
    const r = this.report;
    const tb = r ? this.table(r) : null;
    return html`<section>
      <h2>${t(lang, 'reports.tab.appointments')}</h2>
      <luot-report-range .range=${this.range} .today=${this.today} .language=${lang} .groupBy=${this.groupBy} .groups=${GROUPS}
        @luot-group-change=${(e: GroupChangeEvent) => (this.groupBy = e.detail.groupBy)}></luot-report-range>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${this.loading && !r ? html`<p class="muted">${t(lang, 'app.loading')}</p>` : null}
      ${
        r && tb
          ? html`<div class="figures">
              ${COUNTS.map(
                (k) =>
                  html`<div class="figure"><b data-testid=${`appointments-${k}`}>${formatNumber(r.totals[k], lang)}</b><span>${t(lang, `reports.appointments.${k}`)}</span></div>`,
              )}
            </div>
            <p class="note">${t(lang, 'reports.appointments.note')}</p>
            <div class="table-head"><h3>${t(lang, r.groupBy === 'service' ? 'reports.appointments.byService' : 'reports.appointments.byDay')}</h3>
              <luot-report-export .path=${this.path} .language=${lang} name="appointments"></luot-report-export></div>
            ${
              r.rows.length === 0
                ? html`<p class="muted" data-testid="appointments-empty">${t(lang, 'reports.appointments.empty')}</p>`
                : html`<luot-report-table data-testid="appointments-table" .columns=${tb.columns} .rows=${tb.rows} .footer=${tb.footer}></luot-report-table>`
            }`
          : null
      }
    </section>`;
  }

  static override styles = reportStyles;
}

customElements.define('luot-report-appointments', LuotReportAppointments);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-appointments': LuotReportAppointments;
  }
}

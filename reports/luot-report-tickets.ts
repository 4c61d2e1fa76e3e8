import { css, html, type PropertyValues } from 'lit';
import type { Counter, Service } from '../protocol/centre.schemas.ts';
import type { TicketState } from '../protocol/ticket.schemas.ts';
import { REPORT_STATE_NAMES, type TicketLog } from '../protocol/reports.schemas.ts';
import { errorText, localized, t } from '../web-shared/i18n/i18n.ts';
import { formatTime } from '../web-shared/i18n/time.ts';
import './luot-report-export.ts';
import './luot-report-range.ts';
import './luot-report-table.ts';
import './luot-ticket-history.ts';
import { ReportSection } from './report-section.ts';
import { reportStyles } from './report.styles.ts';
import { currentCursor, firstPage, formatDay, formatNumber, nextPage, previousPage, reportPath, type LogPaging } from './reports-logic.ts';

const STATES: readonly TicketState[] = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'expired'];
const PAGE = 50;

interface Filters {
  serviceId: string;
  counterId: string;
  staffId: string;
  state: string;
}

/**
 * The ticket log (nhật ký phiếu): every ticket of the period, newest first, 50 a page, filtered by
 * service, counter, officer and state; the export holds the whole filtered period, with each
 * ticket's history. A row opens that ticket's history (issue #14) on click or Enter.
 */
export class LuotReportTickets extends ReportSection {
  static override properties = {
    filters: { state: true },
    paging: { state: true },
    log: { state: true },
    services: { state: true },
    counters: { state: true },
    opened: { state: true },
  };
  declare filters: Filters;
  declare paging: LogPaging;
  declare log: TicketLog | null;
  declare services: Service[];
  declare counters: Counter[];
  /** The ticket whose history is open, if any. */
  declare opened: { id: string; number: string } | null;

  constructor() {
    super();
    this.filters = { serviceId: '', counterId: '', staffId: '', state: '' };
    this.paging = firstPage();
    this.log = null;
    this.services = [];
    this.counters = [];
    this.opened = null;
  }

  private openHistory(key: string) {
    const entry = this.log?.items.find((e) => e.id === key);
    if (entry) this.opened = { id: entry.id, number: entry.number };
  }

  protected override reloadOn() {
    return ['filters', 'paging'];
  }

  override willUpdate(changed: PropertyValues) {
    // A new period or filter starts again from the newest ticket.
    if ((changed.has('range') || changed.has('filters')) && this.paging.cursors.length > 1) this.paging = firstPage();
    super.willUpdate(changed);
  }

  override firstUpdated() {
    void Promise.all([this.api.listServices(this.centreId), this.api.listCounters(this.centreId)]).then(
      ([services, counters]) => {
        this.services = services;
        this.counters = counters;
      },
      () => undefined, // the filters stay empty; the log itself reports errors
    );
  }

  private query(withPage: boolean) {
    const f = this.filters;
    return {
      ...this.range,
      serviceId: f.serviceId,
      counterId: f.counterId,
      staffId: f.staffId,
      state: f.state,
      ...(withPage ? { limit: PAGE, cursor: currentCursor(this.paging) } : {}),
    };
  }

  protected override async load(current: () => boolean) {
    const log = await this.api.getReport(this.centreId, 'tickets', this.query(true));
    if (current()) this.log = log;
  }

  private filter(e: Event) {
    const select = e.target as HTMLSelectElement;
    this.filters = { ...this.filters, [select.name]: select.value };
  }

  override render() {
    const lang = this.language;
    const log = this.log;
    const tz = this.timeZone;
    const name = <T extends { id: string }>(list: T[], id: string | null, label: (x: T) => string) =>
      id === null ? '–' : list.find((x) => x.id === id) ? label(list.find((x) => x.id === id)!) : id;
    const select = (field: keyof Filters, options: { value: string; label: string }[]) =>
      html`<label>${t(lang, `reports.log.filter.${field}`)}
        <select name=${field} @change=${this.filter} data-testid=${`log-filter-${field}`}>
          <option value="">${t(lang, 'reports.log.all')}</option>
          ${options.map((o) => html`<option value=${o.value} ?selected=${this.filters[field] === o.value}>${o.label}</option>`)}
        </select></label>`;
    return html`<section>
      <h2>${t(lang, 'reports.log.title')}</h2>
      <luot-report-range .range=${this.range} .today=${this.today} .language=${lang}></luot-report-range>
      <div class="filters">
        ${select(
          'serviceId',
          this.services.map((s) => ({ value: s.id, label: localized(s.name, lang) })),
        )}
        ${select(
          'counterId',
          this.counters.map((c) => ({ value: c.id, label: t(lang, 'counter.label', { n: c.number }) })),
        )}
        ${select(
          'staffId',
          (log?.officers ?? []).map((s) => ({ value: s.id, label: s.name })),
        )}
        ${select(
          'state',
          STATES.map((s) => ({ value: s, label: localized(REPORT_STATE_NAMES[s], lang) })),
        )}
        <luot-report-export .path=${reportPath(this.centreId, 'tickets', this.query(false))} .language=${lang} name="tickets"></luot-report-export>
      </div>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${
        log
          ? html`<p class="muted">${t(lang, 'history.hint')}</p>
            <luot-report-table data-testid="tickets-table" openable @luot-open-row=${(e: CustomEvent<{ key: string }>) => this.openHistory(e.detail.key)}
              .columns=${(
                [
                  'number',
                  'day',
                  'service',
                  'state',
                  'issued',
                  'called',
                  'finished',
                  'counter',
                  'staff',
                  'priority',
                  'transfers',
                  'wait',
                  'serviceTime',
                  'rating',
                ] as const
              ).map((k) => ({
                label: t(lang, `reports.log.${k}`),
                numeric: k === 'wait' || k === 'serviceTime' || k === 'transfers',
              }))}
              .rows=${log.items.map((e) => ({
                key: e.id,
                label: t(lang, 'history.open', { number: e.number }),
                cells: [
                  e.number,
                  formatDay(e.businessDay),
                  name(this.services, e.serviceId, (s) => localized(s.name, lang)),
                  localized(REPORT_STATE_NAMES[e.state], lang),
                  formatTime(e.issuedAt, tz),
                  e.firstCalledAt ? formatTime(e.firstCalledAt, tz) : '–',
                  e.finishedAt ? formatTime(e.finishedAt, tz) : '–',
                  name(this.counters, e.counterId, (c) => t(lang, 'counter.label', { n: c.number })),
                  name(log.officers, e.staffId, (s) => s.name),
                  // The same columns as the export (issue #15): the group's name, and how often it moved.
                  name(log.priorityGroups, e.priorityGroupId, (g) => localized(g.name, lang)),
                  String(e.transferCount),
                  formatNumber(e.waitMinutes, lang),
                  formatNumber(e.serviceMinutes, lang),
                  e.rating ? t(lang, `reports.grade.${e.rating}`) : '–',
                ],
              }))}></luot-report-table>
            ${log.items.length === 0 ? html`<p class="muted">${t(lang, 'reports.log.none')}</p>` : null}
            <div class="pager">
              <button type="button" ?disabled=${this.paging.cursors.length <= 1 || this.loading} @click=${() => (this.paging = previousPage(this.paging))} data-testid="log-newer">${t(lang, 'reports.log.newer')}</button>
              <span class="muted">${t(lang, 'reports.log.page', { n: this.paging.cursors.length })}</span>
              <button type="button" ?disabled=${!log.nextCursor || this.loading} @click=${() => log.nextCursor && (this.paging = nextPage(this.paging, log.nextCursor))} data-testid="log-older">${t(lang, 'reports.log.older')}</button>
            </div>`
          : html`<p class="muted">${t(lang, 'app.loading')}</p>`
      }
      <luot-ticket-history .api=${this.api} centreId=${this.centreId} ticketId=${this.opened?.id ?? ''} number=${this.opened?.number ?? ''}
        language=${lang} @luot-history-closed=${() => (this.opened = null)}></luot-ticket-history>
    </section>`;
  }

  static override styles = [
    reportStyles,
    // Filters and pager: the section's own form bits.
    css`
      .filters, .pager { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.6rem 1rem; }
      label { display: flex; flex-direction: column; gap: 0.2rem; color: var(--luot-muted); }
      select, button { font: inherit; min-height: 2.5rem; padding: 0 0.7rem; border-radius: var(--luot-radius); border: 2px solid var(--luot-border); background: var(--luot-surface); color: var(--luot-fg); }
      button { border-color: var(--luot-accent); color: var(--luot-accent); font-weight: 700; cursor: pointer; }
      button:disabled { opacity: 0.4; cursor: default; }
    `,
  ];
}

customElements.define('luot-report-tickets', LuotReportTickets);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-tickets': LuotReportTickets;
  }
}

import { LitElement, html } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import type { LiveReport } from '../protocol/reports.schemas.ts';
import type { AlertReport } from '../protocol/alerts.schemas.ts';
import { CentreClient } from '../web-shared/client/centre-client.ts';
import type { CentreState } from '../web-shared/client/centre-state.ts';
import '../counter-display/console/luot-alerts.ts';
import { toApiError, type Api, type ApiError } from '../web-shared/client/api.ts';
import { errorText, t } from '../web-shared/i18n/i18n.ts';
import { formatIssueTime, formatTime } from '../web-shared/i18n/time.ts';
import './luot-report-chart.ts';
import './luot-report-table.ts';
import { alertTable } from './alert-table.ts';
import { reportStyles } from './report.styles.ts';
import { deviceHealth, formatNumber } from './reports-logic.ts';

/** How often the live view asks again. */
const REFRESH_MS = 15_000;

/**
 * Today, live: who waits for what and how long, who serves at which counter, paused counters,
 * today's figures so far, and every device's health (kiosks and displays by when they were last
 * seen; printers and keypads by what their bridge reports). Asks again every 15 s.
 */
export class LuotReportLive extends LitElement {
  static override properties = {
    api: { attribute: false },
    centreId: { type: String },
    language: { type: String },
    live: { state: true },
    error: { state: true },
    centre: { state: true },
    alertCounts: { state: true },
  };
  declare api: Api;
  declare centreId: string;
  declare language: Language;
  declare live: LiveReport | null;
  declare error: ApiError | null;
  /** The centre's live state over /centre: its alerts appear and clear at once (issue #14). */
  declare centre: CentreState | null;
  /** Today's alerts counted per kind and subject (the alerts report, refreshed with the view). */
  declare alertCounts: AlertReport | null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private client: CentreClient | null = null;

  constructor() {
    super();
    this.centreId = '';
    this.language = 'vi';
    this.live = null;
    this.error = null;
    this.centre = null;
    this.alertCounts = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    if (this.hasUpdated) void this.refresh();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.client?.close();
    this.client = null;
  }

  override firstUpdated() {
    void this.refresh();
  }

  override updated() {
    // The live connection follows the centre shown (connected once, re-made if the centre changes).
    if (this.isConnected && this.centreId && (!this.client || this.clientCentre !== this.centreId)) {
      this.client?.close();
      this.clientCentre = this.centreId;
      this.client = new CentreClient({ centreId: this.centreId });
      this.client.subscribe((c) => {
        if (c.state !== this.centre) this.centre = c.state;
      });
    }
  }
  private clientCentre = '';

  private async refresh() {
    if (!this.centreId) return;
    try {
      this.live = await this.api.getReport(this.centreId, 'live');
      this.alertCounts = await this.api.getReport(this.centreId, 'alerts', { from: this.live.businessDay, to: this.live.businessDay });
      this.error = null;
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  override render() {
    const lang = this.language;
    const l = this.live;
    if (!l)
      return html`<section>${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : html`<p class="muted">${t(lang, 'app.loading')}</p>`}</section>`;
    const tz = l.timeZone;
    const now = new Date(l.at);
    const n = (v: number | null) => formatNumber(v, lang);
    const waiting = l.services.reduce((a, s) => a + s.waiting, 0);
    const open = l.counters.filter((c) => c.status !== 'closed').length;
    return html`<section>
      <h2>${t(lang, 'reports.live.title')} <span class="muted">· ${t(lang, 'reports.live.at', { time: formatTime(l.at, tz) })}</span></h2>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      <h3>${t(lang, 'alerts.title')}</h3>
      <luot-alerts data-testid="live-alerts" showNone .alerts=${this.centre?.alerts ?? []} .services=${this.centre?.services ?? []}
        .counters=${this.centre?.counters.map((v) => v.counter) ?? []} .timeZone=${tz} .language=${lang}></luot-alerts>
      <div class="figures">
        <div class="figure"><b data-testid="live-waiting">${n(waiting)}</b><span>${t(lang, 'reports.live.waiting')}</span></div>
        <div class="figure"><b data-testid="live-longest">${l.longestWait ? `${l.longestWait.number} · ${l.longestWait.minutes}′` : '–'}</b><span>${t(lang, 'reports.live.longest')}</span></div>
        <div class="figure"><b>${n(open)} / ${n(l.counters.length)}</b><span>${t(lang, 'reports.live.open')}</span></div>
        <div class="figure"><b class=${l.pausedCounters > 0 ? 'warn' : ''} data-testid="live-paused">${n(l.pausedCounters)}</b><span>${t(lang, 'reports.live.paused')}</span></div>
        <div class="figure"><b data-testid="live-issued">${n(l.today.issued)}</b><span>${t(lang, 'reports.live.issued')}</span></div>
        <div class="figure"><b data-testid="live-served">${n(l.today.served)}</b><span>${t(lang, 'reports.live.served')}</span></div>
        <div class="figure"><b>${l.today.waitP50Minutes === null ? '–' : `${n(l.today.waitP50Minutes)}′`}</b><span>${t(lang, 'reports.live.waitP50')}</span></div>
        <div class="figure"><b class=${l.printFailuresToday > 0 ? 'warn' : ''}>${n(l.printFailuresToday)}</b><span>${t(lang, 'reports.live.printFailures')}</span></div>
      </div>
      <div class="charts">
        <figure><figcaption>${t(lang, 'reports.live.perService')}</figcaption>
          <luot-report-chart horizontal label=${t(lang, 'reports.live.perService')}
            .data=${{ labels: l.services.map((s) => s.name[lang]), datasets: [{ label: t(lang, 'reports.live.waiting'), data: l.services.map((s) => s.waiting), backgroundColor: '#b3261e' }] }}></luot-report-chart></figure>
        <luot-report-table data-testid="live-services"
          .columns=${[{ label: t(lang, 'reports.by.service') }, { label: t(lang, 'reports.live.waiting'), numeric: true }, { label: t(lang, 'reports.live.longestMinutes'), numeric: true }]}
          .rows=${l.services.map((s) => ({ key: s.serviceId, cells: [s.name[lang], n(s.waiting), n(s.longestWaitMinutes)] }))}></luot-report-table>
      </div>
      <h3>${t(lang, 'reports.live.counters')}</h3>
      <luot-report-table data-testid="live-counters"
        .columns=${[{ label: t(lang, 'reports.by.counter') }, { label: t(lang, 'reports.live.status') }, { label: t(lang, 'reports.by.staff') }, { label: t(lang, 'reports.live.current') }]}
        .rows=${l.counters.map((c) => ({
          key: c.counterId,
          cells: [
            t(lang, 'counter.label', { n: c.number }),
            t(lang, `counter.status.${c.status}`),
            c.staffName ?? '–',
            c.current ? `${c.current.number} · ${t(lang, `ticket.state.${c.current.state}`)} · ${formatTime(c.current.since, tz)}` : '–',
          ],
        }))}></luot-report-table>
      ${this.renderAlertCounts()}
      <h3>${t(lang, 'reports.live.devices')}</h3>
      ${
        l.devices.length === 0
          ? html`<p class="muted">${t(lang, 'reports.live.noDevices')}</p>`
          : html`<luot-report-table data-testid="live-devices"
            .columns=${[{ label: t(lang, 'reports.live.deviceKind') }, { label: t(lang, 'reports.live.deviceName') }, { label: t(lang, 'reports.live.status') }, { label: t(lang, 'reports.live.lastSeen') }]}
            .rows=${l.devices.map((d) => {
              const health = deviceHealth(d, now);
              return {
                key: `${d.kind}:${d.id}`,
                cells: [
                  t(lang, `reports.device.${d.kind}`),
                  d.name,
                  `${t(lang, `reports.health.${health}`)}${d.status && d.status !== 'ok' ? ` (${d.status}${d.detail ? `: ${d.detail}` : ''})` : ''}`,
                  d.lastSeenAt ? formatIssueTime(d.lastSeenAt, tz) : '–',
                ],
              };
            })}></luot-report-table>`
      }
    </section>`;
  }

  /** Today's alerts, counted per kind and service or counter (GET /reports/alerts). */
  private renderAlertCounts() {
    const lang = this.language;
    const counts = this.alertCounts;
    if (!counts) return null;
    const table = alertTable(counts.rows, lang);
    return html`<h3>${t(lang, 'alerts.report.title')}</h3>
      ${
        counts.rows.length === 0
          ? html`<p class="muted" data-testid="live-alert-counts-none">${t(lang, 'alerts.report.none')}</p>`
          : html`<luot-report-table data-testid="live-alert-counts" .columns=${table.columns} .rows=${table.rows}></luot-report-table>`
      }`;
  }

  static override styles = reportStyles;
}

customElements.define('luot-report-live', LuotReportLive);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-live': LuotReportLive;
  }
}

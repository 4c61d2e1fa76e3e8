import { LitElement, css, html } from 'lit';
import type { Language } from '../../protocol/index.ts';
import type { DeviceView, PrintJobView } from '../../protocol/print.schemas.ts';
import { toApiError, type Api, type ApiError } from '../../web-shared/client/api.ts';
import { errorText, t } from '../../web-shared/i18n/i18n.ts';
import { formatTime } from '../../web-shared/i18n/time.ts';
import { printersNeedingCare, reasonKey, unprintedTickets } from './print-problems-logic.ts';

/** How often the console looks again; a failed print is seldom, a minute-old list is fine. */
const REFRESH_MS = 15_000;

/**
 * Console card "Phiếu chưa in được": tickets whose paper did not come out, with "In lại phiếu",
 * and printers that need attention. Officers see it at every counter so nobody is left without
 * their paper ticket.
 */
export class LuotPrintProblems extends LitElement {
  static override properties = {
    api: { attribute: false },
    centreId: { type: String },
    timeZone: { type: String },
    language: { type: String },
    jobs: { state: true },
    printers: { state: true },
    error: { state: true },
    reprinted: { state: true },
  };
  declare api: Api;
  declare centreId: string;
  declare timeZone: string;
  declare language: Language;
  declare jobs: PrintJobView[];
  declare printers: DeviceView[];
  declare error: ApiError | null;
  declare reprinted: string | null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.centreId = '';
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.language = 'vi';
    this.jobs = [];
    this.printers = [];
    this.error = null;
    this.reprinted = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  async refresh() {
    if (!this.centreId) return;
    try {
      const [failed, abandoned, printed, devices] = await Promise.all([
        this.api.listPrintJobs(this.centreId, 'failed'),
        this.api.listPrintJobs(this.centreId, 'abandoned'),
        this.api.listPrintJobs(this.centreId, 'printed'),
        this.api.listDevices(this.centreId),
      ]);
      this.jobs = unprintedTickets([...failed, ...abandoned, ...printed], Date.now());
      this.printers = printersNeedingCare(devices);
      this.error = null;
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  private async reprint(job: PrintJobView) {
    try {
      const reprint = await this.api.reprintTicket(this.centreId, job.ticketId);
      this.reprinted = job.number;
      // Follow the new job closely until the bridge answers (a few seconds at most).
      for (let i = 0; i < 15; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        const jobs = await this.api.listPrintJobs(this.centreId);
        const now = jobs.find((j) => j.id === reprint.id);
        if (!now || now.status === 'printed' || now.status === 'failed' || now.status === 'abandoned') break;
      }
      await this.refresh();
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'console.print.title')}</h2>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${this.reprinted ? html`<p class="ok" role="status">${t(lang, 'console.print.reprinted', { n: this.reprinted })}</p>` : null}
      ${this.printers.map(
        (p) => html`<p class="printer" data-testid="printer-problem">
          ${t(lang, 'console.print.printer', { id: p.deviceId })}: ${t(lang, (p.connected ? `console.print.status.${p.status}` : 'console.print.status.disconnected') as never)}
        </p>`,
      )}
      ${
        this.jobs.length === 0
          ? html`<p class="muted">${t(lang, 'console.print.none')}</p>`
          : html`<ul>
            ${this.jobs.map(
              (j) => html`<li data-testid="unprinted-ticket">
                <strong>${j.number}</strong>
                <span class="muted">${formatTime(j.updatedAt, this.timeZone)} · ${t(lang, reasonKey(j.error?.code) as never)}</span>
                <button type="button" @click=${() => this.reprint(j)}>${t(lang, 'console.print.reprint')}</button>
              </li>`,
            )}
          </ul>`
      }`;
  }

  static override styles = css`
    :host { display: block; }
    h2 { margin: 0 0 0.5rem; font-size: 1.1rem; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
    li { display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; }
    strong { font-size: 1.4rem; }
    .muted { color: var(--luot-muted); }
    .printer, .error { color: var(--luot-danger); font-weight: 700; margin: 0.25rem 0; }
    .ok { color: var(--luot-ok, #1b7f3b); font-weight: 700; margin: 0.25rem 0; }
    button {
      font: inherit; min-height: 2.75rem; padding: 0.4em 1em; border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent); background: transparent; color: var(--luot-accent); cursor: pointer;
    }
  `;
}

customElements.define('luot-print-problems', LuotPrintProblems);

declare global {
  interface HTMLElementTagNameMap {
    'luot-print-problems': LuotPrintProblems;
  }
}

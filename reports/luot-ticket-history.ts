import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import type { TicketHistory } from '../protocol/ticket-history.schemas.ts';
import { toApiError, type Api, type ApiError } from '../web-shared/client/api.ts';
import { errorText, t } from '../web-shared/i18n/i18n.ts';
import { reportStyles } from './report.styles.ts';
import { historyRows, historySummary } from './ticket-history-logic.ts';

export type HistoryClosedEvent = CustomEvent<{ ticketId: string }>;

/**
 * One ticket's history (issue #14, `getTicketHistory`) in a modal dialog over the ticket log: a
 * native <dialog> shown with showModal(), so focus moves into it and stays there, Escape closes
 * it, and focus returns to the row that opened it. Set `ticketId` to open it, '' to close it.
 * @fires luot-history-closed - the manager closed it (button, Escape): `{ ticketId }`
 */
export class LuotTicketHistory extends LitElement {
  static override properties = {
    api: { attribute: false },
    centreId: { type: String },
    ticketId: { type: String },
    number: { type: String },
    language: { type: String },
    history: { state: true },
    error: { state: true },
  };
  declare api: Api;
  declare centreId: string;
  declare ticketId: string;
  /** The ticket's number, for the title while the history loads. */
  declare number: string;
  declare language: Language;
  declare history: TicketHistory | null;
  declare error: ApiError | null;

  constructor() {
    super();
    this.centreId = '';
    this.ticketId = '';
    this.number = '';
    this.language = 'vi';
    this.history = null;
    this.error = null;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('ticketId') || changed.has('centreId')) {
      this.history = null;
      this.error = null;
      if (this.ticketId && this.centreId) void this.load(this.ticketId);
    }
  }

  override updated(changed: PropertyValues<this>) {
    const dialog = this.dialog;
    if (!dialog || !changed.has('ticketId')) return;
    if (this.ticketId && !dialog.open) dialog.showModal();
    if (!this.ticketId && dialog.open) dialog.close();
  }

  private async load(ticketId: string) {
    try {
      const history = await this.api.getTicketHistory(this.centreId, ticketId);
      if (ticketId === this.ticketId) this.history = history;
    } catch (error) {
      if (ticketId === this.ticketId) this.error = toApiError(error);
    }
  }

  private closed() {
    const ticketId = this.ticketId;
    this.dispatchEvent(new CustomEvent('luot-history-closed', { detail: { ticketId }, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.language;
    const h = this.history;
    const number = h?.ticket.number ?? this.number;
    const columns = ['at', 'event', 'states', 'by', 'counter', 'details'] as const;
    return html`<dialog aria-labelledby="history-title" @close=${this.closed} data-testid="ticket-history">
      <header>
        <h2 id="history-title">${t(lang, 'history.title', { number })}</h2>
        <button type="button" autofocus @click=${() => this.dialog?.close()} data-testid="history-close">${t(lang, 'history.close')}</button>
      </header>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${
        h
          ? html`<p class="muted" data-testid="history-summary">${historySummary(h, lang)}</p>
              ${
                h.entries.length === 0
                  ? html`<p class="muted">${t(lang, 'history.none')}</p>`
                  : html`<div class="scroll"><table data-testid="history-table">
                      <thead><tr>${columns.map((c) => html`<th scope="col">${t(lang, `history.col.${c}`)}</th>`)}</tr></thead>
                      <tbody>
                        ${historyRows(h, lang).map(
                          (r) => html`<tr data-testid="history-entry" data-kind=${r.kind}>
                            <td class="num">${r.at}</td><td><b>${r.event}</b></td><td>${r.states}</td><td>${r.by}</td><td class="num">${r.counter}</td><td>${r.details}</td>
                          </tr>`,
                        )}
                      </tbody>
                    </table></div>`
              }`
          : this.error
            ? null
            : html`<p class="muted" aria-live="polite">${t(lang, 'app.loading')}</p>`
      }
    </dialog>`;
  }

  static override styles = [
    reportStyles,
    css`
      dialog {
        width: min(64rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); padding: 1.25rem 1.5rem;
        border: none; border-radius: var(--luot-radius); background: var(--luot-surface); color: var(--luot-fg); box-shadow: var(--luot-shadow);
      }
      dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
      header { display: flex; align-items: center; justify-content: space-between; gap: 1rem; margin-bottom: 0.5rem; }
      button {
        font: inherit; min-height: 2.5rem; padding: 0 0.9rem; border-radius: var(--luot-radius); cursor: pointer;
        border: 2px solid var(--luot-accent); background: var(--luot-surface); color: var(--luot-accent); font-weight: 700;
      }
      button:focus-visible { outline: 3px solid var(--luot-accent); outline-offset: 2px; }
      .scroll { overflow-x: auto; margin-top: 0.75rem; }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--luot-border); text-align: left; vertical-align: top; }
      th { font-size: 0.9rem; color: var(--luot-muted); font-weight: 600; }
      .num { white-space: nowrap; }
    `,
  ];
}

customElements.define('luot-ticket-history', LuotTicketHistory);

declare global {
  interface HTMLElementTagNameMap {
    'luot-ticket-history': LuotTicketHistory;
  }
  interface HTMLElementEventMap {
    'luot-history-closed': HistoryClosedEvent;
  }
}

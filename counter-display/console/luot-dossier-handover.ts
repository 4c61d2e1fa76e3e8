import { LitElement, css, html } from 'lit';
import type { Language, Ticket } from '../../protocol/index.ts';
import { toApiError, type Api, type ApiError } from '../../web-shared/client/api.ts';
import { errorText, t } from '../../web-shared/i18n/i18n.ts';

/**
 * Result return at the counter (issue #14): the current ticket's dossier code in full (the
 * console is the officer's screen, not a public one), the "chưa tra được hồ sơ" flag, and the
 * button that records the hand-over — the dossier becomes returned and the dossier system is
 * told by webhook.
 */
export class LuotDossierHandover extends LitElement {
  static override properties = {
    api: { attribute: false },
    centreId: { type: String },
    ticket: { attribute: false },
    language: { type: String },
    busy: { state: true },
    returnedFor: { state: true },
    error: { state: true },
  };
  declare api: Api | null;
  declare centreId: string;
  declare ticket: Ticket | null;
  declare language: Language;
  declare busy: boolean;
  /** The ticket whose dossier was recorded returned from this screen. */
  declare returnedFor: string | null;
  declare error: ApiError | null;

  constructor() {
    super();
    this.api = null;
    this.centreId = '';
    this.ticket = null;
    this.language = 'vi';
    this.busy = false;
    this.returnedFor = null;
    this.error = null;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('ticket') && (changed.get('ticket') as Ticket | null | undefined)?.id !== this.ticket?.id) this.error = null;
  }

  private async markReturned() {
    const ticket = this.ticket;
    if (!ticket?.dossierCode || !this.api || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      await this.api.markDossierReturned(this.centreId, ticket.dossierCode, ticket.id);
      this.returnedFor = ticket.id;
    } catch (error) {
      const e = toApiError(error);
      // Recorded already (another console, a retry): the same outcome for the officer.
      if (e.code === 'dossier.already_returned') this.returnedFor = ticket.id;
      else this.error = e;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const ticket = this.ticket;
    if (!ticket?.dossierCode) return null;
    const lang = this.language;
    const done = this.returnedFor === ticket.id;
    return html`<p class="code" data-testid="current-dossier">${t(lang, 'counter.dossier.code', { code: ticket.dossierCode })}</p>
      ${ticket.dossierUnverified ? html`<p class="flag" data-testid="current-dossier-flag">⚠ ${t(lang, 'ticket.dossierUnverified')}</p>` : null}
      ${
        done
          ? html`<p class="done" role="status" data-testid="dossier-returned">✓ ${t(lang, 'counter.dossier.returned', { code: ticket.dossierCode })}</p>`
          : html`<button type="button" ?disabled=${this.busy} data-testid="mark-returned" @click=${() => void this.markReturned()}>
              ${t(lang, 'counter.dossier.markReturned')}
            </button>`
      }
      ${this.error ? html`<p class="error" role="alert" data-testid="dossier-error">${errorText(lang, this.error.code)}</p>` : null}`;
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; align-items: center; gap: 0.4rem; margin: 0.5rem 0; }
    p { margin: 0; }
    .code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 1.3rem; font-weight: 700; }
    .flag, .error { color: var(--luot-danger); font-weight: 700; }
    .done { color: var(--luot-ok); font-weight: 700; }
    button {
      font: inherit; font-size: 1.2rem; font-weight: 700; min-height: 3rem; padding: 0 1.5rem; cursor: pointer;
      border: none; border-radius: var(--luot-radius); background: var(--luot-ok); color: #fff;
    }
    button:disabled { opacity: 0.6; }
  `;
}

customElements.define('luot-dossier-handover', LuotDossierHandover);

declare global {
  interface HTMLElementTagNameMap {
    'luot-dossier-handover': LuotDossierHandover;
  }
}

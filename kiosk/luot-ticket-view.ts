import { LitElement, css, html } from 'lit';
import type { Centre, Language, Service, TicketStatus } from '../protocol/index.ts';
import { localized, t } from '../web-shared/i18n.ts';
import { formatIssueTime } from '../web-shared/time.ts';

/**
 * Taps closer together than this after the ticket appears are the tail of the tap that issued
 * it (or a double tap), not a request to go back.
 */
const BACK_GUARD_MS = 1000;

/** The ticket just issued, on screen until `returnSeconds` pass or the citizen taps Back. */
export class LuotTicketView extends LitElement {
  static override properties = {
    status: { attribute: false },
    service: { attribute: false },
    centre: { attribute: false },
    language: { type: String },
    returnSeconds: { type: Number },
    remaining: { state: true },
  };
  declare status: TicketStatus | null;
  declare service: Service | null;
  declare centre: Centre | null;
  declare language: Language;
  declare returnSeconds: number;
  declare remaining: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private shownAt = 0;

  constructor() {
    super();
    this.status = null;
    this.service = null;
    this.centre = null;
    this.language = 'vi';
    this.returnSeconds = 8;
    this.remaining = 8;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.shownAt = Date.now();
    this.remaining = this.returnSeconds;
    this.timer = setInterval(() => {
      this.remaining = Math.max(0, this.returnSeconds - Math.floor((Date.now() - this.shownAt) / 1000));
      if (this.remaining === 0) this.done();
    }, 250);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    if (!this.status) return null;
    const { ticket, peopleAhead } = this.status;
    const lang = this.language;
    const time = this.centre ? formatIssueTime(ticket.issuedAt, this.centre.timeZone) : '';
    return html`<article class="ticket" aria-live="assertive">
        <p class="label">${t(lang, 'kiosk.yourNumber')}</p>
        <p class="number" data-testid="ticket-number">${ticket.number}</p>
        <p class="service" data-testid="ticket-service">${this.service ? localized(this.service.name, lang) : ''}</p>
        <p class="line" data-testid="ticket-time">${t(lang, 'kiosk.issuedAt', { time })}</p>
        <p class="line ahead" data-testid="ticket-ahead">${t(lang, 'kiosk.peopleAhead', { n: peopleAhead })}</p>
        <p class="footer">${t(lang, 'kiosk.pleaseWait')}</p>
      </article>
      <div class="actions">
        <span class="countdown">${t(lang, 'kiosk.returning', { n: this.remaining })}</span>
        <button type="button" @click=${this.back}>${t(lang, 'kiosk.back')}</button>
      </div>`;
  }

  private back() {
    if (Date.now() - this.shownAt < BACK_GUARD_MS) return;
    this.done();
  }

  private done() {
    clearInterval(this.timer);
    this.dispatchEvent(new CustomEvent('luot-ticket-done', { bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 2rem;
      height: 100%;
    }
    .ticket {
      background: var(--luot-surface);
      border-radius: var(--luot-radius);
      box-shadow: var(--luot-shadow);
      padding: 2rem 4rem;
      text-align: center;
      min-width: min(90vw, 40rem);
    }
    p {
      margin: 0.4rem 0;
    }
    .label {
      font-size: 2rem;
      color: var(--luot-muted);
    }
    .number {
      font-size: var(--luot-ticket-number-size, clamp(6rem, 22vh, 14rem));
      font-weight: 800;
      line-height: 1;
      color: var(--luot-number-color);
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.04em;
    }
    .service {
      font-size: 2.4rem;
      font-weight: 700;
    }
    .line {
      font-size: 1.8rem;
    }
    .ahead {
      font-weight: 700;
    }
    .footer {
      margin-top: 1rem;
      font-size: 1.6rem;
      color: var(--luot-muted);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 2rem;
      font-size: 1.4rem;
      color: var(--luot-muted);
    }
    button {
      font: inherit;
      font-size: 1.8rem;
      min-height: 4.5rem;
      padding: 0 2.5rem;
      border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent);
      background: var(--luot-surface);
      color: var(--luot-accent);
      cursor: pointer;
    }
  `;
}

customElements.define('luot-ticket-view', LuotTicketView);

declare global {
  interface HTMLElementTagNameMap {
    'luot-ticket-view': LuotTicketView;
  }
  interface HTMLElementEventMap {
    'luot-ticket-done': CustomEvent<void>;
  }
}

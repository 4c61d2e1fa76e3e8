import { LitElement, css, html } from 'lit';
import { maskDossierCode, type Centre, type Language, type Service, type TicketStatus } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { waitText } from '../../web-shared/i18n/queue-text.ts';
import { formatIssueTime, formatTime } from '../../web-shared/i18n/time.ts';

/**
 * Taps closer together than this after the ticket appears are the tail of the tap that issued
 * it (or a double tap), not a request to go back. The button shows it: disabled until then
 * (issue #15: a tap in the first second was silently ignored).
 */
export const BACK_GUARD_MS = 600;

/**
 * The ticket just issued, on screen until `returnSeconds` pass or the citizen taps Back: what
 * DOMAIN.md says a ticket shows, with the status page's link and its QR code.
 */
export class LuotTicketView extends LitElement {
  static override properties = {
    status: { attribute: false },
    service: { attribute: false },
    centre: { attribute: false },
    priority: { attribute: false },
    followUrl: { attribute: false },
    language: { type: String },
    returnSeconds: { type: Number },
    remaining: { state: true },
    guarded: { state: true },
    qr: { state: true },
  };
  declare status: TicketStatus | null;
  declare service: Service | null;
  declare centre: Centre | null;
  /** "Ưu tiên: Người cao tuổi" when the ticket has a priority group. */
  declare priority: string | null;
  /** The status page, /t/<ticket id>: shown as text and as a QR code. */
  declare followUrl: string | null;
  declare language: Language;
  declare returnSeconds: number;
  declare remaining: number;
  /** Back is disabled for BACK_GUARD_MS after the ticket appears. */
  declare guarded: boolean;
  /** The follow link as a QR code (data: URL), for a phone to scan off the screen (issue #15). */
  declare qr: string | null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private guard: ReturnType<typeof setTimeout> | undefined;
  private shownAt = 0;

  constructor() {
    super();
    this.status = null;
    this.service = null;
    this.centre = null;
    this.priority = null;
    this.followUrl = null;
    this.language = 'vi';
    this.returnSeconds = 8;
    this.remaining = 8;
    this.guarded = true;
    this.qr = null;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('followUrl')) void this.drawQr(this.followUrl);
  }

  private async drawQr(url: string | null) {
    this.qr = null;
    if (!url) return;
    // Loaded when first needed: the menu never pays for it.
    const { default: QRCode } = await import('qrcode');
    const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, scale: 6 }).catch(() => null);
    if (url === this.followUrl) this.qr = qr;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.shownAt = Date.now();
    this.remaining = this.returnSeconds;
    this.guarded = true;
    this.guard = setTimeout(() => (this.guarded = false), BACK_GUARD_MS);
    this.timer = setInterval(() => {
      this.remaining = Math.max(0, this.returnSeconds - Math.floor((Date.now() - this.shownAt) / 1000));
      if (this.remaining === 0) this.done();
    }, 250);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
    clearTimeout(this.guard);
  }

  override render() {
    if (!this.status) return null;
    const { ticket, peopleAhead, estimatedWaitMinutes } = this.status;
    const lang = this.language;
    const time = this.centre ? formatIssueTime(ticket.issuedAt, this.centre.timeZone) : '';
    return html`<article class="ticket" aria-live="assertive">
        <p class="label">${t(lang, 'kiosk.yourNumber')}</p>
        <p class="number" data-testid="ticket-number">${ticket.number}</p>
        <p class="service" data-testid="ticket-service">${this.service ? localized(this.service.name, lang) : ''}</p>
        ${this.priority ? html`<p class="priority" data-testid="ticket-priority">★ ${this.priority}</p>` : null}
        ${ticket.dossierCode ? html`<p class="line" data-testid="ticket-dossier">${t(lang, 'ticket.dossier', { code: maskDossierCode(ticket.dossierCode) })}</p>` : null}
        ${ticket.dossierUnverified ? html`<p class="line flag" data-testid="ticket-dossier-flag">${t(lang, 'ticket.dossierUnverified')}</p>` : null}
        ${ticket.appointmentAt && this.centre ? html`<p class="line appointment" data-testid="ticket-appointment">${t(lang, 'ticket.appointment', { time: formatTime(ticket.appointmentAt, this.centre.timeZone) })}</p>` : null}
        <p class="line" data-testid="ticket-time">${t(lang, 'kiosk.issuedAt', { time })}</p>
        <p class="line ahead" data-testid="ticket-ahead">${t(lang, 'kiosk.peopleAhead', { n: peopleAhead })}</p>
        <p class="line" data-testid="ticket-wait">${t(lang, 'kiosk.estimate', { wait: waitText(lang, estimatedWaitMinutes) })}</p>
        <p class="footer">${t(lang, 'kiosk.pleaseWait')}</p>
        ${
          this.followUrl
            ? html`<div class="follow">
                ${this.qr ? html`<img class="qr" src=${this.qr} alt=${t(lang, 'kiosk.followQr')} data-testid="ticket-qr" />` : null}
                <p>${t(lang, 'kiosk.follow')} <span class="url" data-testid="ticket-follow">${this.followUrl}</span></p>
              </div>`
            : null
        }
      </article>
      <div class="actions">
        <span class="countdown">${t(lang, 'kiosk.returning', { n: this.remaining })}</span>
        <button type="button" data-testid="ticket-back" ?disabled=${this.guarded} @click=${this.back}>${t(lang, 'kiosk.back')}</button>
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
      padding: var(--luot-ticket-padding, 2rem 4rem);
      text-align: center;
      min-width: min(90vw, 40rem);
    }
    p {
      margin: 0.4rem 0;
    }
    .label {
      font-size: calc(2rem * var(--luot-kiosk-scale, 1));
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
      font-size: calc(2.4rem * var(--luot-kiosk-scale, 1));
      font-weight: 700;
    }
    .line {
      font-size: calc(1.8rem * var(--luot-kiosk-scale, 1));
    }
    .ahead {
      font-weight: 700;
    }
    .flag {
      color: var(--luot-danger);
      font-weight: 700;
    }
    .priority {
      display: inline-block;
      padding: 0.2rem 1.2rem;
      border-radius: 999px;
      background: var(--luot-priority-bg);
      color: var(--luot-priority-fg);
      font-size: calc(1.6rem * var(--luot-kiosk-scale, 1));
      font-weight: 700;
    }
    .follow {
      margin-top: 1rem;
      display: flex;
      align-items: center;
      gap: 1.2rem;
      font-size: calc(1.1rem * var(--luot-kiosk-scale, 1));
      color: var(--luot-muted);
      text-align: left;
    }
    .follow p {
      margin: 0;
    }
    .qr {
      width: 9rem;
      height: 9rem;
      flex: 0 0 auto;
      image-rendering: pixelated;
    }
    .url {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      word-break: break-all;
      user-select: text;
    }
    .footer {
      margin-top: 1rem;
      font-size: calc(1.6rem * var(--luot-kiosk-scale, 1));
      color: var(--luot-muted);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 2rem;
      font-size: calc(1.4rem * var(--luot-kiosk-scale, 1));
      color: var(--luot-muted);
    }
    button {
      font: inherit;
      font-size: calc(1.8rem * var(--luot-kiosk-scale, 1));
      min-height: 4.5rem;
      padding: 0 2.5rem;
      border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent);
      background: var(--luot-surface);
      color: var(--luot-accent);
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.45;
      cursor: default;
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

import { LitElement, css, html } from 'lit';
import type { Language, Service, Ticket } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { formatTime } from '../../web-shared/i18n/time.ts';

/** The ticket a counter is attending: number, service and where it is in its life cycle. */
export class LuotCurrentTicket extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    service: { attribute: false },
    priority: { attribute: false },
    language: { type: String },
    timeZone: { type: String },
  };
  declare ticket: Ticket | null;
  declare service: Service | null;
  /** "Ưu tiên: Người cao tuổi" when the ticket has a priority group. */
  declare priority: string | null;
  declare language: Language;
  declare timeZone: string;

  constructor() {
    super();
    this.ticket = null;
    this.service = null;
    this.priority = null;
    this.language = 'vi';
    this.timeZone = 'Asia/Ho_Chi_Minh';
  }

  override render() {
    const lang = this.language;
    const ticket = this.ticket;
    if (!ticket) return html`<p class="none" data-testid="current-none">${t(lang, 'console.noCurrent')}</p>`;
    const since = ticket.servingAt ?? ticket.calledAt;
    return html`<p class="number" data-testid="current-number">${ticket.number}</p>
      <p class="service" data-testid="current-service">${this.service ? localized(this.service.name, lang) : ''}</p>
      <p class="state state-${ticket.state}" data-testid="current-state">
        ${t(lang, `ticket.state.${ticket.state}`)}${since ? html` · ${formatTime(since, this.timeZone)}` : null}
      </p>
      ${this.priority ? html`<p class="priority" data-testid="current-priority">★ ${this.priority}</p>` : null}
      ${ticket.appointmentAt ? html`<p class="priority" data-testid="current-appointment">${t(lang, 'ticket.appointment', { time: formatTime(ticket.appointmentAt, this.timeZone) })}</p>` : null}
      ${
        ticket.recallCount > 0 ? html`<p class="recalls" data-testid="current-recalls">${t(lang, 'console.recallCount', { n: ticket.recallCount })}</p>` : null
      }`;
  }

  static override styles = css`
    :host {
      display: block;
      text-align: center;
    }
    p {
      margin: 0.3rem 0;
    }
    .number {
      font-size: var(--luot-console-number-size, 6rem);
      font-weight: 800;
      line-height: 1;
      color: var(--luot-number-color);
      font-variant-numeric: tabular-nums;
    }
    .service {
      font-size: 1.6rem;
      font-weight: 700;
    }
    .state {
      font-size: 1.3rem;
      color: var(--luot-muted);
    }
    .state-serving {
      color: var(--luot-ok);
      font-weight: 700;
    }
    .priority {
      display: inline-block;
      padding: 0.15rem 0.9rem;
      border-radius: 999px;
      background: var(--luot-priority-bg);
      color: var(--luot-priority-fg);
      font-weight: 700;
    }
    .recalls {
      font-size: 1.2rem;
      font-weight: 700;
      color: var(--luot-danger);
    }
    .none {
      font-size: 1.6rem;
      color: var(--luot-muted);
      padding: 2rem 0;
    }
  `;
}

customElements.define('luot-current-ticket', LuotCurrentTicket);

declare global {
  interface HTMLElementTagNameMap {
    'luot-current-ticket': LuotCurrentTicket;
  }
}

import { LitElement, css, html } from 'lit';
import type { Counter, Language, Service, Ticket } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { sendAction } from './console-events.ts';

/**
 * Tickets set aside ("Tạm gác") while the citizen fetches a document. When they are back,
 * "Tiếp tục" calls the ticket to this counter again; any counter may do it.
 */
export class LuotParkedList extends LitElement {
  static override properties = {
    tickets: { attribute: false },
    services: { attribute: false },
    counters: { attribute: false },
    canResume: { type: Boolean },
    busy: { type: Boolean },
    language: { type: String },
  };
  /** In the order to show (console-forms.ts parkedForCounter). */
  declare tickets: Ticket[];
  declare services: Service[];
  declare counters: Counter[];
  declare canResume: boolean;
  declare busy: boolean;
  declare language: Language;

  constructor() {
    super();
    this.tickets = [];
    this.services = [];
    this.counters = [];
    this.canResume = false;
    this.busy = false;
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'console.parked')}</h2>
      ${this.tickets.length === 0
        ? html`<p class="none">${t(lang, 'console.parkedNone')}</p>`
        : html`<ul>
            ${this.tickets.map((ticket) => {
              const service = this.services.find((s) => s.id === ticket.serviceId);
              const counter = this.counters.find((c) => c.id === ticket.counterId);
              return html`<li data-testid="parked-ticket" data-ticket-id=${ticket.id}>
                <span class="number">${ticket.number}</span>
                <span class="where">
                  ${service ? localized(service.name, lang) : ''}${counter ? html` · ${t(lang, 'counter.label', { n: counter.number })}` : null}
                </span>
                <button type="button" data-action="resume-ticket" ?disabled=${!this.canResume || this.busy}
                  @click=${() => sendAction(this, 'resume-ticket', { ticketId: ticket.id })}>${t(lang, 'console.resumeTicket')}</button>
              </li>`;
            })}
          </ul>`}`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
      color: var(--luot-muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--luot-border);
    }
    .number {
      font-size: 1.4rem;
      font-weight: 800;
      font-variant-numeric: tabular-nums;
    }
    .where {
      flex: 1;
      color: var(--luot-muted);
    }
    button {
      font: inherit;
      font-weight: 700;
      min-height: 2.75rem;
      padding: 0 1rem;
      border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent);
      background: var(--luot-surface);
      color: var(--luot-accent);
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.35;
      cursor: not-allowed;
    }
    .none {
      color: var(--luot-muted);
      margin: 0;
    }
  `;
}

customElements.define('luot-parked-list', LuotParkedList);

declare global {
  interface HTMLElementTagNameMap {
    'luot-parked-list': LuotParkedList;
  }
}

import { LitElement, css, html } from 'lit';
import type { Estimates, Language, Service, WaitingCounts } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { waitText } from '../../web-shared/i18n/queue-text.ts';

export type ServiceSelectEvent = CustomEvent<{ serviceId: string }>;

/**
 * The kiosk's menu: one big button per service (lĩnh vực) taking tickets, each with how many
 * wait and roughly how long, so a citizen can see a long queue before taking a number.
 */
export class LuotServiceMenu extends LitElement {
  static override properties = {
    services: { attribute: false },
    language: { type: String },
    disabled: { type: Boolean },
    busyServiceId: { attribute: false },
    waiting: { attribute: false },
    estimates: { attribute: false },
  };
  declare services: Service[];
  declare language: Language;
  /** True while a ticket is being issued: a second tap must not take a second number. */
  declare disabled: boolean;
  declare busyServiceId: string | null;
  /** Null until the live snapshot arrives: the figures are then left out rather than shown as 0. */
  declare waiting: WaitingCounts | null;
  declare estimates: Estimates | null;

  constructor() {
    super();
    this.services = [];
    this.language = 'vi';
    this.disabled = false;
    this.busyServiceId = null;
    this.waiting = null;
    this.estimates = null;
  }

  override render() {
    const active = this.services.filter((s) => s.active);
    if (active.length === 0) return html`<p class="empty">${t(this.language, 'kiosk.noServices')}</p>`;
    return html`<ul class="grid">
      ${active.map(
        (s) => html`<li>
          <button
            type="button"
            data-service-id=${s.id}
            ?disabled=${this.disabled}
            aria-busy=${this.busyServiceId === s.id ? 'true' : 'false'}
            @click=${() => this.select(s.id)}
          >
            <span class="name">${localized(s.name, this.language)}</span>
            ${this.busyServiceId === s.id ? html`<span class="busy">${t(this.language, 'kiosk.issuing')}</span>` : this.renderFigures(s.id)}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private renderFigures(serviceId: string) {
    if (!this.waiting || !this.estimates) return null;
    const lang = this.language;
    return html`<span class="figures" data-testid="service-figures">
      <span>${t(lang, 'kiosk.waitingCount', { n: this.waiting[serviceId] ?? 0 })}</span>
      <span>${t(lang, 'kiosk.estimate', { wait: waitText(lang, this.estimates[serviceId]) })}</span>
    </span>`;
  }

  private select(serviceId: string) {
    if (this.disabled) return;
    this.dispatchEvent(new CustomEvent('luot-service-select', { detail: { serviceId }, bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: block;
    }
    .grid {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--luot-kiosk-gap, 1.5rem);
      grid-template-columns: 1fr;
      grid-auto-rows: minmax(8rem, 1fr);
      height: 100%;
    }
    /* Landscape kiosks (the common 21.5" and 32" stands) get two columns, very wide ones three. */
    @media (orientation: landscape) {
      .grid {
        grid-template-columns: repeat(2, 1fr);
      }
    }
    @media (orientation: landscape) and (min-width: 1600px) {
      .grid {
        grid-template-columns: repeat(3, 1fr);
      }
    }
    li {
      display: flex;
    }
    button {
      flex: 1;
      font: inherit;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      padding: 1rem 1.5rem;
      border: none;
      border-radius: var(--luot-radius);
      background: var(--luot-accent);
      color: var(--luot-accent-fg);
      box-shadow: var(--luot-shadow);
      cursor: pointer;
      touch-action: manipulation;
    }
    button:active:not(:disabled) {
      transform: scale(0.98);
    }
    button:disabled {
      opacity: 0.55;
      cursor: wait;
    }
    button[aria-busy='true'] {
      opacity: 1;
      outline: 6px solid var(--luot-number-color);
    }
    .name {
      font-size: var(--luot-kiosk-button-font-size, clamp(1.75rem, 3.2vw, 3rem));
      font-weight: 700;
      line-height: 1.25;
      text-align: center;
    }
    .busy {
      font-size: 1.25rem;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.25rem 1.5rem;
      font-size: var(--luot-kiosk-figures-font-size, clamp(1.3rem, 1.6vw, 1.6rem));
      opacity: 0.92;
    }
    .empty {
      font-size: 2rem;
      text-align: center;
      color: var(--luot-muted);
    }
  `;
}

customElements.define('luot-service-menu', LuotServiceMenu);

declare global {
  interface HTMLElementTagNameMap {
    'luot-service-menu': LuotServiceMenu;
  }
  interface HTMLElementEventMap {
    'luot-service-select': ServiceSelectEvent;
  }
}

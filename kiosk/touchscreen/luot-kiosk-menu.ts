import { LitElement, css, html } from 'lit';
import type { Estimates, KioskClosedServices, Language, PriorityGroup, Service, WaitingCounts } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import './luot-service-menu.ts';

/**
 * The kiosk's first screen: the "Ưu tiên" button above the services (or, once a group is
 * chosen, a banner saying so with a way back), then one button per service.
 */
export class LuotKioskMenu extends LitElement {
  static override properties = {
    services: { attribute: false },
    waiting: { attribute: false },
    estimates: { attribute: false },
    closedMode: { type: String },
    largePrint: { type: Boolean },
    checkIn: { type: Boolean },
    groups: { attribute: false },
    priorityGroupId: { attribute: false },
    busyServiceId: { attribute: false },
    language: { type: String },
  };
  declare services: Service[];
  declare waiting: WaitingCounts | null;
  declare estimates: Estimates | null;
  /** The centre's `kioskClosedServices` (luot-service-menu.ts). */
  declare closedMode: KioskClosedServices;
  /** The centre's large print (issue #15): the menu measures its tiles again when it changes. */
  declare largePrint: boolean;
  /** The appointment check-in button: only where the centre takes appointments (settings `appointments.enabled`). */
  declare checkIn: boolean;
  /** The centre's active priority groups; the button is hidden when there are none. */
  declare groups: PriorityGroup[];
  declare priorityGroupId: string | null;
  declare busyServiceId: string | null;
  declare language: Language;

  constructor() {
    super();
    this.services = [];
    this.waiting = null;
    this.estimates = null;
    this.closedMode = 'warn';
    this.largePrint = false;
    this.checkIn = true;
    this.groups = [];
    this.priorityGroupId = null;
    this.busyServiceId = null;
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    const chosen = this.groups.find((g) => g.id === this.priorityGroupId) ?? null;
    return html`${
      chosen
        ? html`<div class="chosen" data-testid="priority-chosen">
            <span>★ ${t(lang, 'kiosk.priorityChosen', { group: localized(chosen.name, lang) })}</span>
            <button type="button" class="cancel" @click=${() => this.emit('luot-priority-cancel')}>${t(lang, 'kiosk.priorityCancel')}</button>
          </div>`
        : html`<div class="top">
            <div class="titles">
              <h2>${t(lang, 'kiosk.title')}</h2>
              <p class="hint">${t(lang, 'kiosk.hint')}</p>
            </div>
            ${
              this.groups.length > 0
                ? html`<button type="button" class="priority" data-testid="priority-button" @click=${() => this.emit('luot-priority-start')}>
                  <span class="big">★ ${t(lang, 'kiosk.priority')}</span>
                  <span class="who">${this.groups.map((g) => localized(g.name, lang)).join(' · ')}</span>
                </button>`
                : null
            }
            ${
              this.checkIn
                ? html`<button type="button" class="return appointment" data-testid="checkin-button" @click=${() => this.emit('luot-checkin-start')}>
                    <span class="big">${t(lang, 'kiosk.appointment.button')}</span>
                    <span class="who">${t(lang, 'kiosk.appointment.hint')}</span>
                  </button>`
                : null
            }
            <button type="button" class="return" data-testid="return-button" @click=${() => this.emit('luot-return-start')}>
              <span class="big">${t(lang, 'kiosk.return.menu')}</span>
              <span class="who">${t(lang, 'kiosk.return.menuHint')}</span>
            </button>
          </div>`
    }
      <luot-service-menu
        .services=${this.services}
        .waiting=${this.waiting}
        .estimates=${this.estimates}
        .closedMode=${this.closedMode}
        .largePrint=${this.largePrint}
        .language=${lang}
        .disabled=${this.busyServiceId !== null}
        .busyServiceId=${this.busyServiceId}
      ></luot-service-menu>`;
  }

  private emit(name: 'luot-priority-start' | 'luot-priority-cancel' | 'luot-return-start' | 'luot-checkin-start') {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 1.25rem;
    }
    /* The heading on its own line, the entry buttons (priority, appointment, result) side by side
       under it: with three buttons beside it the heading was squeezed into a narrow column. */
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: stretch;
      gap: 1rem 1.5rem;
    }
    .titles {
      flex: 1 0 100%;
      text-align: center;
    }
    .top > button {
      flex: 1 1 0;
    }
    h2 {
      margin: 0;
      font-size: calc(clamp(2rem, 3.5vw, 3.2rem) * var(--luot-kiosk-scale, 1));
    }
    .hint {
      margin: 0.25rem 0 0;
      font-size: calc(1.5rem * var(--luot-kiosk-scale, 1));
      color: var(--luot-muted);
    }
    button {
      font: inherit;
      cursor: pointer;
      touch-action: manipulation;
      border-radius: var(--luot-radius);
    }
    /* Blue, not the services' red, and always at the top: people who need it look for it first. */
    .priority {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.3rem;
      max-width: 40%;
      padding: 1rem 2rem;
      border: none;
      background: var(--luot-priority-bg);
      color: var(--luot-priority-fg);
      box-shadow: var(--luot-shadow);
    }
    /* Result return (issue #14): beside the priority button, green like a way out of the queue menu. */
    .return {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.3rem;
      max-width: 30%;
      padding: 1rem 2rem;
      border: none;
      background: var(--luot-return-bg, #1b7f3b);
      color: var(--luot-return-fg, #fff);
      box-shadow: var(--luot-shadow);
    }
    /* Appointments (issue #14): the same shape, in the accent colour. */
    .return.appointment {
      background: var(--luot-appointment-bg, #6a3fa0);
    }
    .return .big {
      font-size: calc(clamp(1.8rem, 2.8vw, 2.6rem) * var(--luot-kiosk-scale, 1));
      font-weight: 800;
    }
    .return .who {
      font-size: calc(1.1rem * var(--luot-kiosk-scale, 1));
      text-align: center;
    }
    .priority .big {
      font-size: calc(clamp(2rem, 3.2vw, 3rem) * var(--luot-kiosk-scale, 1));
      font-weight: 800;
    }
    .priority .who {
      font-size: calc(1.1rem * var(--luot-kiosk-scale, 1));
      text-align: center;
    }
    .chosen {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 1rem 1.5rem;
      border-radius: var(--luot-radius);
      background: var(--luot-priority-bg);
      color: var(--luot-priority-fg);
      font-size: calc(clamp(1.5rem, 2.5vw, 2.4rem) * var(--luot-kiosk-scale, 1));
      font-weight: 700;
    }
    .cancel {
      font-size: calc(1.4rem * var(--luot-kiosk-scale, 1));
      min-height: 4rem;
      padding: 0 1.5rem;
      border: 2px solid currentColor;
      background: transparent;
      color: inherit;
      white-space: nowrap;
    }
    luot-service-menu {
      flex: 1;
      min-height: 0;
    }
    .top > .priority,
    .top > .return {
      max-width: none;
      min-width: 0;
    }
  `;
}

customElements.define('luot-kiosk-menu', LuotKioskMenu);

declare global {
  interface HTMLElementTagNameMap {
    'luot-kiosk-menu': LuotKioskMenu;
  }
  interface HTMLElementEventMap {
    'luot-priority-start': CustomEvent<void>;
    'luot-return-start': CustomEvent<void>;
    /** Appointments (issue #14): "Đã đặt lịch hẹn". */
    'luot-checkin-start': CustomEvent<void>;
  }
}

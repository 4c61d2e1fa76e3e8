import { LitElement, css, html } from 'lit';
import type { Language, PriorityGroup } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';

export type PrioritySelectEvent = CustomEvent<{ groupId: string }>;

/**
 * The second kiosk screen after "Ưu tiên": one big button per priority group the centre
 * configured (người cao tuổi, người khuyết tật …), then the citizen chooses the service.
 */
export class LuotPriorityPicker extends LitElement {
  static override properties = { groups: { attribute: false }, language: { type: String } };
  declare groups: PriorityGroup[];
  declare language: Language;

  constructor() {
    super();
    this.groups = [];
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'kiosk.priorityTitle')}</h2>
      <p class="note">${t(lang, 'kiosk.priorityNote')}</p>
      <ul>
        ${this.groups
          .filter((g) => g.active)
          .map(
            (g) => html`<li>
              <button type="button" class="group" data-group-id=${g.id} @click=${() => this.emit('luot-priority-select', { groupId: g.id })}>
                ${localized(g.name, lang)}
              </button>
            </li>`,
          )}
      </ul>
      <button type="button" class="back" @click=${() => this.emit('luot-priority-cancel', undefined)}>${t(lang, 'kiosk.back')}</button>`;
  }

  private emit(name: 'luot-priority-select' | 'luot-priority-cancel', detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 1rem;
    }
    h2 {
      margin: 0;
      font-size: calc(clamp(2rem, 3.5vw, 3.2rem) * var(--luot-kiosk-scale, 1));
      text-align: center;
    }
    .note {
      margin: 0;
      font-size: calc(1.4rem * var(--luot-kiosk-scale, 1));
      color: var(--luot-muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      width: 100%;
      flex: 1;
      display: grid;
      gap: var(--luot-kiosk-gap, 1.5rem);
      grid-template-columns: 1fr;
      grid-auto-rows: minmax(7rem, 1fr);
    }
    @media (orientation: landscape) {
      ul {
        grid-template-columns: repeat(2, 1fr);
      }
    }
    li {
      display: flex;
    }
    button {
      font: inherit;
      cursor: pointer;
      touch-action: manipulation;
      border-radius: var(--luot-radius);
    }
    .group {
      flex: 1;
      border: none;
      background: var(--luot-priority-bg, #1d4ed8);
      color: var(--luot-priority-fg, #ffffff);
      box-shadow: var(--luot-shadow);
      font-size: calc(clamp(1.75rem, 3vw, 2.8rem) * var(--luot-kiosk-scale, 1));
      font-weight: 700;
      padding: 1rem;
    }
    .group:active {
      transform: scale(0.98);
    }
    .back {
      font-size: calc(1.8rem * var(--luot-kiosk-scale, 1));
      min-height: 4.5rem;
      padding: 0 2.5rem;
      border: 2px solid var(--luot-accent);
      background: var(--luot-surface);
      color: var(--luot-accent);
    }
  `;
}

customElements.define('luot-priority-picker', LuotPriorityPicker);

declare global {
  interface HTMLElementTagNameMap {
    'luot-priority-picker': LuotPriorityPicker;
  }
  interface HTMLElementEventMap {
    'luot-priority-select': PrioritySelectEvent;
    'luot-priority-cancel': CustomEvent<void>;
  }
}

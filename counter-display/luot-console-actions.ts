import { LitElement, css, html } from 'lit';
import type { Language } from '../protocol/index.ts';
import type { CounterAction } from '../web-shared/api.ts';
import { t, type MessageKey } from '../web-shared/i18n.ts';
import type { AllowedActions } from './console-logic.ts';

export type CounterActionEvent = CustomEvent<{ action: CounterAction }>;

const BUTTONS: { action: CounterAction; label: MessageKey }[] = [
  { action: 'call-next', label: 'console.callNext' },
  { action: 'start-serving', label: 'console.startServing' },
  { action: 'finish', label: 'console.finish' },
];

/** The officer's three buttons, each enabled only when it makes sense (console-logic.ts). */
export class LuotConsoleActions extends LitElement {
  static override properties = {
    allowed: { attribute: false },
    busy: { type: Boolean },
    language: { type: String },
  };
  declare allowed: AllowedActions;
  /** True while a request is in flight: one press, one request. */
  declare busy: boolean;
  declare language: Language;

  constructor() {
    super();
    this.allowed = { 'call-next': false, 'start-serving': false, finish: false };
    this.busy = false;
    this.language = 'vi';
  }

  override render() {
    return BUTTONS.map(
      ({ action, label }) => html`<button
        type="button"
        data-action=${action}
        ?disabled=${!this.allowed[action] || this.busy}
        @click=${() => this.press(action)}
      >
        ${t(this.language, label)}
      </button>`,
    );
  }

  private press(action: CounterAction) {
    if (this.busy || !this.allowed[action]) return;
    this.dispatchEvent(new CustomEvent('luot-counter-action', { detail: { action }, bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 1rem;
    }
    button {
      font: inherit;
      font-size: 1.35rem;
      font-weight: 700;
      min-height: 4.5rem;
      border: none;
      border-radius: var(--luot-radius);
      background: var(--luot-accent);
      color: var(--luot-accent-fg);
      cursor: pointer;
    }
    button[data-action='finish'] {
      background: var(--luot-ok);
    }
    button:disabled {
      opacity: 0.35;
      cursor: not-allowed;
    }
  `;
}

customElements.define('luot-console-actions', LuotConsoleActions);

declare global {
  interface HTMLElementTagNameMap {
    'luot-console-actions': LuotConsoleActions;
  }
  interface HTMLElementEventMap {
    'luot-counter-action': CounterActionEvent;
  }
}

import { LitElement, css, html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Language } from '../../protocol/index.ts';
import { t, type MessageKey } from '../../web-shared/i18n/i18n.ts';
import { sendAction } from './console-events.ts';
import { SHORTCUTS, shortcutAction, type AllowedActions, type ConsoleAction } from './console-logic.ts';

/** The calling buttons first (pressed all day), the less frequent ones in a second row. */
const PRIMARY: { action: ConsoleAction; label: MessageKey }[] = [
  { action: 'call-next', label: 'console.callNext' },
  { action: 'recall', label: 'console.recall' },
  { action: 'start-serving', label: 'console.startServing' },
  { action: 'finish', label: 'console.finish' },
  { action: 'finish-next', label: 'console.finishNext' },
];
const SECONDARY: { action: ConsoleAction; label: MessageKey }[] = [
  { action: 'no-show', label: 'console.noShow' },
  { action: 'park', label: 'console.park' },
  { action: 'transfer', label: 'console.transfer' },
  { action: 'call', label: 'console.callNumber' },
  { action: 'grant', label: 'console.grant' },
];

/**
 * The officer's ticket buttons, each enabled only when it makes sense (console-logic.ts), each
 * common one with its key (SHORTCUTS, shown on the button) pressed anywhere outside a field.
 */
export class LuotConsoleActions extends LitElement {
  static override properties = {
    allowed: { attribute: false },
    busy: { type: Boolean },
    language: { type: String },
  };
  declare allowed: AllowedActions | null;
  /** True while a request is in flight: one press, one request. */
  declare busy: boolean;
  declare language: Language;

  constructor() {
    super();
    this.allowed = null;
    this.busy = false;
    this.language = 'vi';
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const target = e.composedPath()[0];
    const inField = target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
    const action = shortcutAction(e.key, e.ctrlKey || e.altKey || e.metaKey, inField);
    if (!action || e.repeat) return;
    e.preventDefault();
    this.press(action);
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
  }

  override render() {
    const row = (buttons: typeof PRIMARY, kind: string) =>
      html`<div class="row ${kind}">
        ${buttons.map(
          ({ action, label }) => html`<button
            type="button"
            data-action=${action}
            aria-keyshortcuts=${ifDefined(SHORTCUTS[action])}
            ?disabled=${!this.allowed?.[action] || this.busy}
            @click=${() => this.press(action)}
          >
            ${t(this.language, label)}${SHORTCUTS[action] ? html` <kbd aria-hidden="true">${SHORTCUTS[action]}</kbd>` : null}
          </button>`,
        )}
      </div>`;
    return [row(PRIMARY, 'primary'), row(SECONDARY, 'secondary')];
  }

  private press(action: ConsoleAction) {
    if (this.busy || !this.allowed?.[action]) return;
    sendAction(this, action);
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .row {
      display: grid;
      gap: 0.75rem;
    }
    .primary {
      grid-template-columns: 2fr 1fr 1fr 1fr 1.4fr;
    }
    kbd {
      display: inline-block;
      margin-left: 0.35rem;
      padding: 0 0.35rem;
      border: 1px solid currentColor;
      border-radius: 4px;
      font: inherit;
      font-size: 0.8em;
      opacity: 0.8;
    }
    .secondary {
      grid-template-columns: repeat(5, 1fr);
    }
    button {
      font: inherit;
      font-weight: 700;
      border-radius: var(--luot-radius);
      cursor: pointer;
    }
    .primary button {
      font-size: 1.3rem;
      min-height: 4.5rem;
      border: none;
      background: var(--luot-accent);
      color: var(--luot-accent-fg);
    }
    .primary button[data-action='finish'],
    .primary button[data-action='finish-next'] {
      background: var(--luot-ok);
    }
    .secondary button {
      font-size: 1.05rem;
      min-height: 3.25rem;
      border: 2px solid var(--luot-border);
      background: var(--luot-surface);
      color: var(--luot-fg);
    }
    button:disabled {
      opacity: 0.35;
      cursor: not-allowed;
    }
    @media (max-width: 700px) {
      .primary,
      .secondary {
        grid-template-columns: 1fr 1fr;
      }
    }
  `;
}

customElements.define('luot-console-actions', LuotConsoleActions);

declare global {
  interface HTMLElementTagNameMap {
    'luot-console-actions': LuotConsoleActions;
  }
}

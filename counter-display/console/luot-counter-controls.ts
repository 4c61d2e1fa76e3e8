import { LitElement, css, html } from 'lit';
import type { CounterView, Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import { sendAction } from './console-events.ts';
import type { AllowedActions, ConsoleAction } from './console-logic.ts';

/**
 * Who holds the counter and the buttons that change it: "Mở quầy" on a closed counter,
 * "Tạm dừng" / "Tiếp tục làm việc" and "Đóng quầy" on one the officer holds. The notice says
 * plainly when another officer holds it (`counter.busy`) or what to do first.
 */
export class LuotCounterControls extends LitElement {
  static override properties = {
    view: { attribute: false },
    mine: { type: Boolean },
    allowed: { attribute: false },
    notice: { attribute: false },
    busy: { type: Boolean },
    language: { type: String },
  };
  declare view: CounterView | null;
  /** The logged-in officer holds this counter; otherwise only "Mở quầy" is offered. */
  declare mine: boolean;
  declare allowed: AllowedActions | null;
  /** `warn` for a refusal (another officer holds it); otherwise a hint. */
  declare notice: { text: string; warn: boolean } | null;
  declare busy: boolean;
  declare language: Language;

  constructor() {
    super();
    this.view = null;
    this.mine = false;
    this.allowed = null;
    this.notice = null;
    this.busy = false;
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    const status = this.view?.state.status ?? 'closed';
    const buttons: { action: ConsoleAction; label: string }[] = !this.mine
      ? [{ action: 'open', label: t(lang, 'console.open') }]
      : [
          status === 'paused' ? { action: 'resume', label: t(lang, 'console.resume') } : { action: 'pause', label: t(lang, 'console.pause') },
          { action: 'close', label: t(lang, 'console.close') },
        ];
    return html`<span class="status status-${status}" data-testid="counter-status">
        ${t(lang, 'console.counterStatus', { status: t(lang, `counter.status.${status}`) })}
      </span>
      ${this.notice ? html`<span class="notice ${this.notice.warn ? 'warn' : ''}" role="status" data-testid="counter-notice">${this.notice.text}</span>` : null}
      <span class="buttons">
        ${buttons.map(
          (b) => html`<button type="button" data-action=${b.action} ?disabled=${!this.allowed?.[b.action] || this.busy}
            @click=${() => sendAction(this, b.action)}>${b.label}</button>`,
        )}
      </span>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1.25rem;
    }
    .status {
      font-size: 1.2rem;
      font-weight: 700;
      padding: 0.35rem 0.9rem;
      border-radius: 999px;
      background: var(--luot-border);
    }
    .status-open {
      background: var(--luot-ok);
      color: #fff;
    }
    .status-paused {
      background: #b7791f;
      color: #fff;
    }
    .notice {
      flex: 1;
      font-size: 1.2rem;
      color: var(--luot-muted);
    }
    .notice.warn {
      font-weight: 700;
      color: var(--luot-danger);
    }
    .buttons {
      display: flex;
      gap: 0.75rem;
      margin-left: auto;
    }
    button {
      font: inherit;
      font-size: 1.15rem;
      font-weight: 700;
      min-height: 3.25rem;
      padding: 0 1.5rem;
      border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent);
      background: var(--luot-surface);
      color: var(--luot-accent);
      cursor: pointer;
    }
    button[data-action='open'] {
      background: var(--luot-accent);
      color: var(--luot-accent-fg);
    }
    button:disabled {
      opacity: 0.35;
      cursor: not-allowed;
    }
  `;
}

customElements.define('luot-counter-controls', LuotCounterControls);

declare global {
  interface HTMLElementTagNameMap {
    'luot-counter-controls': LuotCounterControls;
  }
}

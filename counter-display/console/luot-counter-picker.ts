import { LitElement, css, html } from 'lit';
import type { Counter, Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';

export type CounterChangeEvent = CustomEvent<{ counterId: string }>;

/** Which counter this console works for ("Quầy số N"). */
export class LuotCounterPicker extends LitElement {
  static override properties = {
    counters: { attribute: false },
    value: { type: String },
    language: { type: String },
  };
  declare counters: Counter[];
  declare value: string | null;
  declare language: Language;

  constructor() {
    super();
    this.counters = [];
    this.value = null;
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    return html`<label>
      <span>${t(lang, 'console.pickCounter')}</span>
      <select data-testid="counter-select" @change=${this.onChange}>
        <option value="" ?selected=${!this.value} disabled>— ${t(lang, 'console.pickCounter')} —</option>
        ${this.counters.map(
          (c) => html`<option value=${c.id} ?selected=${c.id === this.value} ?disabled=${!c.active}>
            ${t(lang, 'counter.label', { n: c.number })}
          </option>`,
        )}
      </select>
    </label>`;
  }

  private onChange(e: Event) {
    const counterId = (e.target as HTMLSelectElement).value;
    if (!counterId) return;
    this.dispatchEvent(new CustomEvent('luot-counter-change', { detail: { counterId }, bubbles: true, composed: true }));
  }

  static override styles = css`
    label {
      display: inline-flex;
      align-items: center;
      gap: 0.75rem;
      font-size: 1.1rem;
    }
    select {
      font: inherit;
      font-size: 1.3rem;
      font-weight: 700;
      min-height: 3rem;
      padding: 0 0.75rem;
      border-radius: var(--luot-radius);
      border: 2px solid var(--luot-border);
      background: var(--luot-surface);
      color: var(--luot-fg);
    }
  `;
}

customElements.define('luot-counter-picker', LuotCounterPicker);

declare global {
  interface HTMLElementTagNameMap {
    'luot-counter-picker': LuotCounterPicker;
  }
  interface HTMLElementEventMap {
    'luot-counter-change': CounterChangeEvent;
  }
}

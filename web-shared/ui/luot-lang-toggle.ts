import { LitElement, css, html } from 'lit';
import type { Language } from '../../protocol/index.ts';
import { t } from '../i18n/i18n.ts';

export type LanguageChangeEvent = CustomEvent<{ language: Language }>;

/** A button naming the other language; pressing it asks the page to switch. */
export class LuotLangToggle extends LitElement {
  static override properties = { language: { type: String } };
  declare language: Language;

  constructor() {
    super();
    this.language = 'vi';
  }

  override render() {
    return html`<button type="button" lang=${this.language === 'vi' ? 'en' : 'vi'} @click=${this.toggle}>
      ${t(this.language, 'lang.switch')}
    </button>`;
  }

  private toggle() {
    const language: Language = this.language === 'vi' ? 'en' : 'vi';
    this.dispatchEvent(new CustomEvent('luot-language-change', { detail: { language }, bubbles: true, composed: true }));
  }

  static override styles = css`
    button {
      font: inherit;
      font-size: var(--luot-toggle-font-size, 1.1rem);
      padding: 0.5em 1em;
      min-height: 3rem;
      border-radius: var(--luot-radius);
      border: 2px solid currentColor;
      background: transparent;
      color: inherit;
      white-space: nowrap;
      cursor: pointer;
    }
  `;
}

customElements.define('luot-lang-toggle', LuotLangToggle);

declare global {
  interface HTMLElementTagNameMap {
    'luot-lang-toggle': LuotLangToggle;
  }
  interface HTMLElementEventMap {
    'luot-language-change': LanguageChangeEvent;
  }
}

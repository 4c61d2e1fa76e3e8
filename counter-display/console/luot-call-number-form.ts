import { LitElement, html } from 'lit';
import type { Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import { closeForm, sendAction } from './console-events.ts';
import { normalizeNumber } from './console-forms.ts';
import { formStyles } from './form.styles.ts';

/** "Gọi số…": call one number out of order (a citizen at the wrong counter, a returning one). */
export class LuotCallNumberForm extends LitElement {
  static override properties = { language: { type: String }, busy: { type: Boolean }, value: { state: true } };
  declare language: Language;
  declare busy: boolean;
  declare value: string;

  constructor() {
    super();
    this.language = 'vi';
    this.busy = false;
    this.value = '';
  }

  override firstUpdated() {
    this.renderRoot.querySelector('input')?.focus();
  }

  override render() {
    const lang = this.language;
    const number = normalizeNumber(this.value);
    return html`<form @submit=${this.submit}>
      <label class="grow">
        ${t(lang, 'console.callNumberLabel')}
        <input name="number" data-testid="call-number-input" autocomplete="off" inputmode="text" maxlength="12"
          .value=${this.value} @input=${(e: Event) => (this.value = (e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" data-testid="call-number-submit" ?disabled=${!number || this.busy}>${t(lang, 'console.call')}</button>
      <button type="button" @click=${() => closeForm(this)}>${t(lang, 'console.cancel')}</button>
    </form>`;
  }

  private submit(e: Event) {
    e.preventDefault();
    const number = normalizeNumber(this.value);
    if (number && !this.busy) sendAction(this, 'call', { number });
  }

  static override styles = formStyles;
}

customElements.define('luot-call-number-form', LuotCallNumberForm);

declare global {
  interface HTMLElementTagNameMap {
    'luot-call-number-form': LuotCallNumberForm;
  }
}

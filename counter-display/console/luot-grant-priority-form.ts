import { LitElement, html } from 'lit';
import type { Language, PriorityGroup } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { closeForm, sendAction } from './console-events.ts';
import { grantBody } from './console-forms.ts';
import { formStyles } from './form.styles.ts';

/**
 * "Cấp ưu tiên": give a waiting ticket a priority group the citizen did not pick at the kiosk
 * (an elderly person who missed the button). The reason is required: it goes to the audit trail.
 */
export class LuotGrantPriorityForm extends LitElement {
  static override properties = {
    groups: { attribute: false },
    busy: { type: Boolean },
    language: { type: String },
    number: { state: true },
    groupId: { state: true },
    reason: { state: true },
  };
  declare groups: PriorityGroup[];
  declare busy: boolean;
  declare language: Language;
  declare number: string;
  declare groupId: string;
  declare reason: string;

  constructor() {
    super();
    this.groups = [];
    this.busy = false;
    this.language = 'vi';
    this.number = '';
    this.groupId = '';
    this.reason = '';
  }

  override render() {
    const lang = this.language;
    const body = grantBody(this.number, this.groupId, this.reason);
    const text = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
    return html`<h3>${t(lang, 'console.grant')}</h3>
      <form @submit=${(e: Event) => this.submit(e, body)}>
        <label>
          ${t(lang, 'console.grantNumber')}
          <input data-testid="grant-number" autocomplete="off" maxlength="12" size="8" .value=${this.number} @input=${text((v) => (this.number = v))} />
        </label>
        <label class="grow">
          ${t(lang, 'console.grantGroup')}
          <select data-testid="grant-group" @change=${text((v) => (this.groupId = v))}>
            <option value="" ?selected=${!this.groupId} disabled>—</option>
            ${this.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === this.groupId}>${localized(g.name, lang)}</option>`)}
          </select>
        </label>
        <label class="grow">
          ${t(lang, 'console.grantReason')}
          <input data-testid="grant-reason" maxlength="300" .value=${this.reason} @input=${text((v) => (this.reason = v))} />
        </label>
        <button type="submit" data-testid="grant-submit" ?disabled=${!body || this.busy}>${t(lang, 'console.confirm')}</button>
        <button type="button" @click=${() => closeForm(this)}>${t(lang, 'console.cancel')}</button>
      </form>`;
  }

  private submit(e: Event, body: ReturnType<typeof grantBody>) {
    e.preventDefault();
    if (body && !this.busy) sendAction(this, 'grant', { ...body });
  }

  static override styles = formStyles;
}

customElements.define('luot-grant-priority-form', LuotGrantPriorityForm);

declare global {
  interface HTMLElementTagNameMap {
    'luot-grant-priority-form': LuotGrantPriorityForm;
  }
}

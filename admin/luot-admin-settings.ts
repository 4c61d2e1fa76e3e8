import { css, html } from 'lit';
import { AdminSection } from './admin-section.ts';
import type { CentreSettings } from '../protocol/index.ts';
import { t, type MessageKey } from '../web-shared/i18n/i18n.ts';
import { configChanged, feedback } from './admin-feedback.ts';
import { hasHint, type Hint } from './admin-form.ts';
import { sectionStyles } from './admin-section.styles.ts';
import './luot-admin-priority-groups.ts';
import type { GroupsChangeEvent } from './luot-admin-priority-groups.ts';
import { LIMITS, settingsBody, settingsFieldLabels, settingsFormOf, settingsHints, type SettingsForm } from './settings-form.ts';

type NumberField = Exclude<keyof typeof LIMITS, 'normalPerPriority'>;

/**
 * Admin section "centre settings": the priority policy (strict, or one priority ticket after N
 * normal ones), the priority groups, the maximum wait, recalls, carry-over at midnight, the
 * default service time of estimates, and the kiosks' rate limit. Saved settings apply at once.
 */
export class LuotAdminSettings extends AdminSection {
  static override properties = {
    form: { state: true },
    base: { state: true },
    savedGroups: { state: true },
    hints: { state: true },
    saved: { state: true },
  };
  declare form: SettingsForm | null;
  /** The settings as last read or saved: the body keeps what this form does not edit. */
  declare base: CentreSettings | null;
  /** How many priority groups the centre has saved (luot-admin-priority-groups.ts). */
  declare savedGroups: number;
  declare hints: Hint[];
  /** True right after a save, until the next edit. */
  declare saved: boolean;

  constructor() {
    super();
    this.form = null;
    this.base = null;
    this.savedGroups = 0;
    this.hints = [];
    this.saved = false;
  }

  override firstUpdated() {
    void this.run(async () => this.show(await this.api.getSettings(this.centreId)));
  }

  private show(settings: CentreSettings) {
    this.base = settings;
    this.form = settingsFormOf(settings);
    this.savedGroups = settings.priorityGroups.length;
  }

  private set(change: Partial<SettingsForm>) {
    this.form = { ...this.form!, ...change };
    this.saved = false;
  }

  private async save(e: Event) {
    e.preventDefault();
    const form = this.form!;
    this.hints = settingsHints(form);
    if (this.busy || this.hints.length) return;
    await this.run(async () => {
      this.show(await this.api.putSettings(this.centreId, settingsBody(form, this.base!)));
      this.saved = true;
      this.dispatchEvent(configChanged('settings'));
    });
  }

  override render() {
    const lang = this.language;
    const f = this.form;
    return html`<h2>${t(lang, 'admin.settings.title')}</h2>
      ${feedback(lang, this.error, this.hints, settingsFieldLabels)}
      ${f ? this.renderForm(f) : html`<p class="muted">${t(lang, 'app.loading')}</p>`}`;
  }

  private renderForm(f: SettingsForm) {
    const lang = this.language;
    const invalid = (field: string) => (hasHint(this.hints, field) ? 'true' : 'false');
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const number = (field: NumberField) =>
      html`<label>${t(lang, `admin.settings.${field}` satisfies MessageKey)}
        <input type="number" min=${LIMITS[field][0]} max=${LIMITS[field][1]} .value=${f[field]} aria-invalid=${invalid(field)} data-testid=${`settings-${field}`}
          @input=${(e: Event) => this.set({ [field]: value(e) })} />
      </label>`;
    return html`<form @submit=${this.save} novalidate data-testid="settings-form">
      <fieldset>
        <legend>${t(lang, 'admin.settings.policy')}</legend>
        <label>${t(lang, 'admin.settings.mode')}
          <select data-testid="settings-mode" @change=${(e: Event) => this.set({ mode: value(e) as SettingsForm['mode'] })}>
            <option value="strict" ?selected=${f.mode === 'strict'}>${t(lang, 'admin.settings.strict')}</option>
            <option value="interleaved" ?selected=${f.mode === 'interleaved'}>${t(lang, 'admin.settings.interleaved')}</option>
          </select>
        </label>
        ${
          f.mode === 'interleaved'
            ? html`<label>${t(lang, 'admin.settings.normalPerPriority')}
              <input type="number" min="1" max="20" .value=${f.normalPerPriority} aria-invalid=${invalid('priorityPolicy.normalPerPriority')}
                data-testid="settings-normalPerPriority" @input=${(e: Event) => this.set({ normalPerPriority: value(e) })} />
            </label>`
            : null
        }
        ${number('maxWaitMinutes')} ${number('maxRecalls')}
      </fieldset>
      <fieldset>
        <legend>${t(lang, 'admin.settings.groups')}</legend>
        <luot-admin-priority-groups .groups=${f.groups} .savedCount=${this.savedGroups} .hints=${this.hints} .language=${lang}
          @luot-groups-change=${(e: GroupsChangeEvent) => this.set({ groups: e.detail.groups })}></luot-admin-priority-groups>
      </fieldset>
      <fieldset>
        <legend>${t(lang, 'admin.settings.dayAndKiosk')}</legend>
        <label class="check"><input type="checkbox" .checked=${f.carryOver} data-testid="settings-carryOver"
          @change=${(e: Event) => this.set({ carryOver: (e.target as HTMLInputElement).checked })} />${t(lang, 'admin.settings.carryOver')}</label>
        ${number('defaultServiceMinutes')} ${number('kioskBurst')} ${number('kioskPerMinute')}
      </fieldset>
      <fieldset>
        <legend>${t(lang, 'admin.settings.rating')}</legend>
        <label>${t(lang, 'admin.settings.ratingScale')}
          <select data-testid="settings-ratingScale" @change=${(e: Event) => this.set({ ratingScale: value(e) === '3' ? 3 : 4 })}>
            <option value="4" ?selected=${f.ratingScale === 4}>${t(lang, 'admin.settings.ratingScale4')}</option>
            <option value="3" ?selected=${f.ratingScale === 3}>${t(lang, 'admin.settings.ratingScale3')}</option>
          </select>
        </label>
        ${number('ratingWindowSeconds')}
      </fieldset>
      <span class="actions">
        <button type="submit" ?disabled=${this.busy} data-testid="settings-save">${t(lang, 'admin.save')}</button>
        ${this.saved ? html`<span class="saved" role="status" data-testid="settings-saved">${t(lang, 'admin.settings.saved')}</span>` : null}
      </span>
    </form>`;
  }

  static override styles = [sectionStyles, css`form { flex-direction: column; align-items: stretch; }`];
}

customElements.define('luot-admin-settings', LuotAdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-settings': LuotAdminSettings;
  }
}

import { css, html } from 'lit';
import { AdminSection } from './admin-section.ts';
import type { CentreSettings, KioskClosedServices, Service } from '../protocol/index.ts';
import { t, type MessageKey } from '../web-shared/i18n/i18n.ts';
import { configChanged, feedback } from './admin-feedback.ts';
import { hasHint, type Hint } from './admin-form.ts';
import { sectionStyles } from './admin-section.styles.ts';
import './luot-admin-priority-groups.ts';
import type { GroupsChangeEvent } from './luot-admin-priority-groups.ts';
import { ALERT_LIMITS, LIMITS, settingsBody, settingsFieldLabels, settingsFormOf, settingsHints, type AlertsForm, type SettingsForm } from './settings-form.ts';

type NumberField = Exclude<keyof typeof LIMITS, 'normalPerPriority'>;

/**
 * Admin section "centre settings": the priority policy (strict, or one priority ticket after N
 * normal ones), the priority groups, the maximum wait, recalls, carry-over at midnight, the
 * default service time of estimates, the kiosks' rate limit, and the SLA alerts' limits (issue
 * #14: general and per service, idle counters, no open counter, webhook). Saved settings apply at once.
 */
export class LuotAdminSettings extends AdminSection {
  static override properties = {
    form: { state: true },
    base: { state: true },
    savedGroups: { state: true },
    hints: { state: true },
    saved: { state: true },
    services: { state: true },
  };
  declare form: SettingsForm | null;
  /** The settings as last read or saved: the body keeps what this form does not edit. */
  declare base: CentreSettings | null;
  /** How many priority groups the centre has saved (luot-admin-priority-groups.ts). */
  declare savedGroups: number;
  declare hints: Hint[];
  /** True right after a save, until the next edit. */
  declare saved: boolean;
  /** The centre's services, for the alerts' per-service limits. */
  declare services: Service[];

  constructor() {
    super();
    this.form = null;
    this.base = null;
    this.savedGroups = 0;
    this.hints = [];
    this.saved = false;
    this.services = [];
  }

  override firstUpdated() {
    void this.run(async () => {
      this.show(await this.api.getSettings(this.centreId));
      this.services = [...(await this.api.listServices(this.centreId))];
    });
  }

  private show(settings: CentreSettings) {
    this.base = settings;
    this.form = settingsFormOf(settings);
    this.savedGroups = settings.priorityGroups.length;
  }

  private setAlerts(change: Partial<AlertsForm>) {
    this.set({ alerts: { ...this.form!.alerts, ...change } });
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
      // Over the settings as they are now: the display and appointment sections save theirs too.
      const current = await this.api.getSettings(this.centreId);
      this.show(await this.api.putSettings(this.centreId, settingsBody(form, current)));
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
        <label>${t(lang, 'admin.settings.kioskClosedServices')}
          <select data-testid="settings-kioskClosedServices" @change=${(e: Event) => this.set({ kioskClosedServices: value(e) as KioskClosedServices })}>
            ${(['warn', 'hide', 'refuse'] as const).map(
              (m) => html`<option value=${m} ?selected=${f.kioskClosedServices === m}>${t(lang, `admin.settings.kioskClosedServices.${m}`)}</option>`,
            )}
          </select>
        </label>
        <label class="check"><input type="checkbox" .checked=${f.largePrint} data-testid="settings-largePrint"
          @change=${(e: Event) => this.set({ largePrint: (e.target as HTMLInputElement).checked })} />${t(lang, 'admin.settings.largePrint')}</label>
        <label>${t(lang, 'admin.settings.ticketCopies')}
          <select data-testid="settings-ticketCopies" @change=${(e: Event) => this.set({ ticketCopies: value(e) === '2' ? 2 : 1 })}>
            ${([1, 2] as const).map((n) => html`<option value=${n} ?selected=${f.ticketCopies === n}>${t(lang, `admin.settings.ticketCopies.${n}`)}</option>`)}
          </select>
        </label>
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
      ${this.renderAlerts(f.alerts)}
      <span class="actions">
        <button type="submit" ?disabled=${this.busy} data-testid="settings-save">${t(lang, 'admin.save')}</button>
        ${this.saved ? html`<span class="saved" role="status" data-testid="settings-saved">${t(lang, 'admin.settings.saved')}</span>` : null}
      </span>
    </form>`;
  }

  /** The SLA alerts' limits (0: off), per-service overrides (empty: the general limit) and webhook. */
  private renderAlerts(a: AlertsForm) {
    const lang = this.language;
    const invalid = (field: string) => (hasHint(this.hints, field) ? 'true' : 'false');
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const limit = (label: MessageKey, field: string, key: 'waitDefault' | 'queueDefault' | 'idle' | 'noOpenCounter', [min, max]: readonly [number, number]) =>
      html`<label>${t(lang, label)}
        <input type="number" min=${min} max=${max} .value=${a[key]} aria-invalid=${invalid(field)} data-testid=${`settings-alerts-${key}`}
          @input=${(e: Event) => this.setAlerts({ [key]: value(e) })} />
      </label>`;
    const override = (key: 'waitByService' | 'queueByService', path: string, serviceId: string, [min, max]: readonly [number, number]) =>
      html`<input type="number" min=${min} max=${max} .value=${a[key][serviceId] ?? ''} aria-invalid=${invalid(`alerts.${path}.services.${serviceId}`)}
        data-testid=${`settings-alerts-${key}-${serviceId}`} @input=${(e: Event) => this.setAlerts({ [key]: { ...a[key], [serviceId]: value(e) } })} />`;
    return html`<fieldset data-testid="settings-alerts">
      <legend>${t(lang, 'admin.alerts.title')}</legend>
      ${limit('admin.alerts.waitDefault', 'alerts.maxWaitMinutes.default', 'waitDefault', ALERT_LIMITS.wait)}
      ${limit('admin.alerts.queueDefault', 'alerts.maxQueueLength.default', 'queueDefault', ALERT_LIMITS.queue)}
      ${limit('admin.alerts.idle', 'alerts.maxIdleMinutes', 'idle', ALERT_LIMITS.idle)}
      ${limit('admin.alerts.noOpenCounter', 'alerts.noOpenCounterMinutes', 'noOpenCounter', ALERT_LIMITS.noOpenCounter)}
      <label>${t(lang, 'admin.alerts.webhookUrl')}
        <input type="url" .value=${a.webhookUrl} aria-invalid=${invalid('alerts.webhookUrl')} data-testid="settings-alerts-webhookUrl"
          @input=${(e: Event) => this.setAlerts({ webhookUrl: value(e) })} />
      </label>
      ${
        this.services.length
          ? html`<table class="per-service">
            <caption>${t(lang, 'admin.alerts.perService')}</caption>
            <thead><tr><th scope="col">${t(lang, 'admin.alerts.service')}</th><th scope="col">${t(lang, 'admin.alerts.waitOverride')}</th><th scope="col">${t(lang, 'admin.alerts.queueOverride')}</th></tr></thead>
            <tbody>${this.services.map(
              (s) => html`<tr><th scope="row">${s.name[lang]}</th>
                <td>${override('waitByService', 'maxWaitMinutes', s.id, ALERT_LIMITS.wait)}</td>
                <td>${override('queueByService', 'maxQueueLength', s.id, ALERT_LIMITS.queue)}</td></tr>`,
            )}</tbody>
          </table>`
          : null
      }
    </fieldset>`;
  }

  static override styles = [
    sectionStyles,
    css`
      form { flex-direction: column; align-items: stretch; }
      .per-service { border-collapse: collapse; }
      .per-service caption { text-align: start; padding: 0.5rem 0; }
      .per-service th, .per-service td { text-align: start; padding: 0.25rem 0.75rem 0.25rem 0; }
      .per-service input { width: 8rem; }
    `,
  ];
}

customElements.define('luot-admin-settings', LuotAdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-settings': LuotAdminSettings;
  }
}

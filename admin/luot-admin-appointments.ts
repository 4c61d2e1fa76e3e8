import { css, html } from 'lit';
import { WEEKDAYS, type AppointmentSettings, type Service, type Weekday } from '../protocol/index.ts';
import { errorText, localized, t } from '../web-shared/i18n/i18n.ts';
import { AdminSection } from './admin-section.ts';
import { sectionStyles } from './admin-section.styles.ts';
import { appointmentSettingsFrom, periodsText, type AppointmentFields } from './appointments-form.ts';

const NUMBERS = ['slotMinutes', 'capacityPerSlot', 'bookingDaysAhead', 'arriveEarlyMinutes', 'arriveLateMinutes', 'maxInARow', 'walkInWaitMinutes'] as const;

/**
 * Admin section "appointments" (issue #14, docs/appointments.md): booking on or off, opening hours
 * per weekday, holidays, slot length, capacity (default and per service), how far ahead, the
 * arrival window, what too early and too late do, and the calling rule's K and X.
 */
export class LuotAdminAppointments extends AdminSection {
  static override properties = { settings: { state: true }, services: { state: true }, saved: { state: true }, badDay: { state: true } };
  declare settings: AppointmentSettings | null;
  declare services: Service[];
  declare saved: boolean;
  declare badDay: Weekday | null;

  constructor() {
    super();
    this.settings = null;
    this.services = [];
    this.saved = false;
    this.badDay = null;
  }

  override firstUpdated() {
    void this.run(async () => {
      this.settings = (await this.api.getSettings(this.centreId)).appointments;
      this.services = (await this.api.listServices(this.centreId)).filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder);
    });
  }

  private async save(e: Event) {
    e.preventDefault();
    if (this.busy || !this.settings) return;
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null)?.value ?? '';
    const fields: AppointmentFields = {
      enabled: (form.elements.namedItem('enabled') as HTMLInputElement).checked,
      hours: Object.fromEntries(WEEKDAYS.map((d) => [d, value(`hours-${d}`)])) as AppointmentFields['hours'],
      holidays: value('holidays'),
      numbers: Object.fromEntries(NUMBERS.map((k) => [k, value(k)])) as AppointmentFields['numbers'],
      capacityByService: Object.fromEntries(this.services.map((s) => [s.id, value(`capacity-${s.id}`)])),
      tooEarly: value('tooEarly'),
      tooLate: value('tooLate'),
    };
    const parsed = appointmentSettingsFrom(fields, this.settings);
    this.saved = false;
    if ('badDay' in parsed) {
      this.badDay = parsed.badDay;
      return;
    }
    this.badDay = null;
    await this.run(async () => {
      // Read now: another section may have saved settings meanwhile; PUT replaces them all.
      const current = await this.api.getSettings(this.centreId);
      this.settings = (await this.api.putSettings(this.centreId, { ...current, appointments: parsed.settings })).appointments;
      this.saved = true;
    });
  }

  override render() {
    const lang = this.language;
    const s = this.settings;
    return html`<h2>${t(lang, 'admin.appointments.title')}</h2>
      <p class="muted">${t(lang, 'admin.appointments.help')}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="appointments-admin-error">${errorText(lang, this.error.code)}: ${this.error.message}</p>` : null}
      ${this.badDay ? html`<p class="error" role="alert">${t(lang, 'admin.appointments.badHours', { day: t(lang, `admin.appointments.day.${this.badDay}`) })}</p>` : null}
      ${
        s
          ? html`<form @submit=${this.save} data-testid="appointment-settings">
              <label class="check"><input type="checkbox" name="enabled" ?checked=${s.enabled} data-testid="appointments-enabled" /> ${t(lang, 'admin.appointments.enabled')}</label>
              <fieldset>
                <legend>${t(lang, 'admin.appointments.hours')}</legend>
                ${WEEKDAYS.map(
                  (d) => html`<label>${t(lang, `admin.appointments.day.${d}`)}
                    <input name=${`hours-${d}`} .value=${periodsText(s.openingHours[d])} placeholder="07:30-11:30, 13:30-17:00" /></label>`,
                )}
                <label>${t(lang, 'admin.appointments.holidays')}<textarea name="holidays" rows="2" .value=${s.holidays.join(', ')}></textarea></label>
              </fieldset>
              <fieldset>
                <legend>${t(lang, 'admin.appointments.slots')}</legend>
                ${NUMBERS.map((k) => html`<label>${t(lang, `admin.appointments.${k}`)}<input name=${k} type="number" min="0" .value=${String(s[k])} /></label>`)}
                ${this.services.map(
                  (sv) => html`<label>${t(lang, 'admin.appointments.capacityOf', { service: localized(sv.name, lang) })}
                    <input name=${`capacity-${sv.id}`} type="number" min="0" .value=${s.capacityByService[sv.id] === undefined ? '' : String(s.capacityByService[sv.id])} /></label>`,
                )}
              </fieldset>
              <label>${t(lang, 'admin.appointments.tooEarly')}
                <select name="tooEarly">
                  <option value="come_back" ?selected=${s.tooEarly === 'come_back'}>${t(lang, 'admin.appointments.tooEarly.come_back')}</option>
                  <option value="walk_in" ?selected=${s.tooEarly === 'walk_in'}>${t(lang, 'admin.appointments.walkIn')}</option>
                </select>
              </label>
              <label>${t(lang, 'admin.appointments.tooLate')}
                <select name="tooLate">
                  <option value="walk_in" ?selected=${s.tooLate === 'walk_in'}>${t(lang, 'admin.appointments.walkIn')}</option>
                  <option value="refuse" ?selected=${s.tooLate === 'refuse'}>${t(lang, 'admin.appointments.tooLate.refuse')}</option>
                </select>
              </label>
              <p class="muted">${t(lang, 'admin.appointments.link')} <code>/booking/${this.centreId}</code></p>
              <button type="submit" ?disabled=${this.busy} data-testid="appointments-save">${t(lang, 'admin.appointments.save')}</button>
              ${this.saved ? html`<span role="status" data-testid="appointments-saved">✓</span>` : null}
            </form>`
          : null
      }`;
  }

  static override styles = [
    sectionStyles,
    css`
      fieldset { border: 1px solid var(--luot-border); border-radius: var(--luot-radius); display: grid; gap: 0.5rem; }
      .check { flex-direction: row; align-items: center; gap: 0.5rem; }
    `,
  ];
}

customElements.define('luot-admin-appointments', LuotAdminAppointments);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-appointments': LuotAdminAppointments;
  }
}

import { html } from 'lit';
import { AdminSection } from './admin-section.ts';
import type { Service } from '../protocol/index.ts';
import { localized, t } from '../web-shared/i18n/i18n.ts';
import { configChanged, feedback } from './admin-feedback.ts';
import { hasHint, slugOf, type Hint } from './admin-form.ts';
import { sectionStyles } from './admin-section.styles.ts';
import { newServiceForm, numberingText, serviceBody, serviceFieldLabels, serviceFormOf, serviceHints, type ServiceForm } from './service-form.ts';

/**
 * Admin section "services" (lĩnh vực): the list, and a form to create or edit one — names in
 * Vietnamese and English, numbering (prefix + digits, or a numeric band), order, in use or not.
 * Saved changes reach every kiosk and display at once (the server pushes a new snapshot).
 */
export class LuotAdminServices extends AdminSection {
  static override properties = {
    services: { state: true },
    form: { state: true },
    isNew: { state: true },
    hints: { state: true },
  };
  declare services: Service[];
  /** The service being edited or created; null when the form is closed. */
  declare form: ServiceForm | null;
  declare isNew: boolean;
  declare hints: Hint[];

  constructor() {
    super();
    this.services = [];
    this.form = null;
    this.isNew = false;
    this.hints = [];
  }

  override firstUpdated() {
    void this.run(() => this.reload());
  }

  private async reload() {
    this.services = [...(await this.api.listServices(this.centreId))].sort((a, b) => a.sortOrder - b.sortOrder);
  }

  private open(service: Service | null) {
    this.isNew = service === null;
    this.form = service ? serviceFormOf(service) : newServiceForm(this.services);
    this.hints = [];
    this.error = null;
  }

  private set(change: Partial<ServiceForm>) {
    const form = { ...this.form!, ...change };
    // A new service's id follows its Vietnamese name until the admin types one.
    if (this.isNew && change.nameVi !== undefined && (this.form!.id === '' || this.form!.id === slugOf(this.form!.nameVi))) {
      form.id = slugOf(change.nameVi);
    }
    this.form = form;
  }

  private async save(e: Event) {
    e.preventDefault();
    const form = this.form!;
    this.hints = serviceHints(
      form,
      this.isNew,
      this.services.map((s) => s.id),
    );
    if (this.busy || this.hints.length) return;
    await this.run(async () => {
      await this.api.putService(this.centreId, form.id, serviceBody(form));
      this.form = null;
      await this.reload();
      this.dispatchEvent(configChanged('service'));
    });
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'admin.services.title')}</h2>
      ${feedback(lang, this.error, this.hints, serviceFieldLabels)}
      ${this.form ? this.renderForm(this.form) : html`<p><button type="button" data-testid="service-new" @click=${() => this.open(null)}>${t(lang, 'admin.services.new')}</button></p>`}
      <table>
        <thead>
          <tr>
            <th>${t(lang, 'admin.services.order')}</th>
            <th>${t(lang, 'admin.services.name')}</th>
            <th>${t(lang, 'admin.services.numbering')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.services.map(
            (s) => html`<tr data-testid="service-row" data-service-id=${s.id}>
              <td>${s.sortOrder}</td>
              <td>${localized(s.name, lang)}${s.active ? null : html` · <span class="muted">${t(lang, 'admin.inactive')}</span>`}</td>
              <td><code>${numberingText(s)}</code></td>
              <td><button type="button" class="quiet" ?disabled=${this.busy} data-testid="service-edit" @click=${() => this.open(s)}>${t(lang, 'admin.edit')}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private renderForm(f: ServiceForm) {
    const lang = this.language;
    const invalid = (field: string) => (hasHint(this.hints, field) ? 'true' : 'false');
    const text = (field: keyof ServiceForm, label: string, testId: string, path: string, extra: { type?: string; size?: number } = {}) =>
      html`<label>${label}
        <input type=${extra.type ?? 'text'} size=${extra.size ?? 20} .value=${String(f[field])} aria-invalid=${invalid(path)} data-testid=${testId}
          @input=${(e: Event) => this.set({ [field]: (e.target as HTMLInputElement).value })} />
      </label>`;
    return html`<form @submit=${this.save} novalidate data-testid="service-form">
      <fieldset>
        <legend>${this.isNew ? t(lang, 'admin.services.new') : t(lang, 'admin.services.editing', { id: f.id })}</legend>
        ${text('nameVi', t(lang, 'admin.services.nameVi'), 'service-name-vi', 'name.vi', { size: 28 })}
        ${text('nameEn', t(lang, 'admin.services.nameEn'), 'service-name-en', 'name.en', { size: 28 })}
        ${this.isNew ? text('id', t(lang, 'admin.services.id'), 'service-id', 'serviceId') : null}
        <label>${t(lang, 'admin.services.numbering')}
          <select data-testid="service-mode" @change=${(e: Event) => this.set({ mode: (e.target as HTMLSelectElement).value as ServiceForm['mode'] })}>
            <option value="prefix" ?selected=${f.mode === 'prefix'}>${t(lang, 'admin.services.modePrefix')}</option>
            <option value="band" ?selected=${f.mode === 'band'}>${t(lang, 'admin.services.modeBand')}</option>
          </select>
        </label>
        ${
          f.mode === 'prefix'
            ? html`${text('prefix', t(lang, 'admin.services.prefix'), 'service-prefix', 'numbering.prefix', { size: 3 })}
            ${text('digits', t(lang, 'admin.services.digits'), 'service-digits', 'numbering.digits', { type: 'number', size: 3 })}`
            : html`${text('start', t(lang, 'admin.services.start'), 'service-start', 'numbering.start', { type: 'number', size: 7 })}
            ${text('end', t(lang, 'admin.services.end'), 'service-end', 'numbering.end', { type: 'number', size: 7 })}`
        }
        ${text('sortOrder', t(lang, 'admin.services.order'), 'service-order', 'sortOrder', { type: 'number', size: 4 })}
        <label class="check"><input type="checkbox" .checked=${f.active} data-testid="service-active"
          @change=${(e: Event) => this.set({ active: (e.target as HTMLInputElement).checked })} />${t(lang, 'admin.active')}</label>
        <span class="actions">
          <button type="submit" ?disabled=${this.busy} data-testid="service-save">${t(lang, 'admin.save')}</button>
          <button type="button" class="quiet" data-testid="service-cancel" @click=${() => {
            this.form = null;
            this.hints = [];
          }}>${t(lang, 'admin.cancel')}</button>
        </span>
      </fieldset>
    </form>`;
  }

  static override styles = sectionStyles;
}

customElements.define('luot-admin-services', LuotAdminServices);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-services': LuotAdminServices;
  }
}

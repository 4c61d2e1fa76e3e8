import { html } from 'lit';
import type { Centre } from '../protocol/index.ts';
import { localized, t } from '../web-shared/i18n/i18n.ts';
import { feedback } from './admin-feedback.ts';
import { hasHint, type Hint } from './admin-form.ts';
import { sectionStyles } from './admin-section.styles.ts';
import { AdminSection } from './admin-section.ts';
import {
  centreFieldLabels,
  centreFormOf,
  centreHints,
  centreIdOf,
  createCentreBody,
  newCentreForm,
  SUGGESTED_TIME_ZONES,
  updateCentreBody,
  type CentreForm,
} from './centre-form.ts';

/**
 * Admin section "centres", for a province administrator only (issue #13): every centre of the
 * province, a form to create one as a copy of a template centre (its services, counters and
 * settings; no accounts, devices or tickets) and to edit a centre's name, address and time zone.
 * `centreId` is the administrator's own centre, the default template.
 */
export class LuotAdminCentres extends AdminSection {
  static override properties = {
    centres: { state: true },
    form: { state: true },
    isNew: { state: true },
    hints: { state: true },
    created: { state: true },
  };
  declare centres: Centre[];
  /** The centre being edited or created; null when the form is closed. */
  declare form: CentreForm | null;
  declare isNew: boolean;
  declare hints: Hint[];
  /** The id of the centre just created: the next step (its admin account) is said once. */
  declare created: string | null;

  constructor() {
    super();
    this.centres = [];
    this.form = null;
    this.isNew = false;
    this.hints = [];
    this.created = null;
  }

  override firstUpdated() {
    void this.run(() => this.reload());
  }

  private async reload() {
    this.centres = await this.api.listCentres();
  }

  private open(centre: Centre | null) {
    this.isNew = centre === null;
    this.form = centre ? centreFormOf(centre) : newCentreForm(this.centres, this.centreId);
    this.hints = [];
    this.error = null;
    this.created = null;
  }

  private set(change: Partial<CentreForm>) {
    const form = { ...this.form!, ...change };
    // A new centre's id follows its Vietnamese name until the admin types one.
    if (this.isNew && change.nameVi !== undefined && (this.form!.id === '' || this.form!.id === centreIdOf(this.form!.nameVi))) {
      form.id = centreIdOf(change.nameVi);
    }
    this.form = form;
  }

  private async save(e: Event) {
    e.preventDefault();
    const form = this.form!;
    this.hints = centreHints(form, this.isNew, this.centres);
    if (this.busy || this.hints.length) return;
    await this.run(async () => {
      if (this.isNew) {
        const centre = await this.api.createCentre(createCentreBody(form));
        this.created = centre.id;
      } else {
        await this.api.updateCentre(form.id, updateCentreBody(form));
      }
      this.form = null;
      await this.reload();
    });
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'admin.centres.title')}</h2>
      <p class="muted">${t(lang, 'admin.centres.intro')}</p>
      ${feedback(lang, this.error, this.hints, centreFieldLabels)}
      ${this.created ? html`<p class="once" role="status" data-testid="centre-created">${t(lang, 'admin.centres.created', { id: this.created })}</p>` : null}
      ${this.form ? this.renderForm(this.form) : html`<p><button type="button" data-testid="centre-new" @click=${() => this.open(null)}>${t(lang, 'admin.centres.new')}</button></p>`}
      <table>
        <thead>
          <tr>
            <th>${t(lang, 'admin.centres.id')}</th>
            <th>${t(lang, 'admin.centres.name')}</th>
            <th>${t(lang, 'admin.centres.address')}</th>
            <th>${t(lang, 'admin.centres.timeZone')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.centres.map(
            (c) => html`<tr data-testid="centre-row" data-centre-id=${c.id}>
              <td><code>${c.id}</code>${c.id === this.centreId ? html` · <span class="muted">${t(lang, 'admin.centres.own')}</span>` : null}</td>
              <td>${localized(c.name, lang)}</td>
              <td>${c.address ?? ''}</td>
              <td>${c.timeZone}</td>
              <td><button type="button" class="quiet" ?disabled=${this.busy} data-testid="centre-edit" @click=${() => this.open(c)}>${t(lang, 'admin.edit')}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private renderForm(f: CentreForm) {
    const lang = this.language;
    const invalid = (field: string) => (hasHint(this.hints, field) ? 'true' : 'false');
    const text = (field: keyof CentreForm, label: string, testId: string, path: string, size = 28, list?: string) =>
      html`<label>${label}
        <input type="text" size=${size} .value=${f[field]} aria-invalid=${invalid(path)} data-testid=${testId} list=${list ?? ''}
          @input=${(e: Event) => this.set({ [field]: (e.target as HTMLInputElement).value })} />
      </label>`;
    return html`<form @submit=${this.save} novalidate data-testid="centre-form">
      <fieldset>
        <legend>${this.isNew ? t(lang, 'admin.centres.new') : t(lang, 'admin.centres.editing', { id: f.id })}</legend>
        ${text('nameVi', t(lang, 'admin.centres.nameVi'), 'centre-name-vi', 'name.vi')}
        ${text('nameEn', t(lang, 'admin.centres.nameEn'), 'centre-name-en', 'name.en')}
        ${this.isNew ? text('id', t(lang, 'admin.centres.id'), 'centre-id', 'id', 20) : null}
        ${text('address', t(lang, 'admin.centres.address'), 'centre-address', 'address', 40)}
        ${text('timeZone', t(lang, 'admin.centres.timeZone'), 'centre-time-zone', 'timeZone', 20, 'centre-time-zones')}
        <datalist id="centre-time-zones">${SUGGESTED_TIME_ZONES.map((z) => html`<option value=${z}></option>`)}</datalist>
        ${
          this.isNew
            ? html`<label>${t(lang, 'admin.centres.template')}
              <select data-testid="centre-template" aria-invalid=${invalid('templateCentreId')}
                @change=${(e: Event) => this.set({ templateCentreId: (e.target as HTMLSelectElement).value })}>
                ${this.centres.map((c) => html`<option value=${c.id} ?selected=${c.id === f.templateCentreId}>${localized(c.name, lang)} (${c.id})</option>`)}
              </select>
            </label>`
            : null
        }
        <span class="actions">
          <button type="submit" ?disabled=${this.busy} data-testid="centre-save">${t(lang, 'admin.save')}</button>
          <button type="button" class="quiet" data-testid="centre-cancel" @click=${() => {
            this.form = null;
            this.hints = [];
          }}>${t(lang, 'admin.cancel')}</button>
        </span>
      </fieldset>
    </form>`;
  }

  static override styles = sectionStyles;
}

customElements.define('luot-admin-centres', LuotAdminCentres);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-centres': LuotAdminCentres;
  }
}

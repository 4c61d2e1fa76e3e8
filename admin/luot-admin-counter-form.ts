import { LitElement, css, html } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import type { CallOrder, Counter, CounterInput, Service } from '../protocol/index.ts';
import { localized, t } from '../web-shared/i18n/i18n.ts';
import { feedback } from './admin-feedback.ts';
import { hasHint, type Hint } from './admin-form.ts';
import { sectionStyles } from './admin-section.styles.ts';
import {
  addService,
  CALL_ORDERS,
  counterBody,
  counterFieldLabels,
  counterFormOf,
  counterHints,
  moveService,
  newCounterForm,
  removeService,
  type CounterForm,
} from './counter-form.ts';

export type CounterSaveEvent = CustomEvent<{ counterId: string; body: CounterInput }>;

/**
 * The form of one counter: its number, the services it calls in order (moved up and down), the
 * call order and the weight of each service. Emits `luot-counter-save` with the putCounter body
 * once its hints are clear, and `luot-counter-cancel`.
 */
export class LuotAdminCounterForm extends LitElement {
  static override properties = {
    counter: { attribute: false },
    counters: { attribute: false },
    services: { attribute: false },
    language: { type: String },
    busy: { type: Boolean },
    form: { state: true },
    hints: { state: true },
  };
  /** The counter edited; null for a new one. */
  declare counter: Counter | null;
  declare counters: Counter[];
  declare services: Service[];
  declare language: Language;
  declare busy: boolean;
  declare form: CounterForm;
  declare hints: Hint[];

  constructor() {
    super();
    this.counter = null;
    this.counters = [];
    this.services = [];
    this.language = 'vi';
    this.busy = false;
    this.form = newCounterForm([]);
    this.hints = [];
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('counter')) this.form = this.counter ? counterFormOf(this.counter) : newCounterForm(this.counters);
  }

  private save(e: Event) {
    e.preventDefault();
    this.hints = counterHints(this.form, this.counter === null, this.counters);
    if (this.busy || this.hints.length) return;
    const detail = { counterId: this.form.id.trim(), body: counterBody(this.form) };
    this.dispatchEvent(new CustomEvent('luot-counter-save', { detail, bubbles: true, composed: true }) satisfies CounterSaveEvent);
  }

  private nameOf(serviceId: string): string {
    const s = this.services.find((x) => x.id === serviceId);
    return s ? localized(s.name, this.language) : serviceId;
  }

  override render() {
    const lang = this.language;
    const f = this.form;
    const invalid = (field: string) => (hasHint(this.hints, field) ? 'true' : 'false');
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const addable = this.services.filter((s) => !f.serviceIds.includes(s.id));
    return html`${feedback(lang, null, this.hints, counterFieldLabels)}
      <form @submit=${this.save} novalidate data-testid="counter-form">
        <fieldset>
          <legend>${this.counter ? t(lang, 'admin.counters.editing', { n: this.counter.number }) : t(lang, 'admin.counters.new')}</legend>
          <label>${t(lang, 'admin.counters.number')}
            <input type="number" min="1" max="999" .value=${f.number} aria-invalid=${invalid('number')} data-testid="counter-number"
              @input=${(e: Event) => (this.form = { ...f, number: value(e) })} />
          </label>
          ${
            this.counter
              ? null
              : html`<label>${t(lang, 'admin.counters.id')}
                <input .value=${f.id} aria-invalid=${invalid('counterId')} data-testid="counter-id" @input=${(e: Event) => (this.form = { ...f, id: value(e) })} />
              </label>`
          }
          <label>${t(lang, 'admin.counters.callOrder')}
            <select data-testid="counter-call-order" @change=${(e: Event) => (this.form = { ...f, callOrder: value(e) as CallOrder })}>
              ${CALL_ORDERS.map((o) => html`<option value=${o} ?selected=${o === f.callOrder}>${t(lang, `admin.counters.order.${o}`)}</option>`)}
            </select>
          </label>
          <label class="check"><input type="checkbox" .checked=${f.active} data-testid="counter-active"
            @change=${(e: Event) => (this.form = { ...f, active: (e.target as HTMLInputElement).checked })} />${t(lang, 'admin.active')}</label>
        </fieldset>
        <fieldset>
          <legend>${t(lang, 'admin.counters.services')}</legend>
          <p class="muted note">${t(lang, `admin.counters.orderNote.${f.callOrder}`)}</p>
          <ol>
            ${f.serviceIds.map(
              (id, i) => html`<li data-testid="counter-service" data-service-id=${id}>
                <span class="name">${this.nameOf(id)}</span>
                ${
                  f.callOrder === 'weighted'
                    ? html`<label class="inline">${t(lang, 'admin.counters.weight')}
                      <input type="number" min="1" max="10" size="3" .value=${f.weights[id] ?? '1'} aria-invalid=${invalid(`weights.${id}`)} data-testid="counter-weight"
                        @input=${(e: Event) => (this.form = { ...f, weights: { ...f.weights, [id]: value(e) } })} />
                    </label>`
                    : null
                }
                <button type="button" class="quiet" ?disabled=${i === 0} aria-label=${t(lang, 'admin.counters.up')} data-testid="counter-up"
                  @click=${() => (this.form = moveService(f, i, -1))}>↑</button>
                <button type="button" class="quiet" ?disabled=${i === f.serviceIds.length - 1} aria-label=${t(lang, 'admin.counters.down')} data-testid="counter-down"
                  @click=${() => (this.form = moveService(f, i, 1))}>↓</button>
                <button type="button" class="quiet" data-testid="counter-remove" @click=${() => (this.form = removeService(f, id))}>${t(lang, 'admin.counters.remove')}</button>
              </li>`,
            )}
          </ol>
          ${
            addable.length
              ? html`<label>${t(lang, 'admin.counters.addService')}
                <select data-testid="counter-add-service" @change=${(e: Event) => {
                  this.form = addService(f, value(e));
                  (e.target as HTMLSelectElement).value = '';
                }}>
                  <option value="">—</option>
                  ${addable.map((s) => html`<option value=${s.id}>${localized(s.name, lang)}</option>`)}
                </select>
              </label>`
              : null
          }
        </fieldset>
        <span class="actions">
          <button type="submit" ?disabled=${this.busy} data-testid="counter-save">${t(lang, 'admin.save')}</button>
          <button type="button" class="quiet" data-testid="counter-cancel"
            @click=${() => this.dispatchEvent(new CustomEvent('luot-counter-cancel', { bubbles: true, composed: true }))}>${t(lang, 'admin.cancel')}</button>
        </span>
      </form>`;
  }

  static override styles = [
    sectionStyles,
    css`
      :host { padding: 0; box-shadow: none; background: transparent; }
      form { flex-direction: column; align-items: stretch; }
      ol { margin: 0; padding-left: 1.5rem; width: 100%; }
      li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.3rem 0; }
      li .name { flex: 1; min-width: 12rem; font-weight: 600; }
      label.inline { flex-direction: row; align-items: center; }
      .note { margin: 0; width: 100%; }
    `,
  ];
}

customElements.define('luot-admin-counter-form', LuotAdminCounterForm);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-counter-form': LuotAdminCounterForm;
  }
}

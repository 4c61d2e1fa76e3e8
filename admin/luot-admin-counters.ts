import { html } from 'lit';
import { AdminSection } from './admin-section.ts';
import type { Counter, Service } from '../protocol/index.ts';
import { localized, t } from '../web-shared/i18n/i18n.ts';
import { configChanged, feedback } from './admin-feedback.ts';
import { sectionStyles } from './admin-section.styles.ts';
import { counterFieldLabels } from './counter-form.ts';
import './luot-admin-counter-form.ts';
import type { CounterSaveEvent } from './luot-admin-counter-form.ts';

/**
 * Admin section "counters" (quầy): the list with the services each calls, and the counter form
 * (luot-admin-counter-form.ts) to create or edit one. `revision` changes when another section
 * saved something (a new service): the lists are read again.
 */
export class LuotAdminCounters extends AdminSection {
  static override properties = {
    revision: { type: Number },
    counters: { state: true },
    services: { state: true },
    editing: { state: true },
  };
  declare revision: number;
  declare counters: Counter[];
  declare services: Service[];
  /** The counter in the form: a Counter, 'new', or null when the form is closed. */
  declare editing: Counter | 'new' | null;

  constructor() {
    super();
    this.revision = 0;
    this.counters = [];
    this.services = [];
    this.editing = null;
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('revision')) void this.run(() => this.reload());
  }

  private async reload() {
    const [counters, services] = await Promise.all([this.api.listCounters(this.centreId), this.api.listServices(this.centreId)]);
    this.counters = [...counters].sort((a, b) => a.number - b.number);
    this.services = [...services].sort((a, b) => a.sortOrder - b.sortOrder);
  }

  private async save(e: CounterSaveEvent) {
    e.stopPropagation();
    if (this.busy) return;
    await this.run(async () => {
      await this.api.putCounter(this.centreId, e.detail.counterId, e.detail.body);
      this.editing = null;
      await this.reload();
      this.dispatchEvent(configChanged('counter'));
    });
  }

  private open(counter: Counter | 'new') {
    this.editing = counter;
    this.error = null;
  }

  private serviceNames(c: Counter): string {
    return c.serviceIds
      .map((id) => this.services.find((s) => s.id === id))
      .map((s, i) => (s ? localized(s.name, this.language) : c.serviceIds[i]!))
      .join(' → ');
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'admin.counters.title')}</h2>
      ${feedback(lang, this.error, [], counterFieldLabels)}
      ${
        this.editing
          ? html`<luot-admin-counter-form
            .counter=${this.editing === 'new' ? null : this.editing}
            .counters=${this.counters}
            .services=${this.services}
            .language=${lang}
            ?busy=${this.busy}
            @luot-counter-save=${this.save}
            @luot-counter-cancel=${() => (this.editing = null)}
          ></luot-admin-counter-form>`
          : html`<p><button type="button" data-testid="counter-new" @click=${() => this.open('new')}>${t(lang, 'admin.counters.new')}</button></p>`
      }
      <table>
        <thead>
          <tr>
            <th>${t(lang, 'admin.counters.number')}</th>
            <th>${t(lang, 'admin.counters.services')}</th>
            <th>${t(lang, 'admin.counters.callOrder')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.counters.map(
            (c) => html`<tr data-testid="counter-row" data-counter-id=${c.id}>
              <td>${t(lang, 'counter.label', { n: c.number })}${c.active ? null : html` · <span class="muted">${t(lang, 'admin.inactive')}</span>`}</td>
              <td data-testid="counter-services">${this.serviceNames(c)}</td>
              <td>${t(lang, `admin.counters.order.${c.callOrder}`)}</td>
              <td><button type="button" class="quiet" ?disabled=${this.busy} data-testid="counter-edit" @click=${() => this.open(c)}>${t(lang, 'admin.edit')}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  static override styles = sectionStyles;
}

customElements.define('luot-admin-counters', LuotAdminCounters);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-counters': LuotAdminCounters;
  }
}

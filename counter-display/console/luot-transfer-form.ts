import { LitElement, html } from 'lit';
import type { Counter, Language, Service, Ticket } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { closeForm, sendAction } from './console-events.ts';
import { transferBody, transferCounters } from './console-forms.ts';
import { formStyles } from './form.styles.ts';

/**
 * "Chuyển": send the current ticket to another service and/or a specific counter. The ticket
 * keeps its place (its issue time), so the citizen does not start again at the back.
 */
export class LuotTransferForm extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    services: { attribute: false },
    counters: { attribute: false },
    ownCounterId: { attribute: false },
    busy: { type: Boolean },
    language: { type: String },
    serviceId: { state: true },
    counterId: { state: true },
  };
  declare ticket: Ticket | null;
  declare services: Service[];
  declare counters: Counter[];
  declare ownCounterId: string;
  declare busy: boolean;
  declare language: Language;
  declare serviceId: string;
  declare counterId: string;

  constructor() {
    super();
    this.ticket = null;
    this.services = [];
    this.counters = [];
    this.ownCounterId = '';
    this.busy = false;
    this.language = 'vi';
    this.serviceId = '';
    this.counterId = '';
  }

  override render() {
    const lang = this.language;
    const ticket = this.ticket;
    if (!ticket) return null;
    const targetService = this.serviceId || ticket.serviceId;
    const counters = transferCounters(this.counters, this.ownCounterId, targetService);
    // A counter chosen for the old service may not serve the new one: drop it rather than send it.
    const counterId = counters.some((c) => c.id === this.counterId) ? this.counterId : '';
    const body = transferBody(ticket, this.serviceId || null, counterId || null);
    return html`<h3>${t(lang, 'console.transferTitle', { number: ticket.number })}</h3>
      <form @submit=${(e: Event) => this.submit(e, body)}>
        <label class="grow">
          ${t(lang, 'console.transferService')}
          <select data-testid="transfer-service" @change=${(e: Event) => (this.serviceId = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.serviceId}>${t(lang, 'console.sameService')}</option>
            ${this.services
              .filter((s) => s.active && s.id !== ticket.serviceId)
              .map((s) => html`<option value=${s.id} ?selected=${s.id === this.serviceId}>${localized(s.name, lang)}</option>`)}
          </select>
        </label>
        <label class="grow">
          ${t(lang, 'console.transferCounter')}
          <select data-testid="transfer-counter" @change=${(e: Event) => (this.counterId = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!counterId}>${t(lang, 'console.anyCounter')}</option>
            ${counters.map((c) => html`<option value=${c.id} ?selected=${c.id === counterId}>${t(lang, 'counter.label', { n: c.number })}</option>`)}
          </select>
        </label>
        <button type="submit" data-testid="transfer-submit" ?disabled=${!body || this.busy}>${t(lang, 'console.confirm')}</button>
        <button type="button" @click=${() => closeForm(this)}>${t(lang, 'console.cancel')}</button>
      </form>`;
  }

  private submit(e: Event, body: ReturnType<typeof transferBody>) {
    e.preventDefault();
    if (!body || this.busy) return;
    const { ticketId: _guard, ...target } = body; // the desk adds the guard itself
    sendAction(this, 'transfer', target);
  }

  static override styles = formStyles;
}

customElements.define('luot-transfer-form', LuotTransferForm);

declare global {
  interface HTMLElementTagNameMap {
    'luot-transfer-form': LuotTransferForm;
  }
}

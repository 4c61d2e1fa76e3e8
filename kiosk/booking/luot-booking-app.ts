import { LitElement, html } from 'lit';
import { bookingStyles } from './booking.styles.ts';
import QRCode from 'qrcode';
import type { Appointment, BookingInfo, Language, Slot } from '../../protocol/index.ts';
import { ApiError, toApiError } from '../../web-shared/client/api.ts';
import { errorText, localized, t } from '../../web-shared/i18n/i18n.ts';
import type { LanguageChangeEvent } from '../../web-shared/ui/luot-lang-toggle.ts';
import '../../web-shared/ui/luot-lang-toggle.ts';
import { appointmentsClient, type AppointmentsClient } from './appointments-client.ts';
import { dayLabel, groupedCode, localTime } from './appointment-text.ts';
import { cancelUrl } from './booking-logic.ts';

/**
 * The citizen's booking page on a phone (issue #14): choose a service, a day and a free time, give
 * a name and phone if one likes, book; the answer is the appointment's code as text and QR (the
 * kiosk's scanner reads it at check-in) and a link to cancel. With `cancelCode` it is the cancel
 * screen of that appointment instead. One column, large targets; the centre's wall clock.
 */
export class LuotBookingApp extends LitElement {
  static override properties = {
    centreId: { attribute: false },
    cancelCode: { attribute: false },
    language: { type: String },
    info: { state: true },
    serviceId: { state: true },
    day: { state: true },
    slots: { state: true },
    time: { state: true },
    booked: { state: true },
    qr: { state: true },
    shown: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  declare centreId: string | null;
  declare cancelCode: string | null;
  declare language: Language;
  declare info: BookingInfo | null;
  declare serviceId: string | null;
  declare day: string | null;
  declare slots: Slot[] | null;
  declare time: string | null;
  /** The appointment just booked. */
  declare booked: Appointment | null;
  declare qr: string | null;
  /** The appointment the cancel link names. */
  declare shown: Appointment | null;
  declare busy: boolean;
  declare error: ApiError | null;
  private client: AppointmentsClient = appointmentsClient();

  constructor() {
    super();
    this.centreId = null;
    this.cancelCode = null;
    this.language = 'vi';
    this.info = null;
    this.serviceId = null;
    this.day = null;
    this.slots = null;
    this.time = null;
    this.booked = null;
    this.qr = null;
    this.shown = null;
    this.busy = false;
    this.error = null;
  }

  override firstUpdated() {
    void this.run(async () => {
      if (!this.centreId) throw new ApiError('centre.not_found', 'No centre in the link.', 404);
      this.info = await this.client.bookingInfo(this.centreId);
      if (this.cancelCode) this.shown = await this.client.get(this.centreId, this.cancelCode);
    });
  }

  override updated() {
    document.documentElement.lang = this.language;
  }

  /** Runs a request with the busy flag; its failure is shown on the page. */
  private async run(work: () => Promise<void>) {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.busy = false;
    }
  }

  private chooseService(serviceId: string) {
    this.serviceId = serviceId;
    this.time = null;
    this.slots = null;
    if (this.day) void this.loadSlots();
  }

  private chooseDay(day: string) {
    this.day = day;
    this.time = null;
    void this.loadSlots();
  }

  private async loadSlots() {
    const { centreId, serviceId, day } = this;
    if (!centreId || !serviceId || !day) return;
    await this.run(async () => {
      this.slots = (await this.client.slots(centreId, serviceId, day)).slots;
    });
  }

  private async book(e: SubmitEvent) {
    e.preventDefault();
    const { centreId, serviceId, day, time } = this;
    if (!centreId || !serviceId || !day || !time || this.busy) return;
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() || undefined;
    await this.run(async () => {
      this.booked = await this.client.book(centreId, { serviceId, day, time, name: value('name'), phone: value('phone') });
      this.qr = await QRCode.toDataURL(this.booked.code, { errorCorrectionLevel: 'M', margin: 2, scale: 8 }).catch(() => null);
    });
    // Someone took the last place meanwhile: show the times as they are now, and say why.
    const failed = this.error;
    if (failed?.code === 'appointment.slot_full') {
      this.time = null;
      await this.loadSlots();
      this.error = failed;
    }
  }

  private async cancel() {
    const { centreId, cancelCode } = this;
    if (!centreId || !cancelCode) return;
    await this.run(async () => {
      this.shown = await this.client.cancel(centreId, cancelCode);
    });
  }

  private again() {
    this.booked = null;
    this.qr = null;
    this.time = null;
    void this.loadSlots();
  }

  private serviceName(serviceId: string): string {
    const s = this.info?.services.find((x) => x.id === serviceId);
    return s ? localized(s.name, this.language) : serviceId;
  }

  override render() {
    const lang = this.language;
    return html`<header>
        <div>
          <h1>${t(lang, this.cancelCode ? 'booking.cancelTitle' : 'booking.title')}</h1>
          <p class="centre">${this.info ? localized(this.info.centreName, lang) : t(lang, 'app.loading')}</p>
        </div>
        <luot-lang-toggle .language=${lang} @luot-language-change=${(e: LanguageChangeEvent) => (this.language = e.detail.language)}></luot-lang-toggle>
      </header>
      ${this.error ? html`<p class="error" role="alert" data-testid="booking-error">${errorText(lang, this.error.code)}</p>` : null}
      <main>${this.cancelCode ? this.renderCancel() : this.booked ? this.renderBooked(this.booked) : this.renderForm()}</main>`;
  }

  private renderCancel() {
    const lang = this.language;
    const a = this.shown;
    if (!a || !this.info) return null;
    return html`<section class="card" data-testid="cancel-card">
      <p class="code" data-testid="cancel-code">${groupedCode(a.code)}</p>
      <p>${this.serviceName(a.serviceId)}</p>
      <p>${t(lang, 'booking.when', { time: a.time, day: dayLabel(a.day, lang) })}</p>
      <p class="state" data-testid="cancel-state">${t(lang, `booking.state.${a.state}`)}</p>
      ${
        a.state === 'booked'
          ? html`<button type="button" class="primary danger" data-testid="cancel-confirm" ?disabled=${this.busy} @click=${this.cancel}>
              ${t(lang, 'booking.cancelConfirm')}
            </button>`
          : a.state === 'cancelled'
            ? html`<p class="done" role="status" data-testid="cancel-done">${t(lang, 'booking.cancelled')}</p>`
            : null
      }
    </section>`;
  }

  private renderBooked(a: Appointment) {
    const lang = this.language;
    const info = this.info!;
    const from = localTime(new Date(Date.parse(a.slotAt) - info.arriveEarlyMinutes * 60_000), info.timeZone);
    const to = localTime(new Date(Date.parse(a.slotAt) + info.arriveLateMinutes * 60_000), info.timeZone);
    const link = cancelUrl(location.origin, a.centreId, a.code, lang);
    return html`<section class="card" data-testid="booked">
      <h2>✓ ${t(lang, 'booking.done')}</h2>
      <p class="label">${t(lang, 'booking.code')}</p>
      <p class="code" data-testid="booked-code">${groupedCode(a.code)}</p>
      ${this.qr ? html`<img class="qr" src=${this.qr} alt=${a.code} data-testid="booked-qr" />` : null}
      <p class="what">${this.serviceName(a.serviceId)}</p>
      <p class="what" data-testid="booked-when">${t(lang, 'booking.when', { time: a.time, day: dayLabel(a.day, lang) })}</p>
      <p>${t(lang, 'booking.arrive', { from, to })}</p>
      <p class="hint">${t(lang, 'booking.keep')}</p>
      <a class="link" href=${link} data-testid="booked-cancel-link">${t(lang, 'booking.cancelLink')}</a>
      <button type="button" class="secondary" @click=${this.again}>${t(lang, 'booking.again')}</button>
    </section>`;
  }

  private renderForm() {
    const lang = this.language;
    const info = this.info;
    if (!info) return null;
    if (!info.enabled || info.services.length === 0) return html`<p class="card" data-testid="booking-closed">${t(lang, 'booking.closed')}</p>`;
    return html`<form @submit=${this.book}>
      <fieldset>
        <legend>1. ${t(lang, 'booking.service')}</legend>
        <div class="choices">
          ${info.services.map(
            (s) => html`<button
              type="button"
              class=${s.id === this.serviceId ? 'choice chosen' : 'choice'}
              aria-pressed=${s.id === this.serviceId ? 'true' : 'false'}
              data-testid=${`service-${s.id}`}
              @click=${() => this.chooseService(s.id)}
            >
              ${localized(s.name, lang)}
            </button>`,
          )}
        </div>
      </fieldset>
      ${
        this.serviceId
          ? html`<fieldset>
            <legend>2. ${t(lang, 'booking.day')}</legend>
            <div class="days">
              ${info.days.map(
                (d) => html`<button
                  type="button"
                  class=${d === this.day ? 'choice chosen' : 'choice'}
                  aria-pressed=${d === this.day ? 'true' : 'false'}
                  data-testid=${`day-${d}`}
                  @click=${() => this.chooseDay(d)}
                >
                  ${dayLabel(d, lang)}
                </button>`,
              )}
            </div>
          </fieldset>`
          : null
      }
      ${this.serviceId && this.day && this.slots ? this.renderSlots(this.slots) : null}
      ${
        this.time
          ? html`<fieldset>
            <label>${t(lang, 'booking.name')}<input name="name" autocomplete="name" maxlength="100" /></label>
            <label>${t(lang, 'booking.phone')}<input name="phone" type="tel" autocomplete="tel" maxlength="20" /></label>
            <button type="submit" class="primary" data-testid="book" ?disabled=${this.busy}>
              ${this.busy ? t(lang, 'booking.busy') : `${t(lang, 'booking.submit')} · ${this.time}`}
            </button>
          </fieldset>`
          : null
      }
    </form>`;
  }

  private renderSlots(slots: Slot[]) {
    const lang = this.language;
    return html`<fieldset>
      <legend>3. ${t(lang, 'booking.slot')}</legend>
      ${
        slots.length === 0
          ? html`<p data-testid="no-slots">${t(lang, 'booking.noSlots')}</p>`
          : html`<div class="slots">
            ${slots.map(
              (s) => html`<button
                type="button"
                class=${s.time === this.time ? 'slot chosen' : 'slot'}
                ?disabled=${s.free === 0}
                aria-pressed=${s.time === this.time ? 'true' : 'false'}
                data-testid=${`slot-${s.time}`}
                @click=${() => (this.time = s.time)}
              >
                <span class="time">${s.time}</span>
                <span class="free">${s.free === 0 ? t(lang, 'booking.full') : t(lang, 'booking.free', { n: s.free })}</span>
              </button>`,
            )}
          </div>`
      }
    </fieldset>`;
  }

  static override styles = bookingStyles;
}

customElements.define('luot-booking-app', LuotBookingApp);

declare global {
  interface HTMLElementTagNameMap {
    'luot-booking-app': LuotBookingApp;
  }
}

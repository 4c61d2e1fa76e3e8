import { LitElement, css, html } from 'lit';
import type { IssuedTicket, Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import { appointmentsClient, type AppointmentsClient } from '../booking/appointments-client.ts';
import { checkInMessage, todayIn } from '../booking/appointment-text.ts';
import './luot-code-entry.ts';

/**
 * "Đã đặt lịch hẹn" (issue #14): the shared code screen (luot-code-entry.ts: a scanner types the
 * QR's code and Enter, or the big keypad) checks the appointment in. A ticket (in the
 * appointment's place, or an ordinary one when too early or late by the centre's choice):
 * `luot-checkin-issued` with the message to show beside it. No ticket: the reason here.
 *
 * @fires luot-checkin-issued - { issued, message } a ticket was issued
 * @fires luot-code-cancel - (from luot-code-entry) Back, or idle too long
 */
export class LuotCheckin extends LitElement {
  static override properties = {
    centreId: { type: String },
    timeZone: { type: String },
    deviceToken: { attribute: false },
    language: { type: String },
  };
  declare centreId: string;
  declare timeZone: string;
  declare deviceToken: string | null;
  declare language: Language;
  private client: AppointmentsClient | null = null;

  constructor() {
    super();
    this.centreId = '';
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.deviceToken = null;
    this.language = 'vi';
  }

  private readonly submit = async (code: string): Promise<string | null> => {
    this.client ??= appointmentsClient({ deviceToken: this.deviceToken });
    const result = await this.client.checkIn(this.centreId, code);
    const message = checkInMessage(this.language, result, this.timeZone, todayIn(this.timeZone));
    if (result.outcome !== 'checked_in' && result.outcome !== 'walk_in') return message;
    this.dispatchEvent(new CustomEvent('luot-checkin-issued', { detail: { issued: result.issued, message }, bubbles: true, composed: true }));
    return null;
  };

  override render() {
    const lang = this.language;
    return html`<luot-code-entry
      data-testid="checkin"
      .heading=${t(lang, 'kiosk.appointment.title')}
      .hint=${t(lang, 'kiosk.appointment.instructions')}
      .language=${lang}
      .onSubmit=${this.submit}
    ></luot-code-entry>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
    }
    luot-code-entry {
      flex: 1;
    }
  `;
}

customElements.define('luot-checkin', LuotCheckin);

declare global {
  interface HTMLElementTagNameMap {
    'luot-checkin': LuotCheckin;
  }
  interface HTMLElementEventMap {
    'luot-checkin-issued': CustomEvent<{ issued: IssuedTicket; message: string }>;
  }
}

import { LitElement, css, html } from 'lit';
import { formatDate, formatTime } from '../i18n/time.ts';

/** The time and date on the centre's wall clock (its zone, not the display PC's). */
export class LuotClock extends LitElement {
  static override properties = { timeZone: { type: String }, now: { state: true } };
  declare timeZone: string;
  declare now: Date;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.now = new Date();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.now = new Date();
    // A second's resolution keeps the minute flip on time without aligning timers.
    this.timer = setInterval(() => (this.now = new Date()), 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    return html`<span class="time">${formatTime(this.now, this.timeZone)}</span>
      <span class="date">${formatDate(this.now, this.timeZone)}</span>`;
  }

  static override styles = css`
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-end;
      font-variant-numeric: tabular-nums;
    }
    .time {
      font-size: var(--luot-clock-size, 3rem);
      font-weight: 700;
      line-height: 1;
    }
    .date {
      font-size: calc(var(--luot-clock-size, 3rem) * 0.4);
      opacity: 0.85;
    }
  `;
}

customElements.define('luot-clock', LuotClock);

declare global {
  interface HTMLElementTagNameMap {
    'luot-clock': LuotClock;
  }
}

import { LitElement, css, html } from 'lit';
import type { Call, Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import { formatTime } from '../../web-shared/i18n/time.ts';

/** The calls before the newest one, for citizens who looked away. */
export class LuotCallList extends LitElement {
  static override properties = {
    calls: { attribute: false },
    language: { type: String },
    timeZone: { type: String },
  };
  declare calls: Call[];
  declare language: Language;
  declare timeZone: string;

  constructor() {
    super();
    this.calls = [];
    this.language = 'vi';
    this.timeZone = 'Asia/Ho_Chi_Minh';
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'display.previous')}</h2>
      <ol>
        ${this.calls.map(
          (c) => html`<li data-testid="previous-call">
            <span class="number">${c.number}</span>
            <span class="counter">${t(lang, 'counter.label', { n: c.counterNumber })}</span>
            <span class="time">${formatTime(c.calledAt, this.timeZone)}</span>
          </li>`,
        )}
      </ol>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      overflow: hidden;
    }
    h2 {
      margin: 0 0 1vmin;
      font-size: 3vmin;
      font-weight: 600;
      color: var(--luot-display-muted);
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(var(--luot-call-columns, 2), 1fr);
      gap: 0.8vmin 2vmin;
      min-height: 0;
    }
    li {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: baseline;
      gap: 1.8vmin;
      padding: 0.6vmin 1.5vmin;
      border-radius: var(--luot-radius);
      background: var(--luot-display-row);
      font-size: var(--luot-call-size, 4.6vmin);
      white-space: nowrap;
    }
    .number {
      font-weight: 800;
      color: var(--luot-display-number);
      font-variant-numeric: tabular-nums;
    }
    .time {
      font-size: 0.55em;
      color: var(--luot-display-muted);
      font-variant-numeric: tabular-nums;
    }
  `;
}

customElements.define('luot-call-list', LuotCallList);

declare global {
  interface HTMLElementTagNameMap {
    'luot-call-list': LuotCallList;
  }
}

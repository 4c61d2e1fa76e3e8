import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Call, Language } from '../protocol/index.ts';
import { t } from '../web-shared/i18n.ts';

/** The newest call, as large as the screen allows: number → counter; a recall says "Mời lại". */
export class LuotLatestCall extends LitElement {
  static override properties = { call: { attribute: false }, language: { type: String } };
  declare call: Call | null;
  declare language: Language;

  constructor() {
    super();
    this.call = null;
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    const call = this.call;
    if (!call) return html`<p class="none" data-testid="latest-none">${t(lang, 'display.none')}</p>`;
    // Keyed on the call so a new call (or a recall) re-creates the block and replays the flash.
    return keyed(
      `${call.ticketId}@${call.calledAt}`,
      html`<div class="call" data-testid="latest-call" data-called-at=${call.calledAt} data-recall=${String(call.recall)}>
        <p class="label" data-testid="latest-label">${t(lang, call.recall ? 'display.recall' : 'display.latest')}</p>
        <p class="line">
          <span class="number" data-testid="latest-number">${call.number}</span>
          <span class="arrow" aria-hidden="true">➜</span>
          <span class="counter" data-testid="latest-counter">${t(lang, 'counter.label', { n: call.counterNumber })}</span>
        </p>
      </div>`,
    );
  }

  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      justify-content: center;
      text-align: center;
    }
    p {
      margin: 0;
    }
    .call {
      animation: flash 1s ease-in-out 3;
    }
    .label {
      font-size: 5vh;
      color: var(--luot-display-muted);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: center;
      gap: 0 4vw;
    }
    .number {
      font-size: var(--luot-display-number-size, 26vh);
      font-weight: 800;
      line-height: 1.05;
      color: var(--luot-display-number);
      font-variant-numeric: tabular-nums;
    }
    .arrow {
      font-size: 10vh;
    }
    .counter {
      font-size: var(--luot-display-counter-size, 13vh);
      font-weight: 700;
    }
    .none {
      font-size: 6vh;
      color: var(--luot-display-muted);
    }
    @keyframes flash {
      50% {
        opacity: 0.25;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .call {
        animation: none;
      }
    }
  `;
}

customElements.define('luot-latest-call', LuotLatestCall);

declare global {
  interface HTMLElementTagNameMap {
    'luot-latest-call': LuotLatestCall;
  }
}

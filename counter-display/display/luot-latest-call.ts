import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Call, Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';

/**
 * The newest call, as large as the screen allows: number → counter, and the service; a recall
 * says "Mời lại". Each call (and recall) replays the highlight, so a glance tells a new call.
 */
export class LuotLatestCall extends LitElement {
  static override properties = {
    call: { attribute: false },
    serviceName: { type: String },
    language: { type: String },
  };
  declare call: Call | null;
  declare serviceName: string;
  declare language: Language;

  constructor() {
    super();
    this.call = null;
    this.serviceName = '';
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
          <span class="to"
            ><span class="arrow" aria-hidden="true">➜</span>
            <span class="counter" data-testid="latest-counter">${t(lang, 'counter.label', { n: call.counterNumber })}</span></span
          >
        </p>
        ${this.serviceName ? html`<p class="service" data-testid="latest-service">${this.serviceName}</p>` : null}
        ${call.dossierCode ? html`<p class="service" data-testid="latest-dossier">${t(lang, 'ticket.dossier', { code: call.dossierCode })}</p>` : null}
      </div>`,
    );
  }

  static override styles = css`
    /* Sized by the area the page gives it (container units), so nothing is cut in any layout. */
    :host {
      display: flex;
      align-items: center;
      justify-content: center;
      text-align: center;
      overflow: hidden;
      container-type: size;
    }
    p {
      margin: 0;
    }
    .call {
      width: 100%;
      padding: 1.5vmin 2vmin;
      border-radius: calc(var(--luot-radius) * 2);
      animation: flash 0.8s ease-in-out 4;
    }
    .label {
      font-size: min(var(--luot-display-label-size, 5vmin), 9cqh);
      color: var(--luot-display-muted);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: center;
      gap: 0 4vmin;
    }
    .number {
      font-size: min(var(--luot-display-number-size, 24vmin), 44cqh, 30cqw);
      font-weight: 800;
      line-height: 1.05;
      color: var(--luot-display-number);
      font-variant-numeric: tabular-nums;
    }
    /* The arrow stays with the counter when a narrow screen wraps the line. */
    .to {
      display: inline-flex;
      align-items: baseline;
      gap: 3vmin;
      white-space: nowrap;
    }
    .arrow {
      font-size: calc(min(var(--luot-display-counter-size, 12vmin), 21cqh) * 0.8);
    }
    .counter {
      font-size: min(var(--luot-display-counter-size, 12vmin), 21cqh, 13cqw);
      font-weight: 700;
      white-space: nowrap;
    }
    .service {
      font-size: min(var(--luot-display-service-size, 4.2vmin), 8cqh);
      color: var(--luot-display-muted);
    }
    .none {
      font-size: 6vmin;
      color: var(--luot-display-muted);
    }
    @keyframes flash {
      0%,
      100% {
        background: transparent;
      }
      50% {
        background: var(--luot-display-flash, rgb(255 213 79 / 28%));
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

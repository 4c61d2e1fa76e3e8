import { LitElement, css, html } from 'lit';
import type { CounterView, Language, Service } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import { counterMarks } from './display-text.ts';

/**
 * One tile per counter along the bottom of the hall display: the number it attends, or
 * "Tạm dừng" / "Đóng", so citizens see why a counter calls nobody; and the letters of the
 * services it calls, so they know where their number will be called.
 */
export class LuotCounterStrip extends LitElement {
  static override properties = {
    counters: { attribute: false },
    services: { attribute: false },
    language: { type: String },
  };
  declare counters: CounterView[];
  declare services: Service[];
  declare language: Language;

  constructor() {
    super();
    this.counters = [];
    this.services = [];
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    const views = this.counters.filter((v) => v.counter.active);
    if (views.length === 0) return null;
    return html`<ul aria-label=${t(lang, 'display.counters')}>
      ${views.map((v) => {
        const status = v.state.status;
        const shows = status === 'open' ? (v.current?.number ?? '—') : t(lang, `counter.status.${status}`);
        const marks = counterMarks(v.counter.serviceIds, this.services);
        return html`<li class="status-${status}" data-testid="counter-tile" data-counter-id=${v.counter.id} data-status=${status}>
          <span class="label">${t(lang, 'counter.label', { n: v.counter.number })}</span>
          <span class="value">${shows}</span>
          ${marks ? html`<span class="marks">${marks}</span>` : null}
        </li>`;
      })}
    </ul>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(var(--luot-counter-tile-min, 15vmin), 1fr));
      gap: 1vmin;
    }
    li {
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 0.6vmin 1vmin;
      border-radius: var(--luot-radius);
      background: var(--luot-display-row);
      white-space: nowrap;
      overflow: hidden;
    }
    .label {
      font-size: 2.4vmin;
      color: var(--luot-display-muted);
    }
    .value {
      font-size: 3.8vmin;
      font-weight: 800;
      color: var(--luot-display-number);
      font-variant-numeric: tabular-nums;
    }
    .marks {
      font-size: 2vmin;
      color: var(--luot-display-muted);
    }
    .status-paused .value {
      color: var(--luot-display-paused, #ffb74d);
    }
    .status-closed {
      opacity: 0.55;
    }
    .status-closed .value {
      color: var(--luot-display-muted);
      font-weight: 600;
    }
  `;
}

customElements.define('luot-counter-strip', LuotCounterStrip);

declare global {
  interface HTMLElementTagNameMap {
    'luot-counter-strip': LuotCounterStrip;
  }
}

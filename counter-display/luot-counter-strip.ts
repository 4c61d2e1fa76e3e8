import { LitElement, css, html } from 'lit';
import type { CounterView, Language } from '../protocol/index.ts';
import { t } from '../web-shared/i18n.ts';

/**
 * One tile per counter in use along the bottom of the hall display: the number it attends,
 * or "Tạm dừng" / "Đóng", so citizens see why a counter calls nobody.
 */
export class LuotCounterStrip extends LitElement {
  static override properties = { counters: { attribute: false }, language: { type: String } };
  declare counters: CounterView[];
  declare language: Language;

  constructor() {
    super();
    this.counters = [];
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
        return html`<li class="status-${status}" data-testid="counter-tile" data-counter-id=${v.counter.id} data-status=${status}>
          <span class="label">${t(lang, 'counter.label', { n: v.counter.number })}</span>
          <span class="value">${shows}</span>
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
      grid-template-columns: repeat(auto-fit, minmax(11vw, 1fr));
      gap: 1vh 1vw;
    }
    li {
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 0.6vh 1vw;
      border-radius: var(--luot-radius);
      background: var(--luot-display-row);
      white-space: nowrap;
    }
    .label {
      font-size: 2.4vh;
      color: var(--luot-display-muted);
    }
    .value {
      font-size: 3.6vh;
      font-weight: 800;
      color: var(--luot-display-number);
      font-variant-numeric: tabular-nums;
    }
    .status-paused .value {
      color: #ffb74d;
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

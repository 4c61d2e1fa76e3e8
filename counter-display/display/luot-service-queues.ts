import { LitElement, css, html } from 'lit';
import type { Language, Service, WaitingCounts } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { serviceMark } from './display-text.ts';

/** How many citizens wait for each service this hall display covers, live. */
export class LuotServiceQueues extends LitElement {
  static override properties = {
    services: { attribute: false },
    waiting: { attribute: false },
    language: { type: String },
  };
  declare services: Service[];
  declare waiting: WaitingCounts;
  declare language: Language;

  constructor() {
    super();
    this.services = [];
    this.waiting = {};
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    if (this.services.length === 0) return null;
    return html`<h2>${t(lang, 'display.waitingTitle')}</h2>
      <ul>
        ${this.services.map(
          (s) => html`<li data-testid="service-waiting" data-service-id=${s.id}>
            <span class="mark">${serviceMark(s)}</span>
            <span class="name">${localized(s.name, lang)}</span>
            <span class="count">${this.waiting[s.id] ?? 0}</span>
          </li>`,
        )}
      </ul>`;
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
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(var(--luot-queue-columns, 1), 1fr);
      align-content: start;
      gap: 0.8vmin 2vmin;
      min-height: 0;
      overflow: hidden;
    }
    li {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: center;
      gap: 1.5vmin;
      padding: 0.8vmin 1.5vmin;
      border-radius: var(--luot-radius);
      background: var(--luot-display-row);
      font-size: 3vmin;
    }
    .mark {
      min-width: 2.2em;
      font-weight: 800;
      color: var(--luot-display-number);
    }
    .name {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .count {
      font-size: 4vmin;
      font-weight: 800;
      font-variant-numeric: tabular-nums;
    }
  `;
}

customElements.define('luot-service-queues', LuotServiceQueues);

declare global {
  interface HTMLElementTagNameMap {
    'luot-service-queues': LuotServiceQueues;
  }
}

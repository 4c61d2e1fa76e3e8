import { LitElement, css, html } from 'lit';
import type { Language, Service, WaitingCounts } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';

/** How many citizens wait for each service this counter calls, live. */
export class LuotWaitingList extends LitElement {
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
    const total = this.services.reduce((sum, s) => sum + (this.waiting[s.id] ?? 0), 0);
    return html`<h2>${t(lang, 'console.waiting')}</h2>
      <ul>
        ${this.services.map(
          (s) => html`<li data-service-id=${s.id}>
            <span class="name">${localized(s.name, lang)}</span>
            <span class="count" data-testid="waiting-count">${this.waiting[s.id] ?? 0}</span>
          </li>`,
        )}
      </ul>
      <p class="total" data-testid="waiting-total">${t(lang, 'console.waitingTotal', { n: total })}</p>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
      color: var(--luot-muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.6rem 0;
      border-bottom: 1px solid var(--luot-border);
      font-size: 1.25rem;
    }
    .count {
      font-weight: 800;
      font-variant-numeric: tabular-nums;
      min-width: 2.5ch;
      text-align: right;
    }
    .total {
      font-weight: 700;
      margin: 0.75rem 0 0;
      font-size: 1.2rem;
    }
  `;
}

customElements.define('luot-waiting-list', LuotWaitingList);

declare global {
  interface HTMLElementTagNameMap {
    'luot-waiting-list': LuotWaitingList;
  }
}

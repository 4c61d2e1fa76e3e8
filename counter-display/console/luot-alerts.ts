import { LitElement, css, html } from 'lit';
import type { AlertView, Counter, Language, Service } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import { formatTime } from '../../web-shared/i18n/time.ts';
import { alertText, byRaised } from './luot-alerts-logic.ts';

/**
 * The SLA alerts a screen shows (issue #14): on a counter's console those of its services and its
 * own counter (luot-alerts-logic.ts alertsForCounter), on the managers' live view all of them.
 * Renders nothing while there is none, unless `showNone`.
 */
export class LuotAlerts extends LitElement {
  static override properties = {
    alerts: { attribute: false },
    services: { attribute: false },
    counters: { attribute: false },
    timeZone: { type: String },
    language: { type: String },
    showNone: { type: Boolean },
  };
  declare alerts: readonly AlertView[];
  declare services: readonly Pick<Service, 'id' | 'name'>[];
  declare counters: readonly Pick<Counter, 'id' | 'number'>[];
  declare timeZone: string;
  declare language: Language;
  declare showNone: boolean;

  constructor() {
    super();
    this.alerts = [];
    this.services = [];
    this.counters = [];
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.language = 'vi';
    this.showNone = false;
  }

  override render() {
    const lang = this.language;
    if (this.alerts.length === 0) return this.showNone ? html`<p class="none" data-testid="alerts-none">${t(lang, 'alerts.none')}</p>` : null;
    return html`<ul role="alert" aria-label=${t(lang, 'alerts.title')} data-testid="alerts">
      ${byRaised(this.alerts).map(
        (a) => html`<li data-testid="alert" data-kind=${a.kind} data-alert-id=${a.id}>
          <span class="text">${alertText(lang, a, this.services, this.counters)}</span>
          <span class="since">${t(lang, 'alerts.since', { time: formatTime(a.raisedAt, this.timeZone) })}</span>
        </li>`,
      )}
    </ul>`;
  }

  static override styles = css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
    li {
      display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 1rem; padding: 0.6rem 1.5rem;
      background: var(--luot-danger, #c62828); color: var(--luot-danger-fg, #fff); font-size: 1.2rem; font-weight: 700;
    }
    .since { font-weight: 400; font-size: 1rem; opacity: 0.9; }
    .none { margin: 0; color: var(--luot-muted, #555); }
  `;
}

customElements.define('luot-alerts', LuotAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'luot-alerts': LuotAlerts;
  }
}

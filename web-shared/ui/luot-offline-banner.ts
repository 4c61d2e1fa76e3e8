import { LitElement, css, html } from 'lit';
import type { Language } from '../../protocol/index.ts';
import { t } from '../i18n/i18n.ts';

/** Says the live connection is down, so nobody trusts a frozen screen. Render it only while offline. */
export class LuotOfflineBanner extends LitElement {
  static override properties = { language: { type: String } };
  declare language: Language;

  constructor() {
    super();
    this.language = 'vi';
  }

  override render() {
    return html`<div role="status" data-testid="offline-banner">${t(this.language, 'app.offline')}</div>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    div {
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
      font-weight: 700;
      font-size: var(--luot-banner-font-size, 1.5rem);
      text-align: center;
      padding: 0.5em 1em;
    }
  `;
}

customElements.define('luot-offline-banner', LuotOfflineBanner);

declare global {
  interface HTMLElementTagNameMap {
    'luot-offline-banner': LuotOfflineBanner;
  }
}

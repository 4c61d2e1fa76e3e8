import { LitElement, css, html } from 'lit';

/**
 * The centre's notice (display settings `notice`), scrolling along the bottom of the hall
 * display: opening hours, documents to bring, a holiday. Still text when motion is reduced.
 */
export class LuotNoticeTicker extends LitElement {
  static override properties = { text: { type: String } };
  declare text: string;

  constructor() {
    super();
    this.text = '';
  }

  override render() {
    const text = this.text.trim();
    if (!text) return null;
    // About 12 characters a second whatever the length: slow enough to read from the back row.
    const seconds = Math.max(12, Math.round(text.length / 12 + 10));
    return html`<p role="marquee" data-testid="notice"><span style="animation-duration: ${seconds}s">${text}</span></p>`;
  }

  static override styles = css`
    :host {
      display: block;
      overflow: hidden;
      background: var(--luot-notice-bg, var(--luot-header-bg));
      color: var(--luot-notice-fg, var(--luot-header-fg));
    }
    p {
      margin: 0;
      padding: 0.8vmin 0;
      white-space: nowrap;
      font-size: var(--luot-notice-size, 3.6vmin);
      font-weight: 600;
    }
    span {
      display: inline-block;
      padding-left: 3vmin;
      animation: scroll linear infinite;
    }
    /* From just off the right edge to just off the left; still, it reads from the left edge. */
    @keyframes scroll {
      from {
        transform: translateX(100vw);
      }
      to {
        transform: translateX(-100%);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      p {
        white-space: normal;
        text-align: center;
      }
      span {
        animation: none;
      }
    }
  `;
}

customElements.define('luot-notice-ticker', LuotNoticeTicker);

declare global {
  interface HTMLElementTagNameMap {
    'luot-notice-ticker': LuotNoticeTicker;
  }
}

import { LitElement, css, html, svg } from 'lit';
import type { Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import type { SoundState } from './announce/announcer.controller.ts';

/** A loudspeaker, with waves (sound on) or a cross (silenced): no emoji font needed on the TV. */
const speaker = (on: boolean) => html`<svg viewBox="0 0 24 24" aria-hidden="true" class="icon">
  <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
  ${
    on
      ? svg`<path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`
      : svg`<path d="M16 9l5 6M21 9l-5 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`
  }
</svg>`;

/**
 * Whether the hall hears this display. Silenced by the browser (no tap yet) it asks plainly for
 * one tap; working, it is a small mark in the corner; unable to play, a warning for the
 * technician. Fires `luot-unlock` when tapped (inside the gesture, as browsers require).
 */
export class LuotSoundState extends LitElement {
  static override properties = { state: { type: String, reflect: true }, language: { type: String } };
  declare state: SoundState;
  declare language: Language;

  constructor() {
    super();
    this.state = 'off';
    this.language = 'vi';
  }

  override render() {
    const lang = this.language;
    switch (this.state) {
      case 'locked':
        return html`<button type="button" class="locked" data-testid="sound-state" data-state="locked" @click=${this.unlock}>
          ${speaker(false)} ${t(lang, 'display.sound.locked')}
        </button>`;
      case 'on':
        return html`<span class="on" data-testid="sound-state" data-state="on" role="img" aria-label=${t(lang, 'display.sound.on')} title=${t(lang, 'display.sound.on')}>${speaker(true)}</span>`;
      case 'unavailable':
        return html`<span class="unavailable" data-testid="sound-state" data-state="unavailable" role="status">⚠ ${t(lang, 'display.sound.unavailable')}</span>`;
      default:
        return null;
    }
  }

  private unlock() {
    this.dispatchEvent(new CustomEvent('luot-unlock', { bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
    }
    .icon {
      width: 1.3em;
      height: 1.3em;
      flex: 0 0 auto;
    }
    button.locked {
      display: inline-flex;
      align-items: center;
      gap: 1vmin;
      padding: 1vmin 2.4vmin;
      border: 0.35vmin solid currentColor;
      border-radius: 999px;
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
      font: inherit;
      font-size: var(--luot-sound-size, 2.6vmin);
      font-weight: 700;
      /* The page hides the pointer; over this button a mouse user should see it. */
      cursor: pointer;
    }
    .on {
      display: inline-flex;
      font-size: var(--luot-sound-size, 2.6vmin);
      opacity: 0.6;
    }
    .unavailable {
      padding: 0.6vmin 1.6vmin;
      border-radius: var(--luot-radius);
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
      font-size: 2.2vmin;
      font-weight: 700;
    }
  `;
}

customElements.define('luot-sound-state', LuotSoundState);

declare global {
  interface HTMLElementTagNameMap {
    'luot-sound-state': LuotSoundState;
  }
}

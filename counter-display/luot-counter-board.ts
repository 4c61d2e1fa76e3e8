import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Language } from '../protocol/index.ts';
import { counterViewOf } from '../web-shared/centre-state.ts';
import { errorText, t } from '../web-shared/i18n.ts';
import { LiveCentreController } from '../web-shared/live-centre.controller.ts';
import '../web-shared/luot-offline-banner.ts';

/**
 * The screen above one counter (display.html?counter=<id>): "Quầy số N" and the number it
 * attends, flashing on each call and recall; "Tạm dừng" on a break, "Đóng" when closed.
 */
export class LuotCounterBoard extends LitElement {
  static override properties = {
    requestedCentreId: { attribute: false },
    counterId: { attribute: false },
    language: { type: String },
  };
  declare requestedCentreId: string | null;
  declare counterId: string;
  declare language: Language;
  private readonly centre = new LiveCentreController(this, () => this.requestedCentreId);

  constructor() {
    super();
    this.requestedCentreId = null;
    this.counterId = '';
    this.language = 'vi';
  }

  override updated() {
    document.documentElement.lang = this.language;
    this.dataset.status = this.centre.status;
  }

  override render() {
    const lang = this.language;
    const { live, error, status } = this.centre;
    const view = counterViewOf(live, this.counterId);
    if (error || (live && !view)) {
      return html`<p class="error" role="alert" data-testid="board-error">${errorText(lang, error?.code ?? 'counter.not_found')}</p>`;
    }
    const state = view?.state.status ?? 'closed';
    const current = view?.current ?? null;
    // Keyed on the call time, so a recall re-creates the number and replays the flash.
    const body =
      state !== 'open'
        ? html`<p class="state state-${state}" data-testid="board-state">${t(lang, `counter.status.${state}`)}</p>`
        : current
          ? keyed(`${current.id}@${current.calledAt}`, html`<p class="number" data-testid="board-number">${current.number}</p>`)
          : html`<p class="state" data-testid="board-state">${t(lang, 'display.noCall')}</p>`;
    return html`${status === 'offline' ? html`<luot-offline-banner .language=${lang}></luot-offline-banner>` : null}
      <p class="counter">${view ? t(lang, 'counter.label', { n: view.counter.number }) : t(lang, 'app.loading')}</p>
      ${body}`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      height: 100vh;
      overflow: hidden;
      text-align: center;
      background: var(--luot-display-bg);
      color: var(--luot-display-fg);
    }
    luot-offline-banner {
      position: fixed;
      top: 0;
      left: 0;
      right: 0;
      --luot-banner-font-size: 5vh;
    }
    p {
      margin: 0;
    }
    .counter {
      font-size: 12vh;
      font-weight: 700;
    }
    .number {
      font-size: 45vh;
      font-weight: 800;
      line-height: 1;
      color: var(--luot-display-number);
      font-variant-numeric: tabular-nums;
      animation: flash 1s ease-in-out 3;
    }
    .state {
      font-size: 16vh;
      font-weight: 700;
      color: var(--luot-display-muted);
    }
    .state-paused {
      color: #ffb74d;
    }
    .error {
      font-size: 6vh;
      color: var(--luot-danger-fg);
      background: var(--luot-danger);
      padding: 2vh 4vw;
    }
    @keyframes flash {
      50% {
        opacity: 0.25;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .number {
        animation: none;
      }
    }
  `;
}

customElements.define('luot-counter-board', LuotCounterBoard);

declare global {
  interface HTMLElementTagNameMap {
    'luot-counter-board': LuotCounterBoard;
  }
}

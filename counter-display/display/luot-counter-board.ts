import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CounterView, Language } from '../../protocol/index.ts';
import { errorText, localized, t } from '../../web-shared/i18n/i18n.ts';
import { LiveCentreController } from '../../web-shared/client/live-centre.controller.ts';
import type { CentreState } from '../../web-shared/client/centre-state.ts';
import '../../web-shared/ui/luot-offline-banner.ts';
import { applyTheme } from './display-theme.ts';

/** The counter this screen stands above: by number (/display/counter/3) or by id (?counter=quay-3). */
function viewOf(state: CentreState | null, counterNumber: number | null, counterId: string): CounterView | null {
  if (!state) return null;
  return state.counters.find((v) => (counterNumber !== null ? v.counter.number === counterNumber : v.counter.id === counterId)) ?? null;
}

/**
 * The small screen above one counter (/display/counter/<n>): "Quầy số N", the services it
 * calls, the number it attends (flashing on each call and recall), the officer's name, and
 * "Tạm dừng" on a break or "Đóng" when closed. Sized for a small, wide screen.
 */
export class LuotCounterBoard extends LitElement {
  static override properties = {
    requestedCentreId: { attribute: false },
    counterId: { attribute: false },
    counterNumber: { attribute: false },
    language: { type: String },
  };
  declare requestedCentreId: string | null;
  declare counterId: string;
  declare counterNumber: number | null;
  declare language: Language;
  private readonly centre = new LiveCentreController(this, () => this.requestedCentreId);
  private theme: Record<string, string> = {};

  constructor() {
    super();
    this.requestedCentreId = null;
    this.counterId = '';
    this.counterNumber = null;
    this.language = 'vi';
  }

  override updated() {
    document.documentElement.lang = this.language;
    this.theme = applyTheme(document.documentElement.style, this.centre.live?.display.theme ?? {}, this.theme);
    this.dataset.status = this.centre.status;
    this.dataset.seq = String(this.centre.live?.seq ?? '');
  }

  override render() {
    const lang = this.language;
    const { live, error, status } = this.centre;
    const view = viewOf(live, this.counterNumber, this.counterId);
    if (error || (live && !view)) {
      return html`<p class="error" role="alert" data-testid="board-error">${errorText(lang, error?.code ?? 'counter.not_found')}</p>`;
    }
    const state = view?.state.status ?? 'closed';
    const current = view?.current ?? null;
    const services = view && live ? view.counter.serviceIds.flatMap((id) => live.services.filter((s) => s.id === id)) : [];
    const officer = live?.display.showOfficerName !== false && state !== 'closed' ? view?.officerName : undefined;
    // Keyed on the call time, so a recall re-creates the number and replays the flash.
    const body =
      state !== 'open'
        ? html`<p class="state state-${state}" data-testid="board-state">${t(lang, `counter.status.${state}`)}</p>`
        : current
          ? keyed(
              `${current.id}@${current.calledAt}`,
              html`<div class="current">
                <p class="label" data-testid="board-label">${t(lang, current.state === 'serving' ? 'display.serving' : 'display.latest')}</p>
                <p class="number" data-testid="board-number">${current.number}</p>
              </div>`,
            )
          : html`<p class="state" data-testid="board-state">${t(lang, 'display.noCall')}</p>`;
    return html`${status === 'offline' ? html`<luot-offline-banner .language=${lang}></luot-offline-banner>` : null}
      <header>
        <p class="counter" data-testid="board-counter">${view ? t(lang, 'counter.label', { n: view.counter.number }) : t(lang, 'app.loading')}</p>
        ${services.length ? html`<p class="services" data-testid="board-services">${services.map((s) => localized(s.name, lang)).join(' · ')}</p>` : null}
      </header>
      <main>${body}</main>
      <footer>${officer ? html`<p class="officer" data-testid="board-officer">${t(lang, 'display.officer', { name: officer })}</p>` : null}</footer>`;
  }

  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: auto 1fr auto;
      height: 100vh;
      width: 100vw;
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
      z-index: 1;
      --luot-banner-font-size: 5vmin;
    }
    p {
      margin: 0;
    }
    header {
      padding: 2vmin 3vmin 1vmin;
      background: var(--luot-header-bg);
      color: var(--luot-header-fg);
    }
    .counter {
      font-size: 13vmin;
      font-weight: 800;
      line-height: 1.1;
    }
    .services {
      font-size: 4.5vmin;
      opacity: 0.9;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    main {
      display: flex;
      align-items: center;
      justify-content: center;
      min-height: 0;
    }
    .label {
      font-size: 6vmin;
      color: var(--luot-display-muted);
    }
    .number {
      font-size: var(--luot-board-number-size, 40vmin);
      font-weight: 800;
      line-height: 1;
      color: var(--luot-display-number);
      font-variant-numeric: tabular-nums;
    }
    .current {
      animation: flash 0.8s ease-in-out 4;
    }
    .state {
      font-size: 16vmin;
      font-weight: 700;
      color: var(--luot-display-muted);
    }
    .state-paused {
      color: var(--luot-display-paused, #ffb74d);
    }
    footer {
      min-height: 4vmin;
      padding: 0 3vmin 2vmin;
    }
    .officer {
      font-size: 6vmin;
      font-weight: 600;
    }
    .error {
      align-self: center;
      grid-row: 1 / -1;
      font-size: 6vmin;
      color: var(--luot-danger-fg);
      background: var(--luot-danger);
      padding: 2vmin 4vmin;
    }
    @keyframes flash {
      50% {
        opacity: 0.25;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .current {
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

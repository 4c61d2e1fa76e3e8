import { LitElement, css, html } from 'lit';
import type { Language } from '../protocol/index.ts';
import { distinctCalls } from '../web-shared/centre-state.ts';
import { errorText, localized, t } from '../web-shared/i18n.ts';
import { LiveCentreController } from '../web-shared/live-centre.controller.ts';
import '../web-shared/luot-clock.ts';
import '../web-shared/luot-offline-banner.ts';
import './luot-call-list.ts';
import './luot-counter-strip.ts';
import './luot-latest-call.ts';

/** Calls listed under the newest one; more would not be readable from across a hall. */
const PREVIOUS_CALLS = 6;

/**
 * The hall TV: the newest call very large (a recall flashes again), the few before it below,
 * and a strip of counters saying which are open, paused or closed — live from `/centre`.
 */
export class LuotHallDisplay extends LitElement {
  static override properties = {
    requestedCentreId: { attribute: false },
    language: { type: String },
  };
  declare requestedCentreId: string | null;
  declare language: Language;
  private readonly centre = new LiveCentreController(this, () => this.requestedCentreId);

  constructor() {
    super();
    this.requestedCentreId = null;
    this.language = 'vi';
  }

  override updated() {
    document.documentElement.lang = this.language;
    // For technicians and the browser tests: is this screen live, and how far has it got?
    this.dataset.status = this.centre.status;
    this.dataset.seq = String(this.centre.live?.seq ?? '');
  }

  override render() {
    const lang = this.language;
    const { live, error, status } = this.centre;
    const centre = live?.centre ?? this.centre.centre;
    const calls = live?.recentCalls ?? [];
    const latest = calls[0] ?? null;
    // Each ticket once: a recalled number must not fill the list twice.
    const previous = distinctCalls(calls.slice(1), latest?.ticketId ?? null).slice(0, PREVIOUS_CALLS);
    return html`<header>
        <h1>${centre ? localized(centre.name, lang) : t(lang, 'app.loading')}</h1>
        ${centre ? html`<luot-clock .timeZone=${centre.timeZone}></luot-clock>` : null}
      </header>
      ${error
        ? html`<p class="error" role="alert" data-testid="display-error">${errorText(lang, error.code)}</p>`
        : status === 'offline'
          ? html`<luot-offline-banner .language=${lang}></luot-offline-banner>`
          : null}
      <luot-latest-call .call=${latest} .language=${lang}></luot-latest-call>
      <luot-call-list .calls=${previous} .language=${lang} .timeZone=${centre?.timeZone ?? 'Asia/Ho_Chi_Minh'}></luot-call-list>
      <luot-counter-strip .counters=${live?.counters ?? []} .language=${lang}></luot-counter-strip>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      overflow: hidden;
      background: var(--luot-display-bg);
      color: var(--luot-display-fg);
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 2vw;
      padding: 1.5vh 3vw;
      background: var(--luot-header-bg);
      color: var(--luot-header-fg);
      --luot-clock-size: 6vh;
    }
    h1 {
      margin: 0;
      font-size: 4vh;
      text-transform: uppercase;
    }
    luot-offline-banner {
      --luot-banner-font-size: 4vh;
    }
    .error {
      margin: 0;
      padding: 1vh 3vw;
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
      font-size: 4vh;
      font-weight: 700;
      text-align: center;
    }
    luot-latest-call {
      flex: 1;
      min-height: 0;
    }
    luot-call-list {
      flex: 0 0 auto;
      max-height: 34vh;
      padding: 0 3vw 1.5vh;
    }
    luot-counter-strip {
      flex: 0 0 auto;
      padding: 0 3vw 1.5vh;
    }
  `;
}

customElements.define('luot-hall-display', LuotHallDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'luot-hall-display': LuotHallDisplay;
  }
}

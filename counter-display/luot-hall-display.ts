import { LitElement, css, html } from 'lit';
import type { Centre, Language } from '../protocol/index.ts';
import { createApi, resolveCentre, toApiError, type Api, type ApiError } from '../web-shared/api.ts';
import { CentreClient, type ConnectionStatus } from '../web-shared/centre-client.ts';
import type { CentreState } from '../web-shared/centre-state.ts';
import { errorText, localized, t } from '../web-shared/i18n.ts';
import '../web-shared/luot-clock.ts';
import '../web-shared/luot-offline-banner.ts';
import './luot-call-list.ts';
import './luot-latest-call.ts';

const RELOAD_MS = 5000;
/** Calls listed under the newest one; more would not be readable from across a hall. */
const PREVIOUS_CALLS = 6;

/** The hall TV: the newest call very large, the few before it below, live from `/centre`. */
export class LuotHallDisplay extends LitElement {
  static override properties = {
    requestedCentreId: { attribute: false },
    language: { type: String },
    api: { attribute: false },
    centre: { state: true },
    live: { state: true },
    status: { state: true },
    error: { state: true },
  };
  declare requestedCentreId: string | null;
  declare language: Language;
  declare api: Api;
  declare centre: Centre | null;
  declare live: CentreState | null;
  declare status: ConnectionStatus;
  declare error: ApiError | null;
  private client: CentreClient | null = null;

  constructor() {
    super();
    this.requestedCentreId = null;
    this.language = 'vi';
    this.api = createApi();
    this.centre = null;
    this.live = null;
    this.status = 'connecting';
    this.error = null;
  }

  override firstUpdated() {
    void this.load();
  }

  override updated() {
    document.documentElement.lang = this.language;
    // For technicians and the browser tests: is this screen live, and how far has it got?
    this.dataset.status = this.status;
    this.dataset.seq = String(this.live?.seq ?? '');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.client?.close();
    this.client = null;
  }

  private async load() {
    try {
      this.centre = await resolveCentre(this.api, this.requestedCentreId);
      this.error = null;
      this.client = new CentreClient({ centreId: this.centre.id });
      this.client.subscribe((c) => {
        this.live = c.state;
        this.status = c.status;
      });
    } catch (error) {
      // A display boots with the PC, possibly before the server: keep trying, say why meanwhile.
      this.error = toApiError(error);
      setTimeout(() => void this.load(), RELOAD_MS);
    }
  }

  override render() {
    const lang = this.language;
    const centre = this.live?.centre ?? this.centre;
    const calls = this.live?.recentCalls ?? [];
    return html`<header>
        <h1>${centre ? localized(centre.name, lang) : t(lang, 'app.loading')}</h1>
        ${centre ? html`<luot-clock .timeZone=${centre.timeZone}></luot-clock>` : null}
      </header>
      ${this.error
        ? html`<p class="error" role="alert" data-testid="display-error">${errorText(lang, this.error.code)}</p>`
        : this.status === 'offline'
          ? html`<luot-offline-banner .language=${lang}></luot-offline-banner>`
          : null}
      <luot-latest-call .call=${calls[0] ?? null} .language=${lang}></luot-latest-call>
      <luot-call-list .calls=${calls.slice(1, 1 + PREVIOUS_CALLS)} .language=${lang}
        .timeZone=${centre?.timeZone ?? 'Asia/Ho_Chi_Minh'}></luot-call-list>`;
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
      max-height: 38vh;
      padding: 0 3vw 2vh;
    }
  `;
}

customElements.define('luot-hall-display', LuotHallDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'luot-hall-display': LuotHallDisplay;
  }
}

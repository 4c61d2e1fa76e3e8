import { LitElement, css, html } from 'lit';
import type { Centre, Language, Service, TicketStatus } from '../protocol/index.ts';
import { createApi, resolveCentre, toApiError, type Api, type ApiError } from '../web-shared/api.ts';
import { errorText, localized, t } from '../web-shared/i18n.ts';
import type { LanguageChangeEvent } from '../web-shared/luot-lang-toggle.ts';
import '../web-shared/luot-lang-toggle.ts';
import type { ServiceSelectEvent } from './luot-service-menu.ts';
import './luot-service-menu.ts';
import './luot-ticket-view.ts';

/** How long to wait before retrying when the server was unreachable at start-up. */
const RELOAD_MS = 5000;

/**
 * The touchscreen kiosk: a menu of services; a tap issues a ticket and shows it until the
 * citizen goes back or `returnSeconds` pass. (Printing "Mời nhận phiếu" comes with issue #3.)
 */
export class LuotKioskApp extends LitElement {
  static override properties = {
    requestedCentreId: { attribute: false },
    language: { type: String },
    returnSeconds: { type: Number },
    api: { attribute: false },
    centre: { state: true },
    services: { state: true },
    issuingServiceId: { state: true },
    issued: { state: true },
    error: { state: true },
  };
  /** `?centre=`; null means the first centre of the deployment. */
  declare requestedCentreId: string | null;
  declare language: Language;
  declare returnSeconds: number;
  declare api: Api;
  declare centre: Centre | null;
  declare services: Service[];
  declare issuingServiceId: string | null;
  declare issued: TicketStatus | null;
  declare error: ApiError | null;
  private errorTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.requestedCentreId = null;
    this.language = 'vi';
    this.returnSeconds = 8;
    this.api = createApi();
    this.centre = null;
    this.services = [];
    this.issuingServiceId = null;
    this.issued = null;
    this.error = null;
  }

  // After the first render rather than on connect: the page sets properties right after creating us.
  override firstUpdated() {
    void this.load();
  }

  override updated() {
    document.documentElement.lang = this.language;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.errorTimer);
  }

  private async load() {
    try {
      this.centre = await resolveCentre(this.api, this.requestedCentreId);
      const services = await this.api.listServices(this.centre.id);
      this.services = [...services].sort((a, b) => a.sortOrder - b.sortOrder);
      this.error = null;
    } catch (error) {
      // An unattended kiosk must come up by itself once the server is reachable.
      this.error = toApiError(error);
      setTimeout(() => void this.load(), RELOAD_MS);
    }
  }

  private async issue(e: ServiceSelectEvent) {
    // Checked synchronously: the disabled attribute only lands on the next render.
    if (this.issuingServiceId || !this.centre) return;
    this.issuingServiceId = e.detail.serviceId;
    this.error = null;
    try {
      this.issued = await this.api.issueTicket(this.centre.id, e.detail.serviceId);
    } catch (error) {
      this.showError(toApiError(error));
    } finally {
      this.issuingServiceId = null;
    }
  }

  private showError(error: ApiError) {
    this.error = error;
    clearTimeout(this.errorTimer);
    this.errorTimer = setTimeout(() => (this.error = null), this.returnSeconds * 1000);
  }

  override render() {
    const lang = this.language;
    const service = this.issued ? (this.services.find((s) => s.id === this.issued?.ticket.serviceId) ?? null) : null;
    return html`<header>
        <h1>${this.centre ? localized(this.centre.name, lang) : t(lang, 'app.loading')}</h1>
        <luot-lang-toggle .language=${lang} @luot-language-change=${(e: LanguageChangeEvent) => (this.language = e.detail.language)}></luot-lang-toggle>
      </header>
      ${this.error ? html`<p class="error" role="alert" data-testid="kiosk-error">${errorText(lang, this.error.code)}</p>` : null}
      <main>
        ${this.issued
          ? html`<luot-ticket-view
              .status=${this.issued}
              .service=${service}
              .centre=${this.centre}
              .language=${lang}
              .returnSeconds=${this.returnSeconds}
              @luot-ticket-done=${() => (this.issued = null)}
            ></luot-ticket-view>`
          : html`<h2>${t(lang, 'kiosk.title')}</h2>
              <p class="hint">${t(lang, 'kiosk.hint')}</p>
              <luot-service-menu
                .services=${this.services}
                .language=${lang}
                .disabled=${this.issuingServiceId !== null}
                .busyServiceId=${this.issuingServiceId}
                @luot-service-select=${this.issue}
              ></luot-service-menu>`}
      </main>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      background: var(--luot-bg);
      color: var(--luot-fg);
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 1rem 2rem;
      background: var(--luot-header-bg);
      color: var(--luot-header-fg);
    }
    h1 {
      margin: 0;
      font-size: clamp(1.5rem, 2.6vw, 2.5rem);
      text-transform: uppercase;
    }
    main {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-height: 0;
      padding: 1.5rem 2rem 2rem;
    }
    h2 {
      margin: 0;
      text-align: center;
      font-size: clamp(2rem, 3.5vw, 3.2rem);
    }
    .hint {
      margin: 0.25rem 0 1.25rem;
      text-align: center;
      font-size: 1.5rem;
      color: var(--luot-muted);
    }
    luot-service-menu,
    luot-ticket-view {
      flex: 1;
      min-height: 0;
    }
    .error {
      margin: 0;
      padding: 1rem 2rem;
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
      font-size: 2rem;
      font-weight: 700;
      text-align: center;
    }
  `;
}

customElements.define('luot-kiosk-app', LuotKioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'luot-kiosk-app': LuotKioskApp;
  }
}

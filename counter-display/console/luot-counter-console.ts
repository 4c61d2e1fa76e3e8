import { LitElement, css, html } from 'lit';
import type { Centre, Counter, Language } from '../../protocol/index.ts';
import { createApi, resolveCentre, toApiError, type Api, type ApiError } from '../../web-shared/client/api.ts';
import { CentreClient, type ConnectionStatus } from '../../web-shared/client/centre-client.ts';
import type { CentreState, LiveFact } from '../../web-shared/client/centre-state.ts';
import { errorText, localized, t } from '../../web-shared/i18n/i18n.ts';
import type { LanguageChangeEvent } from '../../web-shared/ui/luot-lang-toggle.ts';
import '../../web-shared/ui/luot-lang-toggle.ts';
import '../../web-shared/ui/luot-offline-banner.ts';
import type { SessionInfo } from '../../protocol/auth.schemas.ts';
import { gateOf } from '../../web-shared/ui/login-logic.ts';
import type { SignedInEvent } from '../../web-shared/ui/luot-login.ts';
import '../../web-shared/ui/luot-login.ts';
import { counterStorageKey, pickCounter } from './console-logic.ts';
import './luot-counter-desk.ts';
import type { CounterChangeEvent } from './luot-counter-picker.ts';
import './luot-counter-picker.ts';
import './luot-alerts.ts';
import { alertsAtCounter } from './luot-alerts-logic.ts';

const RELOAD_MS = 5000;

/**
 * The officer's console: which counter this PC works for, the live centre state, and the desk
 * (luot-counter-desk.ts) where the officer opens the counter and works the queue.
 */
export class LuotCounterConsole extends LitElement {
  static override properties = {
    requestedCentreId: { attribute: false },
    language: { type: String },
    api: { attribute: false },
    storage: { attribute: false },
    centre: { state: true },
    counters: { state: true },
    counterId: { state: true },
    live: { state: true },
    lastFact: { state: true },
    status: { state: true },
    error: { state: true },
    staffId: { attribute: false },
    session: { state: true },
  };
  declare requestedCentreId: string | null;
  declare language: Language;
  declare api: Api;
  /** Where the chosen counter is remembered (localStorage; null in private modes that forbid it). */
  declare storage: Storage | null;
  declare centre: Centre | null;
  declare counters: Counter[];
  declare counterId: string | null;
  declare live: CentreState | null;
  /** The fact behind the live state's last change (centre-client.ts): the waiting list skips facts of other queues. */
  declare lastFact: LiveFact | null;
  declare status: ConnectionStatus;
  /** Loading the centre failed (the desk shows its own action errors). */
  declare error: ApiError | null;
  /** The logged-in officer (from the session); the desk enables nothing without one. */
  declare staffId: string | null;
  /** Who is logged in; null until asked. Nothing but the login shows until it is an officer's session. */
  declare session: SessionInfo | null;
  private client: CentreClient | null = null;

  constructor() {
    super();
    this.requestedCentreId = null;
    this.language = 'vi';
    this.api = createApi();
    this.storage = null;
    this.centre = null;
    this.counters = [];
    this.counterId = null;
    this.live = null;
    this.lastFact = null;
    this.status = 'connecting';
    this.error = null;
    this.staffId = null;
    this.session = null;
  }

  override firstUpdated() {
    void this.start();
  }

  /** Asks who is logged in; loads the centre for an officer, else the login form shows. */
  private async start() {
    try {
      this.session = await this.api.getSession();
    } catch (error) {
      this.error = toApiError(error);
      setTimeout(() => void this.start(), RELOAD_MS);
      return;
    }
    this.error = null;
    if (this.session.kind === 'staff' && gateOf(this.session) === 'in') {
      this.staffId = this.session.account.staffId;
      void this.load();
    }
  }

  private signedIn(e: SignedInEvent) {
    this.session = e.detail.session;
    this.staffId = e.detail.session.account.staffId;
    void this.load();
  }

  private async logout() {
    await this.api.logout().catch(() => undefined);
    this.signedOut();
  }

  /** Back to the login form: logged out here, or the session ended on the server. */
  private signedOut() {
    this.client?.close();
    this.client = null;
    this.session = { kind: 'anonymous' };
    this.staffId = null;
    this.centre = null;
    this.live = null;
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
      const centre = await resolveCentre(this.api, this.requestedCentreId);
      this.counters = [...(await this.api.listCounters(centre.id))].sort((a, b) => a.number - b.number);
      this.counterId = pickCounter(this.counters, this.storage?.getItem(counterStorageKey(centre.id)) ?? null);
      this.centre = centre;
      this.error = null;
      this.client = new CentreClient({ centreId: centre.id });
      this.client.subscribe((c) => {
        // The session expired or was ended elsewhere (password change, logout): log in again.
        if (c.lastError === 'auth.required') return this.signedOut();
        this.live = c.state;
        this.lastFact = c.lastFact;
        this.status = c.status;
      });
    } catch (error) {
      this.error = toApiError(error);
      if (this.error.code === 'auth.required') return this.signedOut();
      setTimeout(() => void this.load(), RELOAD_MS);
    }
  }

  private chooseCounter(e: CounterChangeEvent) {
    this.counterId = e.detail.counterId;
    if (this.centre) this.storage?.setItem(counterStorageKey(this.centre.id), this.counterId);
  }

  override render() {
    const lang = this.language;
    if (this.session && gateOf(this.session) !== 'in') {
      return html`<luot-login .api=${this.api} .language=${lang} .session=${this.session.kind === 'staff' ? this.session : null}
        @luot-signed-in=${this.signedIn} @luot-language-change=${(e: LanguageChangeEvent) => (this.language = e.detail.language)}></luot-login>`;
    }
    const counter = this.counters.find((c) => c.id === this.counterId) ?? null;
    const account = this.session?.kind === 'staff' ? this.session.account : null;
    return html`<header>
        <h1>${this.centre ? localized(this.centre.name, lang) : t(lang, 'app.loading')}</h1>
        <luot-counter-picker .counters=${this.counters} .value=${this.counterId} .language=${lang}
          @luot-counter-change=${this.chooseCounter}></luot-counter-picker>
        <luot-lang-toggle .language=${lang} @luot-language-change=${(e: LanguageChangeEvent) => (this.language = e.detail.language)}></luot-lang-toggle>
        ${
          account
            ? html`<span class="who" data-testid="signed-in-as">${t(lang, 'login.signedInAs', { name: account.name })}</span>
              <button type="button" class="logout" data-testid="logout" @click=${this.logout}>${t(lang, 'login.logout')}</button>`
            : null
        }
      </header>
      ${this.status === 'offline' ? html`<luot-offline-banner .language=${lang}></luot-offline-banner>` : null}
      ${counter && this.live ? html`<luot-alerts .alerts=${alertsAtCounter(this.live, counter)} .services=${this.live.services} .counters=${this.counters} .timeZone=${this.live.centre.timeZone} .language=${lang}></luot-alerts>` : null}
      ${this.error ? html`<p class="error" role="alert" data-testid="console-load-error">${errorText(lang, this.error.code)}</p>` : null}
      ${
        counter && this.centre
          ? html`<luot-counter-desk .centre=${this.centre} .counter=${counter} .counters=${this.counters} .live=${this.live} .fact=${this.lastFact}
            .staffId=${this.staffId} .api=${this.api} .language=${lang}></luot-counter-desk>`
          : html`<p class="prompt">${this.counters.length || !this.centre ? t(lang, 'console.pickCounter') : t(lang, 'console.noCounters')}</p>`
      }`;
  }

  // One line per rule: the console's layout is simple and this keeps the file short.
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 100vh; background: var(--luot-bg); color: var(--luot-fg); }
    header {
      display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; padding: 0.75rem 1.5rem;
      background: var(--luot-header-bg); color: var(--luot-header-fg);
    }
    h1 { margin: 0; font-size: 1.3rem; flex: 1; }
    luot-counter-desk { flex: 1; }
    .who { font-weight: 600; }
    .logout {
      font: inherit; min-height: 3rem; padding: 0.5em 1em; border-radius: var(--luot-radius);
      border: 2px solid currentColor; background: transparent; color: inherit; cursor: pointer;
    }
    .error, .prompt { margin: 0; padding: 0.9rem 1.5rem; font-size: 1.4rem; font-weight: 700; text-align: center; }
    .error { background: var(--luot-danger); color: var(--luot-danger-fg); }
    .prompt { padding: 4rem 1rem; color: var(--luot-muted); }
  `;
}

customElements.define('luot-counter-console', LuotCounterConsole);

declare global {
  interface HTMLElementTagNameMap {
    'luot-counter-console': LuotCounterConsole;
  }
}

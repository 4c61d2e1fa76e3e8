import { LitElement, css, html } from 'lit';
import type { Centre, Counter, Language, Ticket } from '../protocol/index.ts';
import { createApi, resolveCentre, toApiError, type Api, type ApiError, type CounterAction } from '../web-shared/api.ts';
import { CentreClient, type ConnectionStatus } from '../web-shared/centre-client.ts';
import { currentTicketAt, type CentreState } from '../web-shared/centre-state.ts';
import { errorText, localized, t } from '../web-shared/i18n.ts';
import type { LanguageChangeEvent } from '../web-shared/luot-lang-toggle.ts';
import '../web-shared/luot-lang-toggle.ts';
import '../web-shared/luot-offline-banner.ts';
import { allowedActions, counterStorageKey, pickCounter } from './console-logic.ts';
import type { CounterActionEvent } from './luot-console-actions.ts';
import './luot-console-actions.ts';
import type { CounterChangeEvent } from './luot-counter-picker.ts';
import './luot-counter-picker.ts';
import './luot-current-ticket.ts';
import './luot-waiting-list.ts';

const RELOAD_MS = 5000;

/** The officer's console at one counter: call the next citizen, start and finish service. */
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
    status: { state: true },
    busy: { state: true },
    error: { state: true },
    acted: { state: true },
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
  declare status: ConnectionStatus;
  declare busy: CounterAction | null;
  declare error: ApiError | null;
  /** The answer to our last action, shown until the live state moves past the seq it was given at. */
  declare acted: { counterId: string; ticket: Ticket | null; seq: number } | null;
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
    this.status = 'connecting';
    this.busy = null;
    this.error = null;
    this.acted = null;
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
      const centre = await resolveCentre(this.api, this.requestedCentreId);
      this.counters = [...(await this.api.listCounters(centre.id))].sort((a, b) => a.number - b.number);
      this.counterId = pickCounter(this.counters, this.storage?.getItem(counterStorageKey(centre.id)) ?? null);
      this.centre = centre;
      this.error = null;
      this.client = new CentreClient({ centreId: centre.id });
      this.client.subscribe((c) => {
        if (this.acted && c.state?.seq !== this.acted.seq) this.acted = null;
        this.live = c.state;
        this.status = c.status;
      });
    } catch (error) {
      this.error = toApiError(error);
      setTimeout(() => void this.load(), RELOAD_MS);
    }
  }

  private get current(): Ticket | null {
    if (!this.counterId) return null;
    if (this.acted?.counterId === this.counterId) return this.acted.ticket;
    return currentTicketAt(this.live, this.counterId);
  }

  private chooseCounter(e: CounterChangeEvent) {
    this.counterId = e.detail.counterId;
    this.acted = null;
    this.error = null;
    if (this.centre) this.storage?.setItem(counterStorageKey(this.centre.id), this.counterId);
  }

  private async act(e: CounterActionEvent) {
    const action = e.detail.action;
    const centre = this.centre;
    const counterId = this.counterId;
    if (this.busy || !centre || !counterId) return;
    // Name the ticket we mean: a console showing a stale ticket cannot finish another one.
    const ticketId = action === 'call-next' ? undefined : this.current?.id;
    this.busy = action;
    this.error = null;
    try {
      const { ticket } = await this.api.counterAction(centre.id, counterId, action, ticketId ? { ticketId } : {});
      const atCounter = ticket.state === 'called' || ticket.state === 'serving';
      this.acted = { counterId, ticket: atCounter ? ticket : null, seq: this.live?.seq ?? -1 };
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.busy = null;
    }
  }

  override render() {
    const lang = this.language;
    const counter = this.counters.find((c) => c.id === this.counterId) ?? null;
    const current = this.current;
    // The services this counter calls, in the counter's own order.
    const services = (counter?.serviceIds ?? []).flatMap((id) => this.live?.services.find((s) => s.id === id) ?? []);
    return html`<header>
        <h1>${this.centre ? localized(this.centre.name, lang) : t(lang, 'app.loading')}</h1>
        <luot-counter-picker .counters=${this.counters} .value=${this.counterId} .language=${lang}
          @luot-counter-change=${this.chooseCounter}></luot-counter-picker>
        <luot-lang-toggle .language=${lang} @luot-language-change=${(e: LanguageChangeEvent) => (this.language = e.detail.language)}></luot-lang-toggle>
      </header>
      ${this.status === 'offline' ? html`<luot-offline-banner .language=${lang}></luot-offline-banner>` : null}
      ${this.error ? html`<p class="error" role="alert" data-testid="console-error">${errorText(lang, this.error.code)}</p>` : null}
      ${counter
        ? html`<main>
            <section class="card current">
              <h2>${t(lang, 'console.current')} · ${t(lang, 'counter.label', { n: counter.number })}</h2>
              <luot-current-ticket .ticket=${current} .language=${lang} .timeZone=${this.centre?.timeZone ?? 'Asia/Ho_Chi_Minh'}
                .service=${this.live?.services.find((s) => s.id === current?.serviceId) ?? null}></luot-current-ticket>
              <luot-console-actions .allowed=${allowedActions(current)} .busy=${this.busy !== null} .language=${lang}
                @luot-counter-action=${this.act}></luot-console-actions>
            </section>
            <section class="card">
              <luot-waiting-list .services=${services} .waiting=${this.live?.waiting ?? {}} .language=${lang}></luot-waiting-list>
            </section>
          </main>`
        : html`<p class="prompt">${this.counters.length || !this.centre ? t(lang, 'console.pickCounter') : t(lang, 'console.noCounters')}</p>`}`;
  }

  // One line per rule: the console's layout is simple and this keeps the file short.
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 100vh; background: var(--luot-bg); color: var(--luot-fg); }
    header {
      display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; padding: 0.75rem 1.5rem;
      background: var(--luot-header-bg); color: var(--luot-header-fg);
    }
    h1 { margin: 0; font-size: 1.3rem; flex: 1; }
    main { display: grid; grid-template-columns: 2fr 1fr; gap: 1.5rem; padding: 1.5rem; flex: 1; }
    @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
    .card { background: var(--luot-surface); border-radius: var(--luot-radius); box-shadow: var(--luot-shadow); padding: 1.5rem; }
    .current h2 { margin: 0 0 1rem; font-size: 1.2rem; color: var(--luot-muted); }
    luot-console-actions { margin-top: 1.5rem; }
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

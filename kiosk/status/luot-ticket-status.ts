import { LitElement, css, html } from 'lit';
import type { Language, TicketState } from '../../protocol/index.ts';
import { errorText, localized, t } from '../../web-shared/i18n/i18n.ts';
import type { LanguageChangeEvent } from '../../web-shared/ui/luot-lang-toggle.ts';
import '../../web-shared/ui/luot-lang-toggle.ts';
import '../../web-shared/ui/luot-offline-banner.ts';
import type { ConnectionStatus } from '../../web-shared/client/centre-client.ts';
import { waitText } from '../../web-shared/i18n/queue-text.ts';
import { TicketClient } from '../../web-shared/client/ticket-client.ts';
import { formatIssueTime } from '../../web-shared/i18n/time.ts';
import type { TicketView } from '../../protocol/index.ts';
import { headline, pageTitle, showsQueueFigures } from './status-logic.ts';

/** Refusals that mean the link itself is wrong: say so instead of "reconnecting" forever. */
const BAD_LINK = new Set(['ticket.not_found', 'request.invalid_payload']);

/**
 * The citizen's phone on /t/<ticket id>: the number, where it stands, and — the reason the page
 * exists — "Mời bạn đến quầy số N" the moment it is called, live over `/ticket`.
 */
export class LuotTicketStatus extends LitElement {
  static override properties = {
    ticketId: { attribute: false },
    language: { type: String },
    view: { state: true },
    status: { state: true },
    failure: { state: true },
  };
  /** From the URL path; null when the path is not a ticket link. */
  declare ticketId: string | null;
  declare language: Language;
  declare view: TicketView | null;
  declare status: ConnectionStatus;
  /** A permanent refusal (unknown ticket), as an error code. */
  declare failure: string | null;
  private client: TicketClient | null = null;
  private lastState: TicketState | null = null;

  constructor() {
    super();
    this.ticketId = null;
    this.language = 'vi';
    this.view = null;
    this.status = 'connecting';
    this.failure = null;
  }

  override firstUpdated() {
    if (!this.ticketId) {
      this.failure = 'ticket.not_found';
      return;
    }
    this.client = new TicketClient({ ticketId: this.ticketId });
    this.client.subscribe((c) => {
      this.view = c.view;
      this.status = c.status;
      this.failure = c.lastError && BAD_LINK.has(c.lastError) ? c.lastError : null;
    });
  }

  override updated() {
    document.documentElement.lang = this.language;
    document.title = pageTitle(this.view, this.language);
    this.dataset.status = this.status;
    const state = this.view?.ticket.state ?? null;
    // A buzz when the number is called: the phone is often in a pocket in a noisy hall.
    if (state === 'called' && this.lastState !== null && this.lastState !== 'called') navigator.vibrate?.([300, 150, 300]);
    this.lastState = state;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.client?.close();
    this.client = null;
  }

  override render() {
    const lang = this.language;
    const view = this.view;
    return html`<header>
        <h1>${view ? localized(view.centreName, lang) : t(lang, 'status.title')}</h1>
        <luot-lang-toggle .language=${lang} @luot-language-change=${(e: LanguageChangeEvent) => (this.language = e.detail.language)}></luot-lang-toggle>
      </header>
      ${this.status === 'offline' && !this.failure ? html`<luot-offline-banner .language=${lang}></luot-offline-banner>` : null}
      <main>
        ${
          this.failure
            ? html`<p class="failure" role="alert" data-testid="status-error">${errorText(lang, this.failure)}</p>
                ${BAD_LINK.has(this.failure) ? html`<p class="help" data-testid="status-help">${t(lang, 'status.badLinkHelp')}</p>` : null}`
            : view
              ? this.renderView(view, lang)
              : html`<p class="loading">${t(lang, 'app.loading')}</p>`
        }
      </main>`;
  }

  private renderView(view: TicketView, lang: Language) {
    const h = headline(view, lang);
    const { ticket } = view;
    return html`<section class="ticket">
        <p class="label">${t(lang, 'status.yourNumber')}</p>
        <p class="number" data-testid="status-number">${ticket.number}</p>
        <p class="service" data-testid="status-service">${localized(view.serviceName, lang)}</p>
        ${ticket.priorityGroupId ? html`<p class="priority" data-testid="status-priority">★ ${t(lang, 'priority.mark')}</p>` : null}
      </section>
      <p class="headline tone-${h.tone}" role="status" aria-live="assertive" data-testid="status-headline">${h.text}</p>
      ${
        showsQueueFigures(view)
          ? html`<dl class="figures">
            <div><dt>${t(lang, 'status.peopleAhead')}</dt><dd data-testid="status-ahead">${view.peopleAhead}</dd></div>
            <div><dt>${t(lang, 'status.estimate')}</dt><dd data-testid="status-wait">${waitText(lang, view.estimatedWaitMinutes)}</dd></div>
          </dl>`
          : null
      }
      <p class="meta">${t(lang, 'status.issuedAt', { time: formatIssueTime(ticket.issuedAt, view.timeZone) })}</p>
      <p class="meta">${t(lang, 'status.live')}</p>`;
  }

  // Mobile first: one column, thumb-sized toggle, the number as wide as the phone allows.
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 100vh; background: var(--luot-bg); color: var(--luot-fg); }
    * { box-sizing: border-box; }
    header {
      display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; padding: 0.75rem 1rem;
      background: var(--luot-header-bg); color: var(--luot-header-fg); --luot-toggle-font-size: 0.95rem;
    }
    h1 { margin: 0; font-size: 1rem; line-height: 1.3; }
    main { flex: 1; display: flex; flex-direction: column; gap: 1rem; padding: 1rem; max-width: 34rem; width: 100%; margin: 0 auto; }
    p { margin: 0; }
    .ticket { background: var(--luot-surface); border-radius: var(--luot-radius); box-shadow: var(--luot-shadow); padding: 1rem; text-align: center; }
    .label { color: var(--luot-muted); font-size: 1.1rem; }
    .number {
      font-size: clamp(4rem, 26vw, 8rem); font-weight: 800; line-height: 1.05; color: var(--luot-number-color);
      font-variant-numeric: tabular-nums; letter-spacing: 0.03em;
    }
    .service { font-size: 1.3rem; font-weight: 700; }
    .priority { margin-top: 0.4rem; display: inline-block; padding: 0.2rem 0.8rem; border-radius: 999px; background: var(--luot-priority-bg, #1d4ed8); color: #fff; font-weight: 700; }
    .headline { padding: 1rem; border-radius: var(--luot-radius); text-align: center; font-size: 1.35rem; font-weight: 700; background: var(--luot-surface); }
    .tone-call { background: var(--luot-accent); color: var(--luot-accent-fg); font-size: clamp(1.6rem, 8vw, 2.4rem); animation: pulse 1.2s ease-in-out 5; }
    .tone-serving { background: var(--luot-ok); color: #fff; }
    .tone-ended, .tone-parked { color: var(--luot-muted); }
    .figures { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; margin: 0; }
    .figures div { background: var(--luot-surface); border-radius: var(--luot-radius); padding: 0.75rem; text-align: center; }
    dt { color: var(--luot-muted); font-size: 0.95rem; }
    dd { margin: 0.25rem 0 0; font-size: 1.35rem; font-weight: 800; }
    .meta { text-align: center; color: var(--luot-muted); font-size: 0.95rem; }
    .failure, .loading { padding: 3rem 1rem; text-align: center; font-size: 1.4rem; font-weight: 700; }
    .failure { color: var(--luot-danger); padding-bottom: 0; }
    .help { text-align: center; font-size: 1.1rem; line-height: 1.5; }
    @keyframes pulse { 50% { opacity: 0.6; } }
    @media (prefers-reduced-motion: reduce) { .tone-call { animation: none; } }
  `;
}

customElements.define('luot-ticket-status', LuotTicketStatus);

declare global {
  interface HTMLElementTagNameMap {
    'luot-ticket-status': LuotTicketStatus;
  }
}

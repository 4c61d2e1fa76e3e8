import { LitElement, css, html } from 'lit';
import { pageShellStyles } from '../web-shared/ui/page-shell.styles.ts';
import type { SessionInfo } from '../protocol/auth.schemas.ts';
import type { Centre, Language } from '../protocol/index.ts';
import { createApi, resolveCentre, toApiError, type Api, type ApiError } from '../web-shared/client/api.ts';
import { errorText, localized, t } from '../web-shared/i18n/i18n.ts';
import { gateOf } from '../web-shared/ui/login-logic.ts';
import type { LanguageChangeEvent } from '../web-shared/ui/luot-lang-toggle.ts';
import '../web-shared/ui/luot-lang-toggle.ts';
import type { SignedInEvent } from '../web-shared/ui/luot-login.ts';
import '../web-shared/ui/luot-login.ts';
import './luot-report-live.ts';
import './luot-report-monthly.ts';
import type { RangeChangeEvent } from './luot-report-range.ts';
import './luot-report-ratings.ts';
import './luot-report-tickets.ts';
import './luot-report-times.ts';
import { centreToday, mayReadReports, presetRange, REPORT_TABS, type ReportRange, type ReportTab } from './reports-logic.ts';

/**
 * /reports: the managers' dashboard (issue #6, docs/reports.md). A shell — login gate (managers
 * and admins), header, tabs — around one element per part: today live, ratings, times, the
 * ticket log and the printable monthly report. The period chosen on one tab holds for the others.
 */
export class LuotReportsApp extends LitElement {
  static override properties = {
    language: { type: String },
    tab: { type: String },
    api: { attribute: false },
    session: { state: true },
    centre: { state: true },
    error: { state: true },
    range: { state: true },
  };
  declare language: Language;
  declare tab: ReportTab;
  declare api: Api;
  declare session: SessionInfo | null;
  declare centre: Centre | null;
  declare error: ApiError | null;
  declare range: ReportRange;

  constructor() {
    super();
    this.language = 'vi';
    this.tab = 'live';
    this.api = createApi();
    this.session = null;
    this.centre = null;
    this.error = null;
    this.range = { from: '', to: '' };
  }

  override firstUpdated() {
    void this.start();
  }

  override updated() {
    document.documentElement.lang = this.language;
  }

  private get today(): string {
    return this.centre ? centreToday(new Date(), this.centre.timeZone) : '';
  }

  private async start() {
    try {
      this.session = await this.api.getSession();
      if (gateOf(this.session) === 'in') await this.loadCentre();
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  private async loadCentre() {
    this.centre = await resolveCentre(this.api, null);
    this.range = presetRange('last30', this.today);
  }

  private async signedIn(e: SignedInEvent) {
    this.session = e.detail.session;
    try {
      await this.loadCentre();
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  private async logout() {
    await this.api.logout().catch(() => undefined);
    this.session = { kind: 'anonymous' };
    this.centre = null;
  }

  private show(tab: ReportTab) {
    this.tab = tab;
    const url = new URL(location.href);
    url.searchParams.set('tab', tab);
    history.replaceState(history.state, '', url.pathname + url.search);
  }

  private renderTab() {
    const centre = this.centre!;
    const common = { api: this.api, centreId: centre.id, timeZone: centre.timeZone, language: this.language, range: this.range, today: this.today };
    switch (this.tab) {
      case 'live':
        return html`<luot-report-live .api=${this.api} .centreId=${centre.id} .language=${this.language}></luot-report-live>`;
      case 'ratings':
        return html`<luot-report-ratings .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-ratings>`;
      case 'times':
        return html`<luot-report-times .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-times>`;
      case 'tickets':
        return html`<luot-report-tickets .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-tickets>`;
      case 'monthly':
        return html`<luot-report-monthly .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .today=${common.today}
          .centreName=${localized(centre.name, this.language)}></luot-report-monthly>`;
    }
  }

  override render() {
    const lang = this.language;
    const session = this.session;
    const setLanguage = (e: LanguageChangeEvent) => (this.language = e.detail.language);
    if (session && gateOf(session) !== 'in') {
      return html`<luot-login .api=${this.api} .language=${lang} .session=${session.kind === 'staff' ? session : null}
        @luot-signed-in=${this.signedIn} @luot-language-change=${setLanguage}></luot-login>`;
    }
    const account = session?.kind === 'staff' ? session.account : null;
    return html`<header>
        <h1>${t(lang, 'reports.title')}${this.centre ? html` · ${localized(this.centre.name, lang)}` : null}</h1>
        <luot-lang-toggle .language=${lang} @luot-language-change=${setLanguage}></luot-lang-toggle>
        ${account
          ? html`<span class="who" data-testid="signed-in-as">${t(lang, 'login.signedInAs', { name: account.name })}</span>
              <button type="button" class="logout" data-testid="logout" @click=${this.logout}>${t(lang, 'login.logout')}</button>`
          : null}
      </header>
      ${this.error ? html`<p class="error" role="alert" data-testid="reports-error">${errorText(lang, this.error.code)}</p>` : null}
      ${account && !mayReadReports(account.role)
        ? html`<p class="prompt" data-testid="reports-only">${t(lang, 'reports.onlyManagers')}</p>`
        : this.centre
          ? html`<nav role="tablist">
                ${REPORT_TABS.map((tab) => html`<button type="button" role="tab" aria-selected=${tab === this.tab} class=${tab === this.tab ? 'on' : ''}
                  data-testid=${`tab-${tab}`} @click=${() => this.show(tab)}>${t(lang, `reports.tab.${tab}`)}</button>`)}
              </nav>
              <main @luot-range-change=${(e: RangeChangeEvent) => (this.range = e.detail.range)}>${this.renderTab()}</main>`
          : html`<p class="prompt">${t(lang, 'app.loading')}</p>`}`;
  }

  static override styles = [
    pageShellStyles,
    css`
    *, *::before, *::after { box-sizing: border-box; }
    nav { display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0.75rem 1.5rem 0; max-width: 90rem; width: 100%; margin: 0 auto; }
    nav button {
      font: inherit; font-weight: 600; min-height: 2.75rem; padding: 0 1.1rem; border-radius: var(--luot-radius) var(--luot-radius) 0 0;
      border: 2px solid var(--luot-border); border-bottom: none; background: var(--luot-surface); color: var(--luot-fg); cursor: pointer;
    }
    nav button.on { background: var(--luot-accent); border-color: var(--luot-accent); color: var(--luot-accent-fg); }
    main { padding: 1rem 1.5rem 2rem; max-width: 90rem; width: 100%; margin: 0 auto; }
    @media print {
      :host { background: #fff; }
      header, nav, .error { display: none; }
      main { padding: 0; max-width: none; }
    }
  `,
  ];
}

customElements.define('luot-reports-app', LuotReportsApp);

declare global {
  interface HTMLElementTagNameMap {
    'luot-reports-app': LuotReportsApp;
  }
}

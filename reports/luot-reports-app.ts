import { LitElement, css, html } from 'lit';
import type { Account, Centre, Language } from '../protocol/index.ts';
import { createApi, type Api } from '../web-shared/client/api.ts';
import { localized, t } from '../web-shared/i18n/i18n.ts';
import { pageShellStyles } from '../web-shared/ui/page-shell.styles.ts';
import { StaffGateController } from '../web-shared/ui/staff-gate.controller.ts';
import './luot-report-live.ts';
import './luot-report-monthly.ts';
import './luot-report-province.ts';
import type { RangeChangeEvent } from './luot-report-range.ts';
import './luot-report-ratings.ts';
import './luot-report-tickets.ts';
import './luot-report-times.ts';
import './luot-report-appointments.ts';
import './luot-report-alerts.ts';
import { centreToday, mayReadReports, presetRange, tabFor, tabsFor, type ReportRange, type ReportTab } from './reports-logic.ts';

/**
 * /reports: the managers' dashboard (issue #6, docs/reports.md). A shell — the staff login gate
 * and header (web-shared/ui/staff-gate.controller.ts; managers and admins), tabs — around one
 * element per part: today live, ratings, times, the ticket log and the printable monthly report,
 * and for a province role the centres of the province side by side (issue #13). The period
 * chosen on one tab holds for the others.
 */
export class LuotReportsApp extends LitElement {
  static override properties = {
    language: { type: String },
    tab: { type: String },
    api: { attribute: false },
    range: { state: true },
  };
  declare language: Language;
  declare tab: ReportTab;
  declare api: Api;
  declare range: ReportRange;
  // Each sign-in loads the centre again: the period starts as its last 30 days.
  private readonly staff = new StaffGateController(this, (centre) => (this.range = presetRange('last30', this.todayAt(centre))));

  constructor() {
    super();
    this.language = 'vi';
    this.tab = 'live';
    this.api = createApi();
    this.range = { from: '', to: '' };
  }

  private todayAt(centre: Centre): string {
    return centreToday(new Date(), centre.timeZone);
  }

  private show(tab: ReportTab) {
    this.tab = tab;
    const url = new URL(location.href);
    url.searchParams.set('tab', tab);
    history.replaceState(history.state, '', url.pathname + url.search);
  }

  private renderTab(centre: Centre, tab: ReportTab) {
    const common = { api: this.api, centreId: centre.id, timeZone: centre.timeZone, language: this.language, range: this.range, today: this.todayAt(centre) };
    switch (tab) {
      case 'live':
        return html`<luot-report-live .api=${this.api} .centreId=${centre.id} .language=${this.language}></luot-report-live>`;
      case 'ratings':
        return html`<luot-report-ratings .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-ratings>`;
      case 'times':
        return html`<luot-report-times .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-times>`;
      case 'tickets':
        return html`<luot-report-tickets .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-tickets>`;
      case 'appointments':
        return html`<luot-report-appointments .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-appointments>`;
      case 'alerts':
        return html`<luot-report-alerts .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-alerts>`;
      case 'monthly':
        return html`<luot-report-monthly .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .today=${common.today}
          .centreName=${localized(centre.name, this.language)}></luot-report-monthly>`;
      case 'province':
        return html`<luot-report-province .api=${common.api} .centreId=${common.centreId} .timeZone=${common.timeZone} .language=${common.language} .range=${common.range} .today=${common.today}></luot-report-province>`;
    }
  }

  private renderPage(centre: Centre, account: Account | null) {
    const lang = this.language;
    // ?tab=province from a centre's manager shows the live view: the tab is the province roles'.
    const current = tabFor(this.tab, account?.role);
    return html`<nav role="tablist">
        ${tabsFor(account?.role).map(
          (tab) => html`<button type="button" role="tab" aria-selected=${tab === current} class=${tab === current ? 'on' : ''}
            data-testid=${`tab-${tab}`} @click=${() => this.show(tab)}>${t(lang, `reports.tab.${tab}`)}</button>`,
        )}
      </nav>
      <main @luot-range-change=${(e: RangeChangeEvent) => (this.range = e.detail.range)}>${this.renderTab(centre, current)}</main>`;
  }

  override render() {
    const lang = this.language;
    return this.staff.render({
      title: t(lang, 'reports.title'),
      errorTestId: 'reports-error',
      admits: mayReadReports,
      denied: { testId: 'reports-only', text: t(lang, 'reports.onlyManagers') },
      content: (centre, account) => this.renderPage(centre, account),
    });
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

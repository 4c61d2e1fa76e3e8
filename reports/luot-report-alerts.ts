import { html } from 'lit';
import type { AlertReport } from '../protocol/alerts.schemas.ts';
import { errorText, t } from '../web-shared/i18n/i18n.ts';
import './luot-report-range.ts';
import './luot-report-table.ts';
import { ReportSection } from './report-section.ts';
import { reportStyles } from './report.styles.ts';
import { alertTable } from './alert-table.ts';

/**
 * SLA alerts over a period (issue #14, docs/alerts.md): how often each kind of alert was raised per
 * service or counter, and how long it lasted in total and its peak (the live view shows the open ones).
 */
export class LuotReportAlerts extends ReportSection {
  static override properties = { report: { state: true } };
  declare report: AlertReport | null;

  constructor() {
    super();
    this.report = null;
  }

  protected override async load(current: () => boolean) {
    const report = await this.api.getReport(this.centreId, 'alerts', { from: this.range.from, to: this.range.to });
    if (current()) this.report = report;
  }

  override render() {
    const lang = this.language;
    const r = this.report;
    const table = alertTable(r?.rows ?? [], lang);
    return html`<section>
      <h2>${t(lang, 'reports.tab.alerts')}</h2>
      <luot-report-range .range=${this.range} .today=${this.today} .language=${lang}></luot-report-range>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${this.loading && !r ? html`<p class="muted">${t(lang, 'app.loading')}</p>` : null}
      ${
        r
          ? r.rows.length === 0
            ? html`<p class="muted" data-testid="alerts-report-none">${t(lang, 'alerts.report.noneInRange')}</p>`
            : html`<luot-report-table data-testid="alerts-report" .columns=${table.columns} .rows=${table.rows}></luot-report-table>`
          : null
      }
    </section>`;
  }

  static override styles = reportStyles;
}

customElements.define('luot-report-alerts', LuotReportAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-alerts': LuotReportAlerts;
  }
}

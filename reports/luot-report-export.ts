import { LitElement, css, html } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import { t } from '../web-shared/i18n/i18n.ts';
import { exportHref } from './reports-logic.ts';

/**
 * The download links of one report table: CSV (UTF-8 with BOM, for any program) and XLSX (for
 * Excel). `path` is the report's path under /api with its query; the export adds the format and
 * the language of the headers. Plain links: the browser downloads what the server names.
 */
export class LuotReportExport extends LitElement {
  static override properties = { path: { type: String }, language: { type: String }, name: { type: String } };
  declare path: string;
  declare language: Language;
  /** Names the table in the test ids: export-<name>-csv. */
  declare name: string;

  constructor() {
    super();
    this.path = '';
    this.language = 'vi';
    this.name = 'table';
  }

  private href(format: 'csv' | 'xlsx') {
    const sep = this.path.includes('?') ? '&' : '?';
    return exportHref(`${this.path}${sep}format=${format}&lang=${this.language}`);
  }

  override render() {
    const lang = this.language;
    return html`<span class="label">${t(lang, 'reports.export')}</span>
      <a href=${this.href('csv')} download data-testid=${`export-${this.name}-csv`}>CSV</a>
      <a href=${this.href('xlsx')} download data-testid=${`export-${this.name}-xlsx`}>Excel (XLSX)</a>`;
  }

  static override styles = css`
    :host { display: inline-flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
    .label { color: var(--luot-muted); }
    a {
      font-weight: 700; text-decoration: none; padding: 0.35rem 0.8rem; border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent); color: var(--luot-accent);
    }
    a:hover { background: var(--luot-accent); color: var(--luot-accent-fg); }
    @media print { :host { display: none; } }
  `;
}

customElements.define('luot-report-export', LuotReportExport);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-export': LuotReportExport;
  }
}

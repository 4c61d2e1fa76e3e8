import { LitElement, css, html } from 'lit';

export interface TableColumn {
  label: string;
  /** Numbers line up on the right. */
  numeric?: boolean;
}

export interface TableRow {
  /** The group key (service id, counter id, day…), set as data-key for tests and links. */
  key: string;
  cells: string[];
}

/**
 * A report table: formatted cells in, nothing out. Wide tables scroll sideways on screen and
 * wrap on paper; the totals row is bold.
 */
export class LuotReportTable extends LitElement {
  static override properties = {
    columns: { attribute: false },
    rows: { attribute: false },
    footer: { attribute: false },
    caption: { type: String },
  };
  declare columns: TableColumn[];
  declare rows: TableRow[];
  declare footer: string[] | null;
  declare caption: string;

  constructor() {
    super();
    this.columns = [];
    this.rows = [];
    this.footer = null;
    this.caption = '';
  }

  override render() {
    const cls = (i: number) => (this.columns[i]?.numeric ? 'num' : '');
    return html`<div class="scroll"><table>
      ${this.caption ? html`<caption>${this.caption}</caption>` : null}
      <thead><tr>${this.columns.map((c, i) => html`<th class=${cls(i)} scope="col">${c.label}</th>`)}</tr></thead>
      <tbody>
        ${this.rows.map((r) => html`<tr data-testid="report-row" data-key=${r.key}>${r.cells.map((c, i) => html`<td class=${cls(i)}>${c}</td>`)}</tr>`)}
      </tbody>
      ${this.footer ? html`<tfoot><tr data-testid="report-total">${this.footer.map((c, i) => html`<td class=${cls(i)}>${c}</td>`)}</tr></tfoot>` : null}
    </table></div>`;
  }

  static override styles = css`
    :host { display: block; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 700; padding: 0.4rem 0; }
    th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--luot-border); text-align: left; vertical-align: top; }
    th { font-size: 0.9rem; color: var(--luot-muted); font-weight: 600; }
    .num { text-align: right; white-space: nowrap; }
    th:first-child, td:first-child { min-width: 11rem; }
    tfoot td { font-weight: 700; border-top: 2px solid var(--luot-fg); }
    @media print {
      .scroll { overflow: visible; }
      th, td { padding: 0.15rem 0.3rem; font-size: 9pt; }
    }
  `;
}

customElements.define('luot-report-table', LuotReportTable);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-table': LuotReportTable;
  }
}

import { LitElement, css, html } from 'lit';

export interface TableColumn {
  label: string;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** Makes the header a button that fires `luot-sort` with this key (the province ranking). */
  sortKey?: string;
}

export type SortEvent = CustomEvent<{ key: string }>;

export interface TableRow {
  /** The group key (service id, counter id, day…), set as data-key for tests and links. */
  key: string;
  cells: string[];
  /** With `openable`: what opening the row does, as a tooltip. */
  label?: string;
}

export type OpenRowEvent = CustomEvent<{ key: string }>;

/**
 * A report table: formatted cells in; a header with a `sortKey` is a button that fires
 * `luot-sort`, and `sort` / `order` mark the column ranked by. Wide tables scroll sideways on
 * screen and wrap on paper; the totals row is bold.
 * With `openable`, each row is focusable and opens on click or Enter (the ticket log's history).
 * @fires luot-sort - a sortable header was clicked: `{ key }`
 * @fires luot-open-row - an openable row was clicked or Enter pressed on it: `{ key }`
 */
export class LuotReportTable extends LitElement {
  static override properties = {
    columns: { attribute: false },
    rows: { attribute: false },
    footer: { attribute: false },
    caption: { type: String },
    sort: { type: String },
    order: { type: String },
    openable: { type: Boolean },
  };
  declare columns: TableColumn[];
  declare rows: TableRow[];
  declare footer: string[] | null;
  declare caption: string;
  /** The sortKey ranked by, and its direction, shown as aria-sort and an arrow. */
  declare sort: string;
  declare order: 'asc' | 'desc';
  declare openable: boolean;

  constructor() {
    super();
    this.columns = [];
    this.rows = [];
    this.footer = null;
    this.caption = '';
    this.sort = '';
    this.order = 'asc';
    this.openable = false;
  }

  private open(key: string) {
    this.dispatchEvent(new CustomEvent('luot-open-row', { detail: { key }, bubbles: true, composed: true }));
  }

  private row(r: TableRow, cls: (i: number) => string) {
    const cells = r.cells.map((c, i) => html`<td class=${cls(i)}>${c}</td>`);
    if (!this.openable) return html`<tr data-testid="report-row" data-key=${r.key}>${cells}</tr>`;
    const keydown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      this.open(r.key);
    };
    return html`<tr data-testid="report-row" data-key=${r.key} class="open" tabindex="0" title=${r.label ?? ''} @click=${() => this.open(r.key)} @keydown=${keydown}>${cells}</tr>`;
  }

  private header(c: TableColumn, cls: string) {
    if (!c.sortKey) return html`<th class=${cls} scope="col">${c.label}</th>`;
    const on = c.sortKey === this.sort;
    const key = c.sortKey;
    const fire = () => this.dispatchEvent(new CustomEvent('luot-sort', { detail: { key }, bubbles: true, composed: true }));
    return html`<th class=${cls} scope="col" aria-sort=${on ? (this.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class=${on ? 'sort on' : 'sort'} data-testid=${`sort-${key}`} @click=${fire}>${c.label}<span aria-hidden="true">${
        on ? (this.order === 'asc' ? ' ▲' : ' ▼') : ''
      }</span></button></th>`;
  }

  override render() {
    const cls = (i: number) => (this.columns[i]?.numeric ? 'num' : '');
    return html`<div class="scroll"><table>
      ${this.caption ? html`<caption>${this.caption}</caption>` : null}
      <thead><tr>${this.columns.map((c, i) => this.header(c, cls(i)))}</tr></thead>
      <tbody>
        ${this.rows.map((r) => this.row(r, cls))}
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
    button.sort {
      font: inherit; color: inherit; font-weight: 600; background: none; border: none; padding: 0; cursor: pointer;
      text-align: inherit; text-decoration: underline dotted;
    }
    button.sort.on { color: var(--luot-fg); text-decoration: none; }
    tfoot td { font-weight: 700; border-top: 2px solid var(--luot-fg); }
    tr.open { cursor: pointer; }
    tr.open:hover { background: var(--luot-surface-alt, rgba(0, 0, 0, 0.04)); }
    tr.open:focus-visible { outline: 3px solid var(--luot-accent); outline-offset: -3px; }
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
  interface HTMLElementEventMap {
    'luot-sort': SortEvent;
    'luot-open-row': OpenRowEvent;
  }
}

import { LitElement, css, html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { pageOf, rowsPerPage } from './list-pages.ts';

/**
 * One row of a ticket list: a number (a ticket's, or a service's mark), what it is about, then
 * a figure (a count, a time) or a button. The screens build rows in plain modules, tested in
 * node: counter-display/display/display-lists.ts and counter-display/console/console-lists.ts.
 */
export interface TicketListRow {
  /** Unique in the list: keeps each row's DOM across updates; sent back with an action. */
  key: string;
  /** The row's data-testid (the e2e tests find rows by it). */
  testId?: string;
  /** Set as data-service-id / data-ticket-id: what the row stands for, for selectors. */
  serviceId?: string;
  ticketId?: string;
  /** The bold figure first; absent for a row that is a name only. */
  number?: string;
  label: string;
  /** At the end: a count (bold) or a time (small, muted). */
  figure?: { kind: 'count' | 'time'; text: string; testId?: string };
  /** A button at the end; pressing it fires `luot-row-action`. */
  action?: { name: string; label: string; disabled: boolean };
}

export type RowActionEvent = CustomEvent<{ action: string; key: string }>;

/**
 * A titled list of ticket rows: the hall display's previous calls and queues, the console's
 * waiting counts and parked tickets. Two looks: `display` (the dark hall screen, sized in vmin,
 * rows as tiles in `--luot-list-columns` columns of `--luot-list-size` text) and `desk` (the
 * officer's console, ruled rows). Content put inside goes under the list (the waiting total).
 *
 * @fires luot-row-action — a row's button was pressed: `{ action, key }`
 */
export class LuotTicketList extends LitElement {
  static override properties = {
    heading: { type: String },
    rows: { attribute: false },
    empty: { type: String },
    ordered: { type: Boolean },
    look: { type: String, reflect: true },
    paged: { type: Boolean, reflect: true },
    pageSeconds: { type: Number },
    perPage: { state: true },
    page: { state: true },
  };
  declare heading: string;
  declare rows: readonly TicketListRow[];
  /** Shown instead of the list when there are no rows; with none, the empty list stays. */
  declare empty: string | null;
  /** An <ol>: the order is the point (newest call first). */
  declare ordered: boolean;
  declare look: 'display' | 'desk';
  /**
   * Rows that do not fit are shown a page at a time, turning every `pageSeconds` (the hall
   * display's queues, issue #15), with "1/2" beside the heading.
   */
  declare paged: boolean;
  declare pageSeconds: number;
  /** Measured rows per page; null: not measured yet (everything is rendered to measure it). */
  declare private perPage: number | null;
  declare private page: number;
  private measuredKeys = '';
  private turner: ReturnType<typeof setInterval> | undefined;
  // The window, not the element: a page of fewer rows may shrink an element sized by its content
  // (portrait), and measuring again on that would loop.
  private readonly resized = () => {
    this.perPage = null;
  };

  constructor() {
    super();
    this.heading = '';
    this.rows = [];
    this.empty = null;
    this.ordered = false;
    this.look = 'desk';
    this.paged = false;
    this.pageSeconds = 8;
    this.perPage = null;
    this.page = 0;
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('resize', this.resized);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.resized);
    clearInterval(this.turner);
    this.turner = undefined;
  }

  override willUpdate() {
    // Other rows (a service added, another language's names): measure again.
    const keys = this.rows.map((r) => `${r.key}:${r.label}`).join('|');
    if (keys !== this.measuredKeys) {
      this.measuredKeys = keys;
      this.perPage = null;
    }
  }

  override updated() {
    if (!this.paged) return;
    if (this.perPage === null) {
      // Every row is rendered now: measure them, then render a page.
      const list = this.renderRoot.querySelector<HTMLElement>('ol, ul');
      if (!list) return;
      const items = [...list.querySelectorAll<HTMLElement>(':scope > li')];
      const style = getComputedStyle(list);
      this.perPage = rowsPerPage({
        available: list.clientHeight,
        rowHeights: items.map((li) => li.offsetHeight),
        gap: parseFloat(style.rowGap) || 0,
        columns: style.gridTemplateColumns.split(' ').filter(Boolean).length,
      });
    }
    const { pages } = pageOf(this.rows, this.perPage, this.page);
    if (pages > 1 && this.turner === undefined) {
      this.turner = setInterval(() => (this.page += 1), Math.max(1, this.pageSeconds) * 1000);
    } else if (pages <= 1 && this.turner !== undefined) {
      clearInterval(this.turner);
      this.turner = undefined;
      this.page = 0;
    }
  }

  override render() {
    const shown = this.paged && this.perPage !== null ? pageOf(this.rows, this.perPage, this.page) : { rows: this.rows, page: 0, pages: 1 };
    const items = repeat(
      shown.rows,
      (row) => row.key,
      (row) => this.renderRow(row),
    );
    const list =
      this.rows.length === 0 && this.empty !== null
        ? html`<p class="none">${this.empty}</p>`
        : this.ordered
          ? html`<ol>${items}</ol>`
          : html`<ul>${items}</ul>`;
    const pageMark = shown.pages > 1 ? html` <span class="page" data-testid="list-page">${shown.page + 1}/${shown.pages}</span>` : null;
    return html`<h2>${this.heading}${pageMark}</h2>
      ${list}
      <slot></slot>`;
  }

  private renderRow(row: TicketListRow) {
    const { figure, action } = row;
    return html`<li data-testid=${ifDefined(row.testId)} data-service-id=${ifDefined(row.serviceId)} data-ticket-id=${ifDefined(row.ticketId)}>
      ${row.number === undefined ? null : html`<span class="number">${row.number}</span>`}
      <span class="label">${row.label}</span>
      ${figure ? html`<span class=${figure.kind} data-testid=${ifDefined(figure.testId)}>${figure.text}</span>` : null}
      ${
        action
          ? html`<button type="button" data-action=${action.name} ?disabled=${action.disabled}
            @click=${() => this.fireAction(action.name, row.key)}>${action.label}</button>`
          : null
      }
    </li>`;
  }

  private fireAction(action: string, key: string) {
    this.dispatchEvent(new CustomEvent('luot-row-action', { detail: { action, key }, bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.2rem;
      color: var(--luot-muted);
    }
    ol,
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.55rem 0;
      border-bottom: 1px solid var(--luot-border);
      font-size: var(--luot-list-size, 1.25rem);
    }
    .number,
    .count {
      font-weight: 800;
      font-variant-numeric: tabular-nums;
    }
    .number {
      font-size: 1.15em;
    }
    .label {
      flex: 1;
    }
    /* Beside a ticket's number, where it was (service, counter) is secondary. */
    .number ~ .label {
      color: var(--luot-muted);
      font-size: 0.8em;
    }
    .count {
      min-width: 2.5ch;
      text-align: right;
    }
    .time {
      font-size: 0.55em;
      font-variant-numeric: tabular-nums;
    }
    button {
      font: inherit;
      font-size: 0.8em;
      font-weight: 700;
      min-height: 2.75rem;
      padding: 0 1rem;
      border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent);
      background: var(--luot-surface);
      color: var(--luot-accent);
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.35;
      cursor: not-allowed;
    }
    .none {
      color: var(--luot-muted);
      margin: 0;
    }

    /* The hall display: read from across the room, rows as tiles in columns. */
    :host([look='display']) {
      display: flex;
      flex-direction: column;
      min-height: 0;
      overflow: hidden;
    }
    :host([look='display']) h2 {
      margin: 0 0 1vmin;
      font-size: 3vmin;
      font-weight: 600;
      color: var(--luot-display-muted);
    }
    :host([look='display']) ol,
    :host([look='display']) ul {
      display: grid;
      grid-template-columns: repeat(var(--luot-list-columns, 1), 1fr);
      align-content: start;
      gap: 0.8vmin 2vmin;
      min-height: 0;
      overflow: hidden;
    }
    :host([look='display']) li {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: baseline;
      gap: 1.6vmin;
      padding: 0.7vmin 1.5vmin;
      border: none;
      border-radius: var(--luot-radius);
      background: var(--luot-display-row);
      font-size: var(--luot-list-size, 3vmin);
      white-space: nowrap;
    }
    :host([look='display']) .number {
      min-width: 2.2em;
      font-size: 1em;
      color: var(--luot-display-number);
    }
    :host([look='display']) .label {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    /* A paged list has room for whole names: up to two lines, never cut mid-word (issue #15). */
    :host([look='display'][paged]) ol,
    :host([look='display'][paged]) ul {
      flex: 1 1 auto;
    }
    :host([look='display'][paged]) li {
      align-items: center;
      white-space: normal;
    }
    /* Service marks (A, QB) are short: give the width to the name. */
    :host([look='display'][paged]) .number {
      min-width: 1.2em;
    }
    :host([look='display'][paged]) .label {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-height: 1.15;
      overflow-wrap: anywhere;
    }
    :host([look='display']) h2 .page {
      margin-left: 1vmin;
      font-weight: 400;
    }
    :host([look='display']) .number ~ .label {
      color: inherit;
      font-size: 1em;
    }
    :host([look='display']) .count {
      font-size: 1.33em;
    }
    :host([look='display']) .time {
      color: var(--luot-display-muted);
    }
  `;
}

customElements.define('luot-ticket-list', LuotTicketList);

declare global {
  interface HTMLElementTagNameMap {
    'luot-ticket-list': LuotTicketList;
  }
  interface HTMLElementEventMap {
    'luot-row-action': RowActionEvent;
  }
}

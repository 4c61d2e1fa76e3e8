import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CounterWaiting, Language } from '../../protocol/index.ts';
import type { Api } from '../../web-shared/client/api.ts';
import type { CentreState, LiveFact } from '../../web-shared/client/centre-state.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import {
  RefreshScheduler,
  RETRY_MS,
  TICK_MS,
  WAITING_LIMIT,
  answerFits,
  factConcernsList,
  waitingListView,
  type WaitingRowView,
} from './waiting-list-logic.ts';

/**
 * Which numbers wait for this counter, in the order it would call them (issue #15; the server
 * works the order out with the calling policy: GET …/counters/{id}/waiting). The first row is
 * what "Gọi số tiếp theo" calls now. Asked again after every live fact (a new `live` state: a
 * ticket issued, called or updated, a counter updated, the snapshot after a reconnect), debounced,
 * one request at a time (waiting-list-logic.ts RefreshScheduler), and every minute (waits grow).
 * A long list scrolls inside itself; what is beyond the limit is counted ("và 12 số khác").
 */
export class LuotWaitingList extends LitElement {
  static override properties = {
    api: { attribute: false },
    centreId: { type: String },
    counterId: { type: String },
    live: { attribute: false },
    fact: { attribute: false },
    language: { type: String },
    timeZone: { type: String },
    data: { state: true },
    failed: { state: true },
  };
  declare api: Api;
  declare centreId: string | null;
  declare counterId: string | null;
  /** The console's live centre state: only watched (each new state may change the queue) and read for service names. */
  declare live: CentreState | null;
  /** The fact behind the live state's last change; null: a snapshot. */
  declare fact: LiveFact | null;
  declare language: Language;
  declare timeZone: string;
  declare data: CounterWaiting | null;
  /** The last request failed: the list shown (if any) may be behind. */
  declare failed: boolean;
  private readonly scheduler = new RefreshScheduler(() => this.load());
  private tick: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.centreId = null;
    this.counterId = null;
    this.live = null;
    this.fact = null;
    this.language = 'vi';
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.data = null;
    this.failed = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.tick = setInterval(() => this.scheduler.poke(0), TICK_MS);
    if (this.hasUpdated) this.scheduler.poke(0);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.tick);
    clearTimeout(this.retry);
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('counterId') || changed.has('centreId')) {
      // Another counter: its list, not the last one's, and at once.
      if (changed.get('counterId') !== undefined || changed.get('centreId') !== undefined) this.data = null;
      this.scheduler.poke(0);
    } else if (changed.has('live') && this.live) {
      const counter = this.live.counters.find((v) => v.counter.id === this.counterId)?.counter ?? null;
      const listed = this.data?.items.map((i) => i.ticketId) ?? [];
      if (factConcernsList(this.fact, counter, listed)) this.scheduler.poke();
    }
  }

  private async load(): Promise<void> {
    const { centreId, counterId } = this;
    if (!centreId || !counterId || !this.isConnected) return;
    clearTimeout(this.retry);
    try {
      const data = await this.api.counterWaiting(centreId, counterId, WAITING_LIMIT);
      if (!answerFits(data, this.counterId) || centreId !== this.centreId) return;
      this.data = data;
      this.failed = false;
    } catch {
      this.failed = true;
      this.retry = setTimeout(() => this.scheduler.poke(0), RETRY_MS);
    }
  }

  override render() {
    const lang = this.language;
    const services = this.live?.services ?? [];
    const view = waitingListView(this.data, lang, this.timeZone, { serviceName: (id) => services.find((s) => s.id === id)?.name ?? null });
    return html`<div class="head">
        <h2 id="waiting-title">${t(lang, 'waiting.title')}</h2>
        ${this.data ? html`<span class="total" data-testid="waiting-list-total">${t(lang, 'waiting.total', { n: view.total })}</span>` : null}
      </div>
      ${this.failed ? html`<p class="failed" role="status" data-testid="waiting-list-failed">${t(lang, 'waiting.failed')}</p>` : null}
      ${
        !this.data
          ? this.failed
            ? null
            : html`<p class="quiet">${t(lang, 'waiting.loading')}</p>`
          : view.rows.length === 0
            ? html`<p class="quiet" data-testid="waiting-list-none">${t(lang, 'waiting.none')}</p>`
            : html`<ol class="rows" aria-labelledby="waiting-title" data-testid="waiting-list">
                ${repeat(
                  view.rows,
                  (r) => r.key,
                  (r) => this.renderRow(r),
                )}
              </ol>`
      }
      ${view.more > 0 ? html`<p class="more" data-testid="waiting-more">${t(lang, 'waiting.more', { n: view.more })}</p>` : null}
      ${view.rows.length > 1 ? html`<p class="note">${t(lang, 'waiting.note')}</p>` : null}`;
  }

  private renderRow(r: WaitingRowView) {
    return html`<li class=${r.next ? 'row next' : 'row'} data-testid="waiting-item" data-ticket-id=${r.key} data-next=${r.next ? 'true' : 'false'}>
      <span class="number" data-testid="waiting-number">${r.number}</span>
      <span class="service">${r.service}</span>
      <span class="waited">${r.waited}</span>
      ${r.next ? html`<span class="next-label" data-testid="waiting-next">${t(this.language, 'waiting.next')}</span>` : null}
      ${
        r.marks.length
          ? html`<span class="marks">${r.marks.map(
              (m) => html`<span class="mark mark-${m.kind}" data-mark=${m.kind}><span class="icon" aria-hidden="true">${m.icon}</span>${m.text}</span>`,
            )}</span>`
          : null
      }
    </li>`;
  }

  // One line per rule: the layout is simple and this keeps the file short.
  static override styles = css`
    :host { display: flex; flex-direction: column; gap: 0.5rem; min-height: 0; }
    .head { display: flex; align-items: baseline; justify-content: space-between; gap: 0.75rem; }
    h2 { margin: 0; font-size: 1.15rem; }
    .total { font-weight: 700; white-space: nowrap; }
    p { margin: 0; }
    .quiet { color: var(--luot-muted); padding: 0.5rem 0; }
    .failed { color: var(--luot-danger); font-weight: 700; }
    .note { color: var(--luot-muted); font-size: 0.85rem; }
    .more { font-weight: 700; }
    .rows { list-style: none; margin: 0; padding: 0; max-height: var(--luot-waiting-list-height, 15rem); overflow-y: auto; overscroll-behavior: contain; }
    .row { display: grid; grid-template-columns: auto 1fr auto; align-items: baseline; column-gap: 0.6rem; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--luot-border, #d0d5dd); border-left: 4px solid transparent; }
    .row.next { background: var(--luot-next-bg, #fdf0ef); border-left-color: var(--luot-accent); }
    .number { font-size: 1.35rem; font-weight: 800; font-variant-numeric: tabular-nums; color: var(--luot-number-color); }
    .service { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--luot-muted); }
    .waited { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .next-label { grid-column: 1 / -1; font-size: 0.8rem; font-weight: 800; text-transform: uppercase; letter-spacing: 0.04em; color: var(--luot-accent); }
    .marks { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.25rem 0.4rem; }
    .mark { display: inline-flex; align-items: center; gap: 0.25rem; padding: 0.05rem 0.55rem; border-radius: 999px; font-size: 0.85rem; font-weight: 700; border: 1px solid currentColor; }
    .mark-priority { background: var(--luot-priority-bg); color: var(--luot-priority-fg); border-color: var(--luot-priority-bg); }
    .mark-overdue { color: var(--luot-danger); }
    .icon { font-family: 'DejaVu Sans', sans-serif; }
  `;
}

customElements.define('luot-waiting-list', LuotWaitingList);

declare global {
  interface HTMLElementTagNameMap {
    'luot-waiting-list': LuotWaitingList;
  }
}

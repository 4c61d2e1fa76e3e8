import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Centre, Counter, Language, Ticket } from '../../protocol/index.ts';
import { toApiError, type Api, type ApiError, type CounterAction, type CounterCommand } from '../../web-shared/client/api.ts';
import { counterViewOf, type CentreState, type LiveFact } from '../../web-shared/client/centre-state.ts';
import { errorText, t } from '../../web-shared/i18n/i18n.ts';
import { priorityText } from '../../web-shared/i18n/queue-text.ts';
import '../../web-shared/ui/luot-ticket-list.ts';
import type { RowActionEvent } from '../../web-shared/ui/luot-ticket-list.ts';
import { sendAction, type ConsoleActionEvent } from './console-events.ts';
import { grantBody, parkedForCounter } from './console-forms.ts';
import { parkedRows, waitingRows, waitingTotal } from './console-lists.ts';
import {
  actionBody,
  allowedActions,
  atCounter,
  counterNotice,
  effectiveView,
  heldElsewhere,
  holdsCounter,
  isLastRecall,
  outcomeKey,
  type Acted,
  type ConsoleAction,
  type ConsoleFacts,
} from './console-logic.ts';
import './luot-call-number-form.ts';
import './luot-console-actions.ts';
import './luot-counter-controls.ts';
import './luot-current-ticket.ts';
import './luot-grant-priority-form.ts';
import './luot-print-problems.ts';
import './luot-transfer-form.ts';
import './luot-dossier-handover.ts';
import './luot-waiting-list.ts';

const COMMANDS: readonly ConsoleAction[] = ['open', 'close', 'pause', 'resume'];
/** Buttons that open a form first; the form sends the same action again with its fields. */
const FORMS = ['call', 'transfer', 'grant'] as const;
type Form = (typeof FORMS)[number];

/**
 * One officer at one counter: open it, call, recall, serve, finish, transfer, set aside and
 * resume, pause, close. Every request names the ticket it means (console-logic.ts actionBody);
 * the answer shows at once, then the live state takes over (console-logic.ts effectiveView).
 */
export class LuotCounterDesk extends LitElement {
  static override properties = {
    centre: { attribute: false },
    counter: { attribute: false },
    counters: { attribute: false },
    live: { attribute: false },
    fact: { attribute: false },
    staffId: { attribute: false },
    api: { attribute: false },
    language: { type: String },
    busy: { state: true },
    error: { state: true },
    done: { state: true },
    acted: { state: true },
    form: { state: true },
    confirmingRecall: { state: true },
  };
  declare centre: Centre;
  declare counter: Counter;
  /** Every counter of the centre (transfer targets, where a ticket was parked). */
  declare counters: Counter[];
  declare live: CentreState | null;
  /** The fact behind the live state's last change; null: a snapshot. */
  declare fact: LiveFact | null;
  /** The logged-in officer. */
  declare staffId: string | null;
  declare api: Api;
  declare language: Language;
  declare busy: ConsoleAction | null;
  declare error: ApiError | null;
  /** The confirmation of the last action whose ticket left the counter ("Đã chuyển số B001"). */
  declare done: string | null;
  declare acted: Acted | null;
  declare form: Form | null;
  /** The last allowed recall was pressed: the console asks before it records a no-show (issue #15). */
  declare confirmingRecall: boolean;

  constructor() {
    super();
    this.counters = [];
    this.live = null;
    this.fact = null;
    this.staffId = null;
    this.language = 'vi';
    this.busy = null;
    this.error = null;
    this.done = null;
    this.acted = null;
    this.form = null;
    this.confirmingRecall = false;
    // On the host: every part (controls, buttons, forms, parked list) sends its action up here.
    this.addEventListener('luot-console-action', (e) => void this.act(e));
    this.addEventListener('luot-console-form-close', () => (this.form = null));
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('counter') && changed.get('counter')?.id !== this.counter.id) {
      this.acted = null;
      this.error = null;
      this.done = null;
      this.form = null;
    }
    if (changed.has('live') && this.acted && this.live?.seq !== this.acted.seq) this.acted = null;
    // A press made while the server was away failed with "network"; the live state moving again
    // means it is back, so the red line of that press goes (issue #15: it stayed for minutes).
    if (changed.has('live') && changed.get('live') !== undefined && this.error?.code === 'network') this.error = null;
  }

  private get facts(): ConsoleFacts {
    const view = effectiveView(counterViewOf(this.live, this.counter.id), this.acted);
    return {
      view,
      staffId: this.staffId,
      heldElsewhere: heldElsewhere(this.live, this.staffId, this.counter.id),
      parkedCount: this.live?.parked.length ?? 0,
    };
  }

  private async act(e: ConsoleActionEvent) {
    const { action, body } = e.detail;
    if ((FORMS as readonly string[]).includes(action) && !body) {
      this.form = this.form === action ? null : (action as Form);
      return;
    }
    if (this.busy) return;
    const counterId = this.counter.id;
    const current = this.facts.view?.current ?? null;
    if (action === 'recall' && !this.confirmingRecall && isLastRecall(current, this.live?.maxRecalls)) {
      this.confirmingRecall = true;
      return;
    }
    this.confirmingRecall = false;
    const seq = this.live?.seq ?? -1;
    this.busy = action;
    this.error = null;
    this.done = null;
    try {
      if (COMMANDS.includes(action)) {
        const view = await this.api.counterCommand(this.centre.id, counterId, action as CounterCommand);
        this.acted = { counterId, seq, state: view.state, ticket: view.current };
      } else if (action === 'grant') {
        // The form's fields, typed again by the rule the form used (console-forms.ts grantBody).
        const grant = grantBody(body?.number ?? '', body?.priorityGroupId ?? '', body?.reason ?? '');
        if (!grant) return;
        const { ticket } = await this.api.grantPriority(this.centre.id, grant);
        this.done = t(this.language, 'console.done.grant', { number: ticket.number });
        this.form = null;
      } else if (action === 'finish-next') {
        const finished = await this.api.counterAction(this.centre.id, counterId, 'finish', actionBody('finish', current?.id ?? null) as never);
        this.acted = { counterId, seq, ticket: null };
        this.done = t(this.language, 'console.done.finish', { number: finished.ticket.number });
        const { ticket } = await this.api.counterAction(this.centre.id, counterId, 'call-next', {});
        this.acted = { counterId, seq, ticket };
        this.done = t(this.language, 'console.done.finishNext', { finished: finished.ticket.number, number: ticket.number });
      } else {
        const request = actionBody(action as CounterAction, current?.id ?? null, body);
        const { ticket } = await this.api.counterAction(this.centre.id, counterId, action as CounterAction, request as never);
        this.acted = { counterId, seq, ticket: atCounter(ticket) ? ticket : null };
        const key = outcomeKey(ticket);
        if (key) this.done = t(this.language, key, { number: ticket.number });
        this.form = null;
      }
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.busy = null;
    }
  }

  override render() {
    const lang = this.language;
    const facts = this.facts;
    const allowed = allowedActions(facts);
    const notice = counterNotice(facts);
    const current = facts.view?.current ?? null;
    const live = this.live;
    const services = live?.services ?? [];
    const groups = live?.priorityGroups ?? [];
    // The services this counter calls, in the counter's own order.
    const own = this.counter.serviceIds.flatMap((id) => services.find((s) => s.id === id) ?? []);
    const waiting = live?.waiting ?? {};
    const busy = this.busy !== null;
    return html`<luot-counter-controls .view=${facts.view} .mine=${holdsCounter(facts)} .allowed=${allowed} .busy=${busy} .language=${lang}
        .notice=${notice ? { text: t(lang, notice.key, { n: notice.n ?? '' }), warn: notice.key === 'console.busy' || notice.key === 'console.holdsOther' } : null}
      ></luot-counter-controls>
      ${this.error ? html`<p class="error" role="alert" data-testid="console-error">${errorText(lang, this.error.code)}</p>` : null}
      ${this.done ? html`<p class="done" role="status" data-testid="console-done">${this.done}</p>` : null}
      ${
        this.confirmingRecall && current
          ? html`<div class="warn" role="alert" data-testid="recall-warning">
              <p>${t(lang, 'console.lastRecallWarning', { number: current.number, n: current.recallCount })}</p>
              <button type="button" data-testid="recall-confirm" @click=${() => sendAction(this, 'recall')}>${t(lang, 'console.lastRecallConfirm')}</button>
              <button type="button" data-testid="recall-cancel" @click=${() => (this.confirmingRecall = false)}>${t(lang, 'console.lastRecallCancel')}</button>
            </div>`
          : null
      }
      <div class="grid">
        <section class="card current">
          <h2>${t(lang, 'console.current')} · ${t(lang, 'counter.label', { n: this.counter.number })}</h2>
          <luot-current-ticket .ticket=${current} .language=${lang} .timeZone=${this.centre.timeZone}
            .service=${services.find((s) => s.id === current?.serviceId) ?? null}
            .priority=${current ? priorityText(lang, groups, current.priorityGroupId) : null}></luot-current-ticket>
          <luot-dossier-handover .api=${this.api} .centreId=${this.centre.id} .ticket=${current} .language=${lang}></luot-dossier-handover>
          <luot-console-actions .allowed=${allowed} .busy=${busy} .language=${lang}></luot-console-actions>
          ${this.renderForm(current, busy)}
          <!-- Counters without a keypad: the same buttons on a screen turned to the citizen. -->
          <a class="rating-screen" href="/rate/${encodeURIComponent(this.counter.id)}" target="luot-rate"
            data-testid="open-rating-screen">${t(lang, 'counter.ratingScreen')}</a>
        </section>
        <aside>
          <section class="card">
            <luot-waiting-list .api=${this.api} .centreId=${this.centre.id} .counterId=${this.counter.id} .live=${live} .fact=${this.fact} .language=${lang}
              .timeZone=${this.centre.timeZone}></luot-waiting-list>
          </section>
          <section class="card">
            <luot-ticket-list .heading=${t(lang, 'console.waiting')} .rows=${waitingRows(own, waiting, lang)}>
              <p class="total" data-testid="waiting-total">${t(lang, 'console.waitingTotal', { n: waitingTotal(own, waiting) })}</p>
            </luot-ticket-list>
          </section>
          <section class="card">
            <luot-ticket-list .heading=${t(lang, 'console.parked')} .empty=${t(lang, 'console.parkedNone')}
              .rows=${parkedRows(parkedForCounter(live?.parked ?? [], this.counter), services, this.counters, lang, allowed['resume-ticket'] && !busy)}
              @luot-row-action=${this.resumeParked}></luot-ticket-list>
          </section>
          <section class="card">
            <luot-print-problems .api=${this.api} .centreId=${this.centre.id} .timeZone=${this.centre.timeZone}
              .language=${lang}></luot-print-problems>
          </section>
        </aside>
      </div>`;
  }

  /** The parked list's "Tiếp tục": the same action as any other part's, naming the ticket. */
  private readonly resumeParked = (e: RowActionEvent) => {
    if (e.detail.action === 'resume-ticket') sendAction(this, 'resume-ticket', { ticketId: e.detail.key });
  };

  private renderForm(current: Ticket | null, busy: boolean) {
    const lang = this.language;
    switch (this.form) {
      case 'call':
        return html`<luot-call-number-form .busy=${busy} .language=${lang}></luot-call-number-form>`;
      case 'transfer':
        return current
          ? html`<luot-transfer-form .ticket=${current} .services=${this.live?.services ?? []} .counters=${this.counters}
              .ownCounterId=${this.counter.id} .busy=${busy} .language=${lang}></luot-transfer-form>`
          : null;
      case 'grant':
        return html`<luot-grant-priority-form .groups=${this.live?.priorityGroups ?? []} .busy=${busy} .language=${lang}></luot-grant-priority-form>`;
      default:
        return null;
    }
  }

  // One line per rule: the layout is simple and this keeps the file short.
  static override styles = css`
    :host { display: flex; flex-direction: column; gap: 1rem; padding: 1rem 1.5rem 1.5rem; }
    .grid { display: grid; grid-template-columns: 2fr 1fr; gap: 1.5rem; align-items: start; }
    @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
    aside { display: flex; flex-direction: column; gap: 1.5rem; }
    .card { background: var(--luot-surface); border-radius: var(--luot-radius); box-shadow: var(--luot-shadow); padding: 1.5rem; }
    .current { display: flex; flex-direction: column; gap: 1.25rem; }
    .current h2 { margin: 0; font-size: 1.2rem; color: var(--luot-muted); }
    .rating-screen { align-self: flex-start; color: var(--luot-accent); font-weight: 600; }
    .error, .done { margin: 0; padding: 0.9rem 1.5rem; font-size: 1.3rem; font-weight: 700; text-align: center; border-radius: var(--luot-radius); }
    .error { background: var(--luot-danger); color: var(--luot-danger-fg); }
    .done { background: var(--luot-ok); color: #fff; }
    .warn { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; padding: 0.9rem 1.5rem; border-radius: var(--luot-radius); background: var(--luot-display-paused, #ffb74d); color: #1b1b1b; font-weight: 700; }
    .warn p { margin: 0; flex: 1; font-size: 1.2rem; }
    .warn button { font: inherit; min-height: 3rem; padding: 0 1.2rem; border-radius: var(--luot-radius); border: 2px solid #1b1b1b; background: #fff; cursor: pointer; }
    .total { font-weight: 700; margin: 0.75rem 0 0; font-size: 1.2rem; }
  `;
}

customElements.define('luot-counter-desk', LuotCounterDesk);

declare global {
  interface HTMLElementTagNameMap {
    'luot-counter-desk': LuotCounterDesk;
  }
}

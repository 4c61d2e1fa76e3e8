/**
 * The counter console's decisions, kept out of the elements so they are tested in node.
 * Mirrors server/queue/counter.models.ts (who may act at a counter) and ticket.models.ts (which
 * transition is valid); the server still checks, this only keeps pointless buttons disabled.
 */
import type { Counter, CounterState, CounterView, Ticket } from '../../protocol/index.ts';
import type { CounterAction, CounterCommand } from '../../web-shared/client/api.ts';
import type { CentreState } from '../../web-shared/client/centre-state.ts';
import type { MessageKey } from '../../web-shared/i18n/i18n.ts';

/**
 * Every button of the console: the API's actions and commands, granting priority, and "Hoàn
 * thành và gọi tiếp" (issue #15: a finish, then a call-next, in one press).
 */
export type ConsoleAction = CounterAction | CounterCommand | 'grant' | 'finish-next';
export type AllowedActions = Record<ConsoleAction, boolean>;

export interface ConsoleFacts {
  /** The chosen counter as the console knows it (live, with our last answer laid over). */
  view: CounterView | null;
  /** The logged-in officer; null before login. */
  staffId: string | null;
  /** The number of another counter this officer holds, if any: one officer, one counter. */
  heldElsewhere: number | null;
  /** Tickets set aside that this counter could resume. */
  parkedCount: number;
}

const NONE: AllowedActions = {
  open: false,
  close: false,
  pause: false,
  resume: false,
  'call-next': false,
  call: false,
  recall: false,
  'start-serving': false,
  finish: false,
  'finish-next': false,
  'no-show': false,
  transfer: false,
  park: false,
  'resume-ticket': false,
  grant: false,
};

/** This officer holds the counter (open or paused). */
export const holdsCounter = (f: ConsoleFacts): boolean =>
  f.view !== null && f.staffId !== null && f.view.state.status !== 'closed' && f.view.state.staffId === f.staffId;

/** Which buttons make sense for this officer at this counter right now. */
export function allowedActions(f: ConsoleFacts): AllowedActions {
  const view = f.view;
  if (!view || !f.staffId || !view.counter.active) return NONE;
  const status = view.state.status;
  const mine = holdsCounter(f);
  const ticket = mine ? view.current : null;
  const called = ticket?.state === 'called';
  const attending = called || ticket?.state === 'serving';
  const free = mine && status === 'open' && view.current === null;
  return {
    open: status === 'closed' && f.heldElsewhere === null,
    close: mine && view.current === null,
    pause: free,
    resume: mine && status === 'paused',
    'call-next': free,
    call: free,
    recall: called,
    'start-serving': called,
    finish: attending,
    // Only on an open counter: on a break the call-next half would be refused.
    'finish-next': attending && status === 'open',
    'no-show': called,
    transfer: attending,
    park: attending,
    'resume-ticket': free && f.parkedCount > 0,
    // Granting is centre-wide (a waiting ticket), not tied to holding this counter.
    grant: true,
  };
}

/** What the console says above the buttons about the counter, if anything. */
export function counterNotice(f: ConsoleFacts): { key: MessageKey; n?: number } | null {
  const view = f.view;
  if (!view || !f.staffId) return null;
  const { status, staffId } = view.state;
  if (status !== 'closed' && staffId !== f.staffId) return { key: 'console.busy' };
  if (status === 'closed' && f.heldElsewhere !== null) return { key: 'console.holdsOther', n: f.heldElsewhere };
  if (status === 'closed') return { key: 'console.openFirst' };
  if (status === 'paused') return { key: 'console.pausedNote' };
  return null;
}

/** The counter (other than `counterId`) this officer holds, by number: one officer, one counter. */
export function heldElsewhere(state: CentreState | null, staffId: string | null, counterId: string | null): number | null {
  if (!state || !staffId) return null;
  const held = state.counters.find((v) => v.counter.id !== counterId && v.state.status !== 'closed' && v.state.staffId === staffId);
  return held?.counter.number ?? null;
}

/** Our last answer, shown until the live state moves past the seq it arrived at. */
export interface Acted {
  counterId: string;
  seq: number;
  /** After a ticket action: the ticket now at the counter (null when it left). */
  ticket?: Ticket | null;
  /** After a command: the counter's new state. */
  state?: CounterState;
}

/** The live view with our own last answer laid over it, so a press shows at once. */
export function effectiveView(view: CounterView | null, acted: Acted | null): CounterView | null {
  if (!view || !acted || acted.counterId !== view.counter.id) return view;
  return {
    ...view,
    state: acted.state ?? view.state,
    current: acted.ticket !== undefined ? acted.ticket : view.current,
  };
}

/** States in which a ticket occupies its counter (server/queue/ticket.models.ts AT_COUNTER). */
export const atCounter = (ticket: Ticket): boolean => ticket.state === 'called' || ticket.state === 'serving';

/** localStorage key of the counter a console PC was set to, per centre. */
export const counterStorageKey = (centreId: string) => `luot.console.counter.${centreId}`;

/**
 * The remembered counter if it still exists and is in use; otherwise none, so the officer
 * chooses explicitly rather than calling citizens to somebody else's counter.
 */
export function pickCounter(counters: readonly Counter[], remembered: string | null): string | null {
  return counters.find((c) => c.id === remembered && c.active)?.id ?? null;
}

/**
 * The request body of a ticket action. Every action on the current ticket names it (the
 * stale-screen guard: a console showing an old ticket cannot finish someone else's); call by
 * number and resume name their own ticket; call-next names none.
 */
export function actionBody(action: CounterAction, currentTicketId: string | null, fields: Record<string, string> = {}): Record<string, string> {
  const guard: Record<string, string> = currentTicketId ? { ticketId: currentTicketId } : {};
  switch (action) {
    case 'call-next':
      return {};
    case 'call':
      return { number: fields.number ?? '' };
    case 'resume-ticket':
      return { ticketId: fields.ticketId ?? '' };
    case 'transfer': {
      const { toServiceId, toCounterId } = fields;
      return { ...guard, ...(toServiceId ? { toServiceId } : {}), ...(toCounterId ? { toCounterId } : {}) };
    }
    default:
      return guard;
  }
}

/** What to confirm after an action whose ticket leaves the counter (else the screen says it). */
export function outcomeKey(ticket: Ticket): MessageKey | null {
  switch (ticket.state) {
    // Not "no ticket at this counter" as if nothing had happened (issue #15).
    case 'done':
      return 'console.done.finish';
    case 'waiting':
      return 'console.done.transfer';
    case 'parked':
      return 'console.done.park';
    case 'no_show':
      return 'console.done.noShow';
    default:
      return null;
  }
}

/**
 * The recall that ends a ticket (issue #15): past `maxRecalls` recalls the server records a
 * no-show instead of calling again, so the console asks first. Unknown `maxRecalls` (an older
 * server): never warns.
 */
export const isLastRecall = (ticket: Ticket | null, maxRecalls: number | undefined): boolean =>
  ticket !== null && ticket.state === 'called' && maxRecalls !== undefined && ticket.recallCount >= maxRecalls;

/** The console's keys (shown on their buttons), pressed anywhere but in a field: one hand on the keyboard all day. */
export const SHORTCUTS: Readonly<Partial<Record<ConsoleAction, string>>> = {
  'call-next': 'G',
  recall: 'L',
  'start-serving': 'B',
  finish: 'H',
  'finish-next': 'T',
  'no-show': 'V',
};

/** The action a key press asks for: a plain letter (no Ctrl, Alt or Meta), not typed into a field. */
export function shortcutAction(key: string, modifiers: boolean, inField: boolean): ConsoleAction | null {
  if (modifiers || inField || key.length !== 1) return null;
  const upper = key.toUpperCase();
  const found = (Object.entries(SHORTCUTS) as [ConsoleAction, string][]).find(([, k]) => k === upper);
  return found ? found[0] : null;
}

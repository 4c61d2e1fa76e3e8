/**
 * The front-ends' view of one centre, kept current from a snapshot plus sequenced events.
 * Pure: no DOM, no socket, no clock — tested in node (test/web/centre-state.test.ts).
 */
import type { AlertView, Call, CentreServerToClient, CounterView, Snapshot, Ticket, TicketState } from '../../protocol/index.ts';

/** Same shape as the server's snapshot; `seq` is the last fact folded in. */
export type CentreState = Snapshot;

/** The sequenced events of `/centre` (everything but the snapshot itself). */
export type CentreEventName = 'ticket:issued' | 'ticket:called' | 'ticket:updated' | 'counter:updated' | 'alert:changed';
export type CentreEventPayload<E extends CentreEventName> = Parameters<CentreServerToClient[E]>[0];
type TicketEventPayload = CentreEventPayload<'ticket:issued' | 'ticket:called' | 'ticket:updated'>;
/** A fact as the client applied it: its name and its validated payload. */
export type LiveFact = { [E in CentreEventName]: { name: E; payload: CentreEventPayload<E> } }[CentreEventName];

export interface ApplyResult {
  state: CentreState;
  /** True when events were missed (or the day rolled over): the caller must fetch a snapshot. */
  gap: boolean;
}

/** How many calls the state keeps; the hall display shows fewer. Matches the server's snapshot. */
export const RECENT_CALLS_KEPT = 10;

/** States in which a ticket occupies its counter (mirrors server/queue/ticket.models.ts AT_COUNTER). */
const AT_COUNTER: readonly TicketState[] = ['called', 'serving'];

export function applySnapshot(snapshot: Snapshot): CentreState {
  return {
    ...snapshot,
    recentCalls: dedupeCalls(snapshot.recentCalls).slice(0, RECENT_CALLS_KEPT),
  };
}

export function applyEvent<E extends CentreEventName>(state: CentreState, event: E, payload: CentreEventPayload<E>): ApplyResult {
  // Already covered by the snapshot (the server joins the room before reading it) or a duplicate.
  if (payload.seq <= state.seq) return { state, gap: false };
  if (payload.seq > state.seq + 1) return { state, gap: true };
  // An SLA alert raised, changed or cleared (issue #14): no queue figures, only the alerts list.
  if (event === 'alert:changed') {
    return {
      state: { ...state, seq: payload.seq, alerts: placeAlert(state.alerts ?? [], (payload as CentreEventPayload<'alert:changed'>).alert) },
      gap: false,
    };
  }
  // Every fact carries the queue figures, so a client never recomputes them.
  const { waiting, estimates } = payload as TicketEventPayload | CentreEventPayload<'counter:updated'>;
  const figures = { seq: payload.seq, waiting: { ...waiting }, estimates: { ...estimates } };

  if (event === 'counter:updated') {
    const view = (payload as CentreEventPayload<'counter:updated'>).view;
    return { state: { ...state, ...figures, counters: placeCounter(state.counters, view) }, gap: false };
  }

  const { ticket } = payload as TicketEventPayload;
  // A ticket of a later business day means the day turned over: counts, counters and calls of
  // the old day are stale, and only a snapshot knows the new day's full picture.
  if (ticket.businessDay > state.businessDay) return { state, gap: true };

  let recentCalls = state.recentCalls;
  if (event === 'ticket:called') {
    // A recall is a new entry (new calledAt, recall: true): displays announce it again.
    const call = (payload as CentreEventPayload<'ticket:called'>).call;
    recentCalls = dedupeCalls([call, ...recentCalls]).slice(0, RECENT_CALLS_KEPT);
  }
  return {
    state: {
      ...state,
      ...figures,
      counters: placeTicket(state.counters, ticket),
      parked: placeParked(state.parked, ticket),
      recentCalls,
    },
    gap: false,
  };
}

/** Puts the ticket at its counter while it is there and takes it off any counter it has left. */
function placeTicket(views: CounterView[], ticket: Ticket): CounterView[] {
  const atCounter = AT_COUNTER.includes(ticket.state) ? ticket.counterId : null;
  return views.map((v) => {
    if (v.counter.id === atCounter) return { ...v, current: ticket };
    if (v.current?.id === ticket.id) return { ...v, current: null };
    return v;
  });
}

/** Replaces the counter's view, or adds it in number order when an admin created the counter. */
function placeCounter(views: CounterView[], view: CounterView): CounterView[] {
  if (views.some((v) => v.counter.id === view.counter.id)) {
    return views.map((v) => (v.counter.id === view.counter.id ? view : v));
  }
  return [...views, view].sort((a, b) => a.counter.number - b.counter.number);
}

/** A parked ticket is listed (oldest parked first, as the server sends them); any other state unlists it. */
function placeParked(parked: Ticket[], ticket: Ticket): Ticket[] {
  const listed = parked.some((t) => t.id === ticket.id);
  if (ticket.state === 'parked') {
    return listed ? parked.map((t) => (t.id === ticket.id ? ticket : t)) : [...parked, ticket];
  }
  return listed ? parked.filter((t) => t.id !== ticket.id) : parked;
}

/** An open alert is listed (replacing its older figures); a cleared one is taken off. */
function placeAlert(alerts: AlertView[], alert: AlertView): AlertView[] {
  const others = alerts.filter((a) => a.id !== alert.id);
  return alert.clearedAt === null ? [...others, alert] : others;
}

/** Keeps the first of each (ticketId, calledAt): a recall has a new calledAt and stays. */
function dedupeCalls(calls: readonly Call[]): Call[] {
  const seen = new Set<string>();
  return calls.filter((c) => {
    const key = `${c.ticketId}@${c.calledAt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The counter's live view (config, who holds it, current ticket), if the centre has it. */
export function counterViewOf(state: CentreState | null, counterId: string): CounterView | null {
  return state?.counters.find((v) => v.counter.id === counterId) ?? null;
}

/** The ticket a counter is attending, if any. */
export function currentTicketAt(state: CentreState | null, counterId: string): Ticket | null {
  return counterViewOf(state, counterId)?.current ?? null;
}

/**
 * The calls for a "previously called" list: the newest call of each ticket only, so a recall
 * does not show the same number twice; `exceptTicketId` is the one already shown large.
 */
export function distinctCalls(calls: readonly Call[], exceptTicketId: string | null = null): Call[] {
  const seen = new Set<string>(exceptTicketId ? [exceptTicketId] : []);
  return calls.filter((c) => {
    if (seen.has(c.ticketId)) return false;
    seen.add(c.ticketId);
    return true;
  });
}

/**
 * The front-ends' view of one centre, kept current from a snapshot plus sequenced events.
 * Pure: no DOM, no socket, no clock — tested in node (test/web/centre-state.test.ts).
 */
import type {
  Call,
  CentreServerToClient,
  CounterView,
  Snapshot,
  Ticket,
  TicketState,
} from '../protocol/index.ts';

/** Same shape as the server's snapshot; `seq` is the last fact folded in. */
export type CentreState = Snapshot;

/** The sequenced events of `/centre` (everything but the snapshot itself). */
export type CentreEventName = 'ticket:issued' | 'ticket:called' | 'ticket:updated';
export type CentreEventPayload<E extends CentreEventName> = Parameters<CentreServerToClient[E]>[0];

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

export function applyEvent<E extends CentreEventName>(
  state: CentreState,
  event: E,
  payload: CentreEventPayload<E>,
): ApplyResult {
  // Already covered by the snapshot (the server joins the room before reading it) or a duplicate.
  if (payload.seq <= state.seq) return { state, gap: false };
  if (payload.seq > state.seq + 1) return { state, gap: true };
  // A ticket of a later business day means the day turned over: counts, counters and calls of
  // the old day are stale, and only a snapshot knows the new day's full picture.
  if (payload.ticket.businessDay > state.businessDay) return { state, gap: true };

  const counters = placeTicket(state.counters, payload.ticket);
  let recentCalls = state.recentCalls;
  if (event === 'ticket:called') {
    const call = (payload as CentreEventPayload<'ticket:called'>).call;
    recentCalls = dedupeCalls([call, ...recentCalls]).slice(0, RECENT_CALLS_KEPT);
  }
  return {
    state: { ...state, seq: payload.seq, waiting: { ...payload.waiting }, counters, recentCalls },
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

/** The ticket a counter is attending, if any. */
export function currentTicketAt(state: CentreState | null, counterId: string): Ticket | null {
  return state?.counters.find((v) => v.counter.id === counterId)?.current ?? null;
}

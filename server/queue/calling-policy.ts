import type { Ticket } from '../../protocol/index.ts';

export interface CounterServing {
  /** Services in the counter's order of preference. */
  serviceIds: readonly string[];
}

/**
 * Which waiting ticket a counter calls next. Today's rule: first come, first served across
 * every service the counter serves (ties broken by the counter's service order, then by number).
 * Candidates must already be filtered to waiting tickets of the business day.
 */
export function pickNext(candidates: readonly Ticket[], counter: CounterServing): Ticket | null {
  const rank = new Map(counter.serviceIds.map((id, i) => [id, i] as const));
  let best: Ticket | null = null;
  for (const t of candidates) {
    if (t.state !== 'waiting' || !rank.has(t.serviceId)) continue;
    if (!best || compare(t, best, rank) < 0) best = t;
  }
  return best;
}

function compare(a: Ticket, b: Ticket, rank: Map<string, number>): number {
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt ? -1 : 1;
  const ra = rank.get(a.serviceId)!;
  const rb = rank.get(b.serviceId)!;
  if (ra !== rb) return ra - rb;
  return a.seq - b.seq;
}

/** Waiting tickets of the same service issued before `ticket`. */
export function peopleAhead(ticket: Ticket, waitingOfService: readonly Ticket[]): number {
  return waitingOfService.filter(
    (t) => t.id !== ticket.id && t.state === 'waiting' && t.seq < ticket.seq,
  ).length;
}

import type { Ticket, TicketState } from '../../protocol/index.ts';
import type { Store, TicketEvent } from '../../server/kernel/store.port.ts';

const ALL_STATES: TicketState[] = ['waiting', 'called', 'serving', 'done', 'no_show'];

export interface CentreState {
  seq: number;
  tickets: Ticket[];
  events: TicketEvent[];
  waiting: Record<string, number>;
  current: Record<string, Ticket | null>;
}

/**
 * Everything the store port can tell about a centre on the given days: used to prove that a
 * rejected request changed nothing (compare before and after with toEqual).
 */
export async function centreState(store: Store, centreId: string, days: string[]): Promise<CentreState> {
  const tickets = (await Promise.all(days.map((d) => store.listTickets(centreId, d, ALL_STATES)))).flat();
  const events = (await Promise.all(tickets.map((t) => store.listTicketEvents(t.id)))).flat().sort((a, b) => a.seq - b.seq);
  const waiting = await store.waitingCounts(centreId);
  const current: Record<string, Ticket | null> = {};
  for (const c of await store.listCounters(centreId)) current[c.id] = await store.currentTicketAt(centreId, c.id);
  return { seq: await store.currentSeq(centreId), tickets, events, waiting, current };
}

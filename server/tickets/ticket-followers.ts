import type { CentreFact, ErrorCode, TicketState } from '../../protocol/index.ts';

/** How many `/ticket` sockets may follow one ticket, and come from one client address. */
export interface FollowerLimits {
  perTicket: number;
  perAddress: number;
}

/** What the namespace remembers of a followed ticket: what its followers were last sent. */
export interface Followed {
  centreId: string;
  sockets: number;
  last: { json: string; view: unknown; state: TicketState; counterId: string | null } | null;
}

/**
 * Who follows what. A ticket id is in the ticket's QR code, so anyone holding one could open
 * sockets without end: each socket is admitted against both caps, and its place is given back
 * exactly once when it leaves.
 */
export function createFollowers(limits: FollowerLimits) {
  const tickets = new Map<string, Followed>();
  const addresses = new Map<string, number>();
  return {
    tickets,
    /** Takes a place for a socket, or says which cap refuses it. */
    admit(ticketId: string, centreId: string, address: string): { release(): void } | { refused: ErrorCode } {
      const followed = tickets.get(ticketId);
      if ((followed?.sockets ?? 0) >= limits.perTicket) return { refused: 'ticket.too_many_followers' };
      if ((addresses.get(address) ?? 0) >= limits.perAddress) return { refused: 'realtime.too_many_connections' };
      const entry = followed ?? { centreId, sockets: 0, last: null };
      entry.sockets += 1;
      tickets.set(ticketId, entry);
      addresses.set(address, (addresses.get(address) ?? 0) + 1);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          entry.sockets -= 1;
          if (entry.sockets <= 0 && tickets.get(ticketId) === entry) tickets.delete(ticketId);
          const n = (addresses.get(address) ?? 1) - 1;
          if (n <= 0) addresses.delete(address);
          else addresses.set(address, n);
        },
      };
    },
    /** Followed tickets of a centre (each with at least one socket). */
    ofCentre(centreId: string): string[] {
      return [...tickets].filter(([, f]) => f.centreId === centreId).map(([id]) => id);
    },
  };
}

/** What a burst of facts touched, gathered until the namespace refreshes the centre's followers. */
export interface Touched {
  /** Configuration changed (names, numbers): every view may have. */
  all: boolean;
  /** The queue moved: waiting tickets' places and estimates may have. */
  queue: boolean;
  tickets: Set<string>;
  counters: Set<string>;
}

export const nothingTouched = (): Touched => ({ all: false, queue: false, tickets: new Set(), counters: new Set() });

export function touch(touched: Touched, fact: CentreFact): void {
  switch (fact.type) {
    case 'state:snapshot':
      touched.all = true;
      return;
    case 'counter:updated':
      touched.queue = true; // a counter opening or pausing changes the estimates
      touched.counters.add(fact.payload.view.counter.id);
      return;
    case 'alert:changed':
      return; // an SLA alert moves no ticket
    case 'ticket:issued':
      // A new ticket joins the end of its queue: no one waiting before it has one more ahead
      // (countAhead counts earlier tickets) and estimates follow service times and open counters.
      // A priority ticket may be called first: treat it as a move of the queue.
      touched.tickets.add(fact.payload.ticket.id);
      if (fact.payload.ticket.priorityGroupId !== null) touched.queue = true;
      return;
    default:
      touched.queue = true;
      touched.tickets.add(fact.payload.ticket.id);
  }
}

/**
 * Can this followed ticket's view have changed? Only a waiting ticket's place and estimate follow
 * the whole queue; a called or serving ticket changes with its own facts or its counter's; a
 * finished one with its own facts (a recall, a return) only. Never seen yet: compute it.
 */
export function mayHaveChanged(touched: Touched, ticketId: string, followed: Followed): boolean {
  const last = followed.last;
  if (!last || touched.all || touched.tickets.has(ticketId)) return true;
  if (last.state === 'waiting') return touched.queue;
  if (last.counterId !== null && (last.state === 'called' || last.state === 'serving')) return touched.counters.has(last.counterId);
  return false;
}

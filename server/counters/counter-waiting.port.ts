import type { Ticket } from '../../protocol/index.ts';

/** A waiting ticket as the console's list needs it: the ticket, and the service it was issued for (a transfer changes its queue). */
export interface WaitingTicket {
  ticket: Ticket;
  issuedServiceId: string;
}

/** How a waiting ticket last came back to waiting from a counter: a transfer, or a force-close (requeue). */
export interface BackToWaiting {
  kind: 'transfer' | 'requeue';
  /** The counter it was at. */
  counterId: string | null;
  /** Its service before a transfer (null when the audit row does not say). */
  fromServiceId: string | null;
}

export interface CounterQueueRequest {
  counterId: string;
  /** The counter's services, in its order. */
  serviceIds: readonly string[];
  /** Tickets of this business day only, or of any day (carry-over) when null. */
  day: string | null;
  /** With `day`: the first instant of that day (epoch ms), so the count reads the waiting index alone. */
  dayStartMs: number | null;
  /** How many tickets to read from the head of each queue and class. */
  perQueue: number;
}

/**
 * What the console's waiting list reads (issue #15, server/counters/counter-waiting.usecases.ts),
 * every statement an index seek on the waiting tickets, whatever the centre's history:
 */
export interface CounterWaitingStore {
  /**
   * The candidates of the counter's next `perQueue` calls, in place order (issue time, number):
   * per service of the counter, the first `perQueue` normal and `perQueue` priority tickets sent
   * to no counter and keeping no appointment; every waiting appointment ticket of those services;
   * and every waiting ticket sent to a counter by a transfer, this one or another (few; the total
   * needs those sent elsewhere). With them, the waiting tickets per queue (service), counted on
   * the waiting index alone (those sent to a counter included).
   */
  counterQueue(centreId: string, request: CounterQueueRequest): Promise<{ tickets: WaitingTicket[]; queueCounts: Record<string, number> }>;
  /** For each named ticket that came back to waiting from a counter: how, the latest time. */
  backToWaiting(centreId: string, ticketIds: readonly string[]): Promise<Record<string, BackToWaiting>>;
}

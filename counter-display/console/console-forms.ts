/**
 * The console's small forms (call by number, transfer, grant priority, parked list) as pure
 * functions: what the officer typed or chose, turned into a request body or refused early.
 * Tested in node (test/web/console-forms.test.ts); the server validates again.
 */
import type { Counter, GrantPriorityBody, Ticket, TransferTicketBody } from '../../protocol/index.ts';

/** Ticket numbers as printed: an optional 1–2 letter prefix and digits ("A025", "1025"). */
const NUMBER = /^[A-Z]{0,2}\d{1,6}$/;

/** "  a 025 " → "A025"; null when it cannot be a ticket number. */
export function normalizeNumber(input: string): string | null {
  const value = input.replace(/\s+/g, '').toUpperCase();
  return NUMBER.test(value) ? value : null;
}

/**
 * The transfer of `ticket`: another service, a specific counter, or both. Null when nothing
 * would change (same service and no counter), which the button then refuses.
 */
export function transferBody(ticket: Ticket, toServiceId: string | null, toCounterId: string | null): TransferTicketBody | null {
  const service = toServiceId && toServiceId !== ticket.serviceId ? toServiceId : null;
  if (!service && !toCounterId) return null;
  return {
    ticketId: ticket.id,
    ...(service ? { toServiceId: service } : {}),
    ...(toCounterId ? { toCounterId } : {}),
  };
}

/** Counters a ticket of `serviceId` can be sent to: in use, serving it, and not this one. */
export function transferCounters(counters: readonly Counter[], ownCounterId: string, serviceId: string): Counter[] {
  return counters.filter((c) => c.active && c.id !== ownCounterId && c.serviceIds.includes(serviceId));
}

/** The grant request, or null until a number, a group and a reason (≥ 3 characters) are given. */
export function grantBody(number: string, priorityGroupId: string, reason: string): GrantPriorityBody | null {
  const n = normalizeNumber(number);
  const why = reason.trim();
  if (!n || !priorityGroupId || why.length < 3) return null;
  return { number: n, priorityGroupId, reason: why };
}

/**
 * Parked tickets as a counter lists them: the ones set aside here first, then the others of
 * its services, then the rest (any counter may resume any of them), each group oldest first.
 */
export function parkedForCounter(parked: readonly Ticket[], counter: Counter): Ticket[] {
  const rank = (t: Ticket) => (t.counterId === counter.id ? 0 : counter.serviceIds.includes(t.serviceId) ? 1 : 2);
  return [...parked].sort((a, b) => rank(a) - rank(b) || a.issuedAt.localeCompare(b.issuedAt));
}

import { AppError, type TicketStatus, type Ticket } from '../protocol/index.ts';
import { businessDay } from './queue/business-day.ts';
import { peopleAhead } from './queue/calling-policy.ts';
import { capacity, displayNumber } from './queue/numbering.ts';
import { requireCentre, requireService } from './lookups.ts';
import type { Deps } from './ports.ts';
import type { StoreReads } from './storage/store.port.ts';

export interface IssueTicketInput {
  centreId: string;
  serviceId: string;
  /** The kiosk (device) that asked, for the audit trail. */
  kioskId?: string | null;
}

/** Takes the service's next number for today and records a waiting ticket, atomically. */
export async function issueTicket(deps: Deps, input: IssueTicketInput): Promise<TicketStatus> {
  const { store, clock, ids, notifier } = deps;
  const centre = await requireCentre(store, input.centreId);
  const service = await requireService(store, input.centreId, input.serviceId);
  if (!service.active) throw new AppError('service.inactive', `Service "${service.id}" is not taking tickets.`);

  const { status, event } = await store.immediate(async (tx) => {
    // Read the clock inside the lock so issue times follow number order.
    const now = clock.now();
    const day = businessDay(now, centre.timeZone);
    const seq = await tx.takeNumber(centre.id, service.id, day);
    if (seq > capacity(service.numbering)) {
      throw new AppError('service.numbers_exhausted', `Service "${service.id}" has used every number of its band today.`);
    }
    const ticket: Ticket = {
      id: ids.newId(),
      centreId: centre.id,
      serviceId: service.id,
      businessDay: day,
      seq,
      number: displayNumber(service.numbering, seq),
      state: 'waiting',
      issuedAt: now.toISOString(),
      calledAt: null,
      servingAt: null,
      finishedAt: null,
      counterId: null,
      staffId: null,
    };
    await tx.insertTicket(ticket);
    const eventSeq = await tx.bumpSeq(centre.id);
    await tx.appendEvent({
      id: ids.newId(),
      centreId: centre.id,
      ticketId: ticket.id,
      seq: eventSeq,
      at: ticket.issuedAt,
      actorKind: 'kiosk',
      actorId: input.kioskId ?? null,
      fromState: null,
      toState: 'waiting',
      counterId: null,
    });
    const status = await statusOf(tx, ticket);
    const waiting = await tx.waitingCounts(centre.id, day);
    return { status, event: { seq: eventSeq, ticket, waiting } };
  });
  notifier.publish({ type: 'ticket:issued', centreId: centre.id, payload: event });
  return status;
}

export async function getTicketStatus(deps: Deps, ticketId: string): Promise<TicketStatus> {
  return deps.store.consistentRead(async (reads) => {
    const ticket = await reads.getTicket(ticketId);
    if (!ticket) throw new AppError('ticket.not_found', `No ticket "${ticketId}".`);
    return statusOf(reads, ticket);
  });
}

async function statusOf(reads: StoreReads, ticket: Ticket): Promise<TicketStatus> {
  if (ticket.state !== 'waiting') return { ticket, peopleAhead: 0 };
  const waiting = await reads.listTickets(ticket.centreId, ticket.businessDay, ['waiting']);
  return { ticket, peopleAhead: peopleAhead(ticket, waiting.filter((t) => t.serviceId === ticket.serviceId)) };
}

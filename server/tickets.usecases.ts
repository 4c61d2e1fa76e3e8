import { AppError, type CentreSettings, type IssuedTicket, type Ticket, type TicketStatus, type TicketView } from '../protocol/index.ts';
import { commitChange } from './changes.ts';
import { queueFigures, ticketEstimate } from './figures.ts';
import { requireCentre, requireService } from './lookups.ts';
import type { Deps, StaffActor } from './ports.ts';
import { businessDay } from './queue/business-day.ts';
import { capacity, displayNumber } from './queue/numbering.ts';
import type { StoreReads } from './storage/store.port.ts';

export interface IssueTicketInput {
  centreId: string;
  serviceId: string;
  /** Chosen at the kiosk's priority button. */
  priorityGroupId?: string;
  /** The kiosk (device) that asked, for the audit trail. */
  kioskId?: string | null;
}

function requirePriorityGroup(settings: CentreSettings, groupId: string) {
  const group = settings.priorityGroups.find((g) => g.id === groupId && g.active);
  if (!group) throw new AppError('priority_group.not_found', `No active priority group "${groupId}".`);
  return group;
}

/**
 * Takes the service's next number for today and records a waiting ticket, atomically; with a
 * `ticketIssued` hook (printing), the kiosk's print job is part of the same transaction.
 */
export async function issueTicket(deps: Deps, input: IssueTicketInput): Promise<IssuedTicket> {
  const { store, clock, ids, notifier } = deps;
  const centre = await requireCentre(store, input.centreId);
  const service = await requireService(store, input.centreId, input.serviceId);
  if (!service.active) throw new AppError('service.inactive', `Service "${service.id}" is not taking tickets.`);
  const settings = await store.getSettings(centre.id);
  if (input.priorityGroupId !== undefined) requirePriorityGroup(settings, input.priorityGroupId);

  const { status, event, hooked } = await store.immediate(async (tx) => {
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
      priorityGroupId: input.priorityGroupId ?? null,
      recallCount: 0,
      targetCounterId: null,
    };
    const eventSeq = await commitChange(deps, tx, {
      centreId: centre.id,
      before: null,
      after: ticket,
      at: now,
      actorKind: 'kiosk',
      actorId: input.kioskId ?? null,
      counterId: null,
    });
    const status = await statusOf(tx, ticket, settings);
    const figures = await queueFigures(tx, centre, settings, day);
    const hooked = deps.ticketIssued ? await deps.ticketIssued.inTransaction(tx, { ticket, kioskId: input.kioskId ?? null, at: now }) : null;
    return { status, event: { seq: eventSeq, ticket, ...figures }, hooked };
  });
  notifier.publish({ type: 'ticket:issued', centreId: centre.id, payload: event });
  if (!hooked) return status;
  hooked.afterCommit();
  return { ...status, printJob: hooked.printJob };
}

export async function getTicketStatus(deps: Deps, ticketId: string): Promise<TicketStatus> {
  return deps.store.consistentRead(async (reads) => {
    const ticket = await reads.getTicket(ticketId);
    if (!ticket) throw new AppError('ticket.not_found', `No ticket "${ticketId}".`);
    return statusOf(reads, ticket, await reads.getSettings(ticket.centreId));
  });
}

export async function statusOf(reads: StoreReads, ticket: Ticket, settings: CentreSettings): Promise<TicketStatus> {
  if (ticket.state !== 'waiting') return { ticket, peopleAhead: 0, estimatedWaitMinutes: null };
  const peopleAhead = await reads.countAhead(ticket);
  const estimatedWaitMinutes = await ticketEstimate(reads, ticket.centreId, ticket.serviceId, peopleAhead, settings);
  return { ticket, peopleAhead, estimatedWaitMinutes };
}

export interface GrantPriorityInput {
  centreId: string;
  ticketId?: string;
  number?: string;
  priorityGroupId: string;
  reason: string;
  actor: StaffActor;
}

/** Staff grant a priority group to a waiting ticket; the reason is kept in the audit trail. */
export async function grantPriority(deps: Deps, input: GrantPriorityInput): Promise<TicketStatus> {
  const centre = await requireCentre(deps.store, input.centreId);
  const settings = await deps.store.getSettings(centre.id);
  const group = requirePriorityGroup(settings, input.priorityGroupId);
  const { status, event } = await deps.store.immediate(async (tx) => {
    const now = deps.clock.now();
    const ticket = input.ticketId
      ? await tx.getTicket(input.ticketId)
      : await tx.findTicketByNumber(centre.id, businessDay(now, centre.timeZone), (input.number ?? '').trim().toUpperCase());
    if (!ticket || ticket.centreId !== centre.id) throw new AppError('ticket.not_found', 'No such ticket today.');
    if (ticket.state !== 'waiting') throw new AppError('ticket.not_waiting', `Ticket ${ticket.number} is ${ticket.state}.`);
    const after: Ticket = { ...ticket, priorityGroupId: group.id };
    const seq = await commitChange(deps, tx, {
      centreId: centre.id,
      before: ticket,
      after,
      at: now,
      actorKind: 'staff',
      actorId: input.actor.staffId,
      counterId: null,
      detail: { grantPriority: group.id, reason: input.reason, previous: ticket.priorityGroupId },
    });
    const figures = await queueFigures(tx, centre, settings, businessDay(now, centre.timeZone));
    return { status: await statusOf(tx, after, settings), event: { seq, ticket: after, ...figures } };
  });
  deps.notifier.publish({ type: 'ticket:updated', centreId: centre.id, payload: event });
  return status;
}

/** The citizen's status page: the ticket, its place and the names to show, nothing personal. */
export async function getTicketView(deps: Deps, ticketId: string): Promise<TicketView> {
  return deps.store.consistentRead(async (reads) => {
    const ticket = await reads.getTicket(ticketId);
    if (!ticket) throw new AppError('ticket.not_found', `No ticket "${ticketId}".`);
    const centre = await requireCentre(reads, ticket.centreId);
    const service = await requireService(reads, ticket.centreId, ticket.serviceId);
    const status = await statusOf(reads, ticket, await reads.getSettings(ticket.centreId));
    const atCounter = ticket.counterId && (ticket.state === 'called' || ticket.state === 'serving');
    const counter = atCounter ? await reads.getCounter(ticket.centreId, ticket.counterId!) : null;
    return {
      ...status,
      centreName: centre.name,
      timeZone: centre.timeZone,
      serviceName: service.name,
      counterNumber: counter?.number ?? null,
    };
  });
}

import { AppError, type CentreSettings, type IssuedTicket, type Ticket, type TicketStatus, type TicketView } from '../../protocol/index.ts';
import { commitChange } from '../kernel/changes.ts';
import { estimateFor, estimateInputs, figuresFrom, queueFigures, servedNow, ticketEstimate } from './queue-figures.ts';
import { requireCentre, requireService } from '../kernel/require-found.ts';
import type { Deps, StaffActor } from '../kernel/ports.ts';
import { businessDay } from '../queue/business-day.ts';
import { capacity } from '../queue/numbering.ts';
import { priorityPeopleAhead } from '../queue/wait-estimate.ts';
import { newTicket } from '../queue/ticket.models.ts';
import { tellIssued } from '../kernel/ticket-subscribers.ts';
import type { CentreConfig } from '../kernel/centre-config.ts';
import type { StoreReads, StoreWriteTx } from '../kernel/store.port.ts';

export interface IssueTicketInput {
  centreId: string;
  serviceId: string;
  /** Chosen at the kiosk's priority button. */
  priorityGroupId?: string;
  /** The kiosk (device) that asked, for the audit trail. */
  kioskId?: string | null;
  /** Result return (issue #14, server/dossiers/): the dossier the ticket is for, and the counter it is sent to. */
  dossier?: { code: string; unverified: boolean };
  targetCounterId?: string | null;
  /** Appointments (issue #14, server/appointments/): checked in; `at`, the slot start, when the ticket keeps the appointment's place. */
  appointment?: { id: string; at?: string };
}

function requirePriorityGroup(settings: CentreSettings, groupId: string) {
  const group = settings.priorityGroups.find((g) => g.id === groupId && g.active);
  if (!group) throw new AppError('priority_group.not_found', `No active priority group "${groupId}".`);
  return group;
}

/**
 * Takes the service's next number for today and records a waiting ticket, atomically; the
 * modules' `issued` subscribers (printing: the kiosk's print job) run in the same transaction.
 */
export async function issueTicket(deps: Deps, input: IssueTicketInput): Promise<IssuedTicket> {
  const { store } = deps;
  // Refuse what is plainly wrong before taking the lock, from this process's cached configuration.
  issuable(await store.cachedConfig(input.centreId), input);

  return store.runInTx({ centreId: input.centreId }, (tx) => issueTicketInTx(deps, tx, input));
}

/** The issue inside a write transaction the caller holds (result return reads its dossier in the same one). */
export async function issueTicketInTx(deps: Deps, tx: StoreWriteTx, input: IssueTicketInput): Promise<IssuedTicket> {
  const { clock, ids, notifier } = deps;
  // The configuration's version is checked inside the lock (one read; config-cache.ts).
  const config = await tx.centreConfig(input.centreId);
  const { centre, service, settings } = issuable(config, input);
  // A walk-in for a service nobody serves now, where the centre refuses those (issue #15): decided
  // inside the lock on this moment's counters. A result return or an appointment is let through.
  if (settings.kioskClosedServices === 'refuse' && !input.dossier && !input.appointment && !servedNow(config!, service.id)) {
    throw new AppError('service.not_served', `No open counter serves "${service.id}" now; the centre refuses its tickets until one opens.`);
  }
  // Read the clock inside the lock so issue times follow number order.
  const now = clock.now();
  const day = businessDay(now, centre.timeZone);
  const seq = await tx.takeNumber(centre.id, service.id, day);
  if (seq > capacity(service.numbering)) {
    throw new AppError('service.numbers_exhausted', `Service "${service.id}" has used every number of its band today.`);
  }
  const ticket: Ticket = {
    ...newTicket({ id: ids.newId(), centreId: centre.id, service, day, seq, at: now, priorityGroupId: input.priorityGroupId ?? null }),
    ...(input.dossier ? { dossierCode: input.dossier.code, dossierUnverified: input.dossier.unverified } : {}),
    ...(input.targetCounterId ? { targetCounterId: input.targetCounterId } : {}),
    ...(input.appointment ? { appointmentId: input.appointment.id, ...(input.appointment.at ? { appointmentAt: input.appointment.at } : {}) } : {}),
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
  // One read of the counts and durations serves the ticket's estimate and the fact's figures. A new
  // ticket is behind everyone waiting in its queue (issue times follow number order).
  const inputs = await estimateInputs(tx, centre.id, settings);
  const peopleAhead =
    ticket.priorityGroupId === null
      ? Math.max(0, (inputs.waiting[service.id] ?? 1) - 1)
      : priorityPeopleAhead(settings.priorityPolicy, await tx.countAheadOfPriority(ticket));
  const status: TicketStatus = { ticket, peopleAhead, estimatedWaitMinutes: estimateFor(inputs, service.id, peopleAhead) };
  const figures = figuresFrom(
    inputs,
    config!.services.map((s) => s.id),
  );
  const fact = { seq: eventSeq, ticket, ...figures };
  tx.afterCommit(() => notifier.publish({ type: 'ticket:issued', centreId: centre.id, payload: fact }));
  // After the fact's publication: what subscribers hand on after commit follows it.
  const extras = await tellIssued(deps, tx, { ticket, kioskId: input.kioskId ?? null, at: now });
  return { ...status, ...extras };
}

/** The centre, service and settings an issue names, or the error that refuses it. */
function issuable(config: CentreConfig | null, input: IssueTicketInput) {
  if (!config) throw new AppError('centre.not_found', `No centre "${input.centreId}".`);
  const service = config.services.find((s) => s.id === input.serviceId);
  if (!service) throw new AppError('service.not_found', `No service "${input.serviceId}" in centre "${input.centreId}".`);
  if (!service.active) throw new AppError('service.inactive', `Service "${service.id}" is not taking tickets.`);
  if (input.priorityGroupId !== undefined) requirePriorityGroup(config.settings, input.priorityGroupId);
  return { centre: config.centre, service, settings: config.settings };
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
  const peopleAhead =
    ticket.priorityGroupId === null ? await reads.countAhead(ticket) : priorityPeopleAhead(settings.priorityPolicy, await reads.countAheadOfPriority(ticket));
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
  const { status, event } = await deps.store.runInTx({ centreId: centre.id }, async (tx) => {
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
  return deps.store.consistentRead((reads) => readTicketView(reads, ticketId));
}

/** One ticket's view within a read (the /ticket namespace reads many in one, see ticket-views.usecases.ts). */
export async function readTicketView(reads: StoreReads, ticketId: string): Promise<TicketView> {
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
}

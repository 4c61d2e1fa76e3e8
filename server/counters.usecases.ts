import { AppError, type Call, type Centre, type Counter, type Ticket, type TicketStatus } from '../protocol/index.ts';
import { businessDay } from './queue/business-day.ts';
import { pickNext } from './queue/calling-policy.ts';
import { applyAction, type TicketAction } from './queue/ticket.models.ts';
import { requireCentre, requireCounter, requireStaff } from './lookups.ts';
import type { Deps } from './ports.ts';
import type { StoreTx } from './storage/store.port.ts';

export interface CounterActionInput {
  centreId: string;
  counterId: string;
  staffId?: string;
  /** When given, the action applies only if this is the counter's current ticket. */
  ticketId?: string;
}

interface Located {
  centre: Centre;
  counter: Counter;
  staffId: string | null;
}

async function locate(deps: Deps, input: CounterActionInput): Promise<Located> {
  const centre = await requireCentre(deps.store, input.centreId);
  const counter = await requireCounter(deps.store, input.centreId, input.counterId);
  if (!counter.active) throw new AppError('counter.inactive', `Counter ${counter.number} is not in use.`);
  const staffId = await requireStaff(deps.store, input.centreId, input.staffId);
  return { centre, counter, staffId };
}

/** Applies `action` to `ticket` inside `tx`, audits it and returns the fact to publish. */
async function transition(deps: Deps, tx: StoreTx, where: Located, ticket: Ticket, action: TicketAction) {
  const at = deps.clock.now();
  const next = applyAction(ticket, action, { at, counterId: where.counter.id, staffId: where.staffId ?? ticket.staffId });
  if (!next) {
    throw new AppError('ticket.invalid_transition', `Ticket ${ticket.number} is ${ticket.state}; cannot ${action}.`);
  }
  if (!(await tx.updateTicket(next, ticket.state))) {
    throw new AppError('ticket.invalid_transition', `Ticket ${ticket.number} changed meanwhile.`);
  }
  const seq = await tx.bumpSeq(where.centre.id);
  await tx.appendEvent({
    id: deps.ids.newId(),
    centreId: where.centre.id,
    ticketId: ticket.id,
    seq,
    at: at.toISOString(),
    actorKind: 'staff',
    actorId: where.staffId,
    fromState: ticket.state,
    toState: next.state,
    counterId: where.counter.id,
  });
  const waiting = await tx.waitingCounts(where.centre.id, ticket.businessDay);
  return { ticket: next, seq, waiting };
}

export function callOf(ticket: Ticket, counter: Counter): Call {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    counterId: counter.id,
    counterNumber: counter.number,
    calledAt: ticket.calledAt ?? ticket.issuedAt,
  };
}

/** Calls the ticket the counter's policy picks among today's waiting tickets. */
export async function callNext(deps: Deps, input: CounterActionInput): Promise<TicketStatus> {
  const where = await locate(deps, input);
  const result = await deps.store.immediate(async (tx) => {
    const current = await tx.currentTicketAt(where.centre.id, where.counter.id);
    if (current) {
      throw new AppError('counter.has_current_ticket', `Counter ${where.counter.number} is still attending ticket ${current.number}.`);
    }
    const day = businessDay(deps.clock.now(), where.centre.timeZone);
    const next = pickNext(await tx.listTickets(where.centre.id, day, ['waiting']), where.counter);
    if (!next) throw new AppError('queue.empty', `No ticket is waiting for counter ${where.counter.number}.`);
    return transition(deps, tx, where, next, 'call');
  });
  const call = callOf(result.ticket, where.counter);
  deps.notifier.publish({ type: 'ticket:called', centreId: where.centre.id, payload: { ...result, call } });
  return { ticket: result.ticket, peopleAhead: 0 };
}

/** An action on the ticket the counter is attending (called or being served). */
async function actOnCurrent(deps: Deps, input: CounterActionInput, action: TicketAction): Promise<TicketStatus> {
  const where = await locate(deps, input);
  const result = await deps.store.immediate(async (tx) => {
    const current = await tx.currentTicketAt(where.centre.id, where.counter.id);
    if (!current) throw new AppError('counter.no_current_ticket', `Counter ${where.counter.number} is not attending any ticket.`);
    if (input.ticketId && input.ticketId !== current.id) {
      throw new AppError('counter.ticket_mismatch', `Counter ${where.counter.number} is attending ticket ${current.number}, not the one named.`);
    }
    return transition(deps, tx, where, current, action);
  });
  deps.notifier.publish({ type: 'ticket:updated', centreId: where.centre.id, payload: result });
  return { ticket: result.ticket, peopleAhead: 0 };
}

export const startServing = (deps: Deps, input: CounterActionInput) => actOnCurrent(deps, input, 'startServing');
export const finishTicket = (deps: Deps, input: CounterActionInput) => actOnCurrent(deps, input, 'finish');
export const markNoShow = (deps: Deps, input: CounterActionInput) => actOnCurrent(deps, input, 'noShow');

import type { Ticket, TicketStatus } from '../../protocol/index.ts';
import { changeTicket, fail, inCounterTx, locate, type OfficerAtCounter, type InTx, type TicketChangeResult } from './at-counter.ts';
import type { Deps } from '../kernel/ports.ts';
import { appointmentDue, callableDay, callsOfDay, needsHistory, pickNext } from '../queue/calling-policy.ts';
import { callCheck, holdCheck } from '../queue/counter.models.ts';
import { recallOrNoShow, type TicketAction } from '../queue/ticket.models.ts';
import { getTicketStatus } from '../tickets/tickets.usecases.ts';

/** How many of a counter's recent calls the weighted and interleaved rules look at. */
const HISTORY = 50;

/** Runs a ticket action at a counter: locate, then the transaction (which publishes on commit). */
async function atCounter(deps: Deps, input: OfficerAtCounter, body: (ctx: InTx) => Promise<TicketChangeResult>): Promise<TicketStatus> {
  const at = await locate(deps, input);
  const result = await inCounterTx(deps, at, body);
  // A transferred ticket waits again: answer with its new place and estimate.
  if (result.ticket.state === 'waiting') return getTicketStatus(deps, result.ticket.id);
  return { ticket: result.ticket, peopleAhead: 0, estimatedWaitMinutes: null };
}

function mayCall(ctx: InTx): void {
  const refused = callCheck(ctx.state, ctx.actor.staffId);
  if (refused) fail(refused, `Counter ${ctx.counter.number} cannot call now (${refused}).`);
}

function busy(ctx: InTx, current: Ticket): never {
  return fail('counter.has_current_ticket', `Counter ${ctx.counter.number} is still attending ticket ${current.number}.`);
}

async function mustBeFree(ctx: InTx): Promise<void> {
  const current = await ctx.tx.currentTicketAt(ctx.centre.id, ctx.counter.id);
  if (current) busy(ctx, current);
}

/** The ticket the counter attends; `ticketId`, when given, must name it (stale-screen guard). */
async function currentTicket(ctx: InTx, ticketId?: string): Promise<Ticket> {
  const refused = holdCheck(ctx.state, ctx.actor.staffId);
  if (refused) fail(refused, `Counter ${ctx.counter.number} is not held by this officer (${refused}).`);
  const current = await ctx.tx.currentTicketAt(ctx.centre.id, ctx.counter.id);
  if (!current) return fail('counter.no_current_ticket', `Counter ${ctx.counter.number} is not attending any ticket.`);
  if (ticketId && ticketId !== current.id) {
    fail('counter.ticket_mismatch', `Counter ${ctx.counter.number} is attending ticket ${current.number}, not the one named.`);
  }
  return current;
}

/** Calls the ticket the counter's calling policy picks. */
export function callNext(deps: Deps, input: OfficerAtCounter): Promise<TicketStatus> {
  return atCounter(deps, input, async (ctx) => {
    mayCall(ctx);
    const { settings, counter } = ctx;
    const policy = { counterId: counter.id, serviceIds: counter.serviceIds, weights: counter.weights, callOrder: counter.callOrder };
    const appointments = { maxInARow: settings.appointments.maxInARow, walkInWaitMs: settings.appointments.walkInWaitMinutes * 60_000 };
    const centrePolicy = { priority: settings.priorityPolicy, maxWaitMs: settings.maxWaitMinutes * 60_000, appointments };
    // The heads of the counter's queues (queueHeads), not every waiting ticket: one read, whatever the queue's length.
    const { current, heads } = await ctx.tx.queueHeads(ctx.centre.id, {
      counterId: counter.id,
      serviceIds: counter.serviceIds,
      day: callableDay(settings.carryOver, ctx.day),
    });
    if (current) busy(ctx, current);
    // The store reads the last 36 hours of calls; the rules count today's.
    const history =
      needsHistory(policy, centrePolicy) || appointmentDue(heads, ctx.now.getTime())
        ? callsOfDay(await ctx.tx.recentCallsAt(ctx.centre.id, counter.id, ctx.now.getTime() - 36 * 3_600_000, HISTORY), ctx.day, ctx.centre.timeZone)
        : [];
    const next = pickNext(heads, policy, centrePolicy, history, ctx.now.getTime());
    if (!next) return fail('queue.empty', `No ticket is waiting for counter ${counter.number}.`);
    return changeTicket(deps, ctx, next, 'call');
  });
}

/** Calls one ticket by id or by today's display number (e.g. a citizen at the wrong counter). */
export function callTicket(deps: Deps, input: OfficerAtCounter & { ticketId?: string; number?: string }): Promise<TicketStatus> {
  return atCounter(deps, input, async (ctx) => {
    mayCall(ctx);
    await mustBeFree(ctx);
    const ticket = input.ticketId
      ? await ctx.tx.getTicket(input.ticketId)
      : await ctx.tx.findTicketByNumber(ctx.centre.id, ctx.day, (input.number ?? '').trim().toUpperCase());
    if (!ticket || ticket.centreId !== ctx.centre.id) return fail('ticket.not_found', 'No such ticket today.');
    if (ticket.state !== 'waiting') fail('ticket.not_waiting', `Ticket ${ticket.number} is ${ticket.state}.`);
    return changeTicket(deps, ctx, ticket, 'call', { detail: { calledByNumber: true } });
  });
}

/** Repeats the call; past the centre's recall limit the ticket becomes a no-show instead. */
export function recallTicket(deps: Deps, input: OfficerAtCounter & { ticketId?: string }): Promise<TicketStatus> {
  return atCounter(deps, input, async (ctx) => {
    const current = await currentTicket(ctx, input.ticketId);
    const action = current.state === 'called' ? recallOrNoShow(current, ctx.settings.maxRecalls) : 'recall';
    return changeTicket(deps, ctx, current, action, {
      detail: action === 'noShow' ? { afterRecalls: current.recallCount } : { recall: current.recallCount + 1 },
    });
  });
}

const onCurrent =
  (action: TicketAction) =>
  (deps: Deps, input: OfficerAtCounter & { ticketId?: string }): Promise<TicketStatus> =>
    atCounter(deps, input, async (ctx) => changeTicket(deps, ctx, await currentTicket(ctx, input.ticketId), action));

export const startServing = onCurrent('startServing');
export const finishTicket = onCurrent('finish');
export const markNoShow = onCurrent('noShow');
export const parkTicket = onCurrent('park');

/** A parked citizen is back: call their ticket to this counter again. */
export function resumeTicket(deps: Deps, input: OfficerAtCounter & { ticketId: string }): Promise<TicketStatus> {
  return atCounter(deps, input, async (ctx) => {
    mayCall(ctx);
    await mustBeFree(ctx);
    const ticket = await ctx.tx.getTicket(input.ticketId);
    if (!ticket || ticket.centreId !== ctx.centre.id) return fail('ticket.not_found', `No ticket "${input.ticketId}".`);
    if (ticket.state !== 'parked') fail('ticket.not_parked', `Ticket ${ticket.number} is ${ticket.state}, not parked.`);
    return changeTicket(deps, ctx, ticket, 'resume', { detail: { parkedAt: ticket.counterId } });
  });
}

/**
 * Sends the current ticket to another service and/or counter. It goes back to waiting with its
 * original issue time, so it keeps its place instead of going to the back of the new queue.
 */
export function transferTicket(deps: Deps, input: OfficerAtCounter & { ticketId?: string; toServiceId?: string; toCounterId?: string }): Promise<TicketStatus> {
  return atCounter(deps, input, async (ctx) => {
    const current = await currentTicket(ctx, input.ticketId);
    if (input.toServiceId !== undefined) {
      const service = await ctx.tx.getService(ctx.centre.id, input.toServiceId);
      if (!service) fail('service.not_found', `No service "${input.toServiceId}".`);
      if (!service!.active) fail('service.inactive', `Service "${input.toServiceId}" is not in use.`);
    }
    if (input.toCounterId !== undefined) {
      const target = await ctx.tx.getCounter(ctx.centre.id, input.toCounterId);
      if (!target) fail('counter.not_found', `No counter "${input.toCounterId}".`);
      if (!target!.active) fail('counter.inactive', `Counter ${target!.number} is not in use.`);
    }
    return changeTicket(deps, ctx, current, 'transfer', {
      toServiceId: input.toServiceId,
      toCounterId: input.toCounterId ?? null,
      detail: {
        fromServiceId: current.serviceId,
        toServiceId: input.toServiceId ?? current.serviceId,
        toCounterId: input.toCounterId ?? null,
      },
    });
  });
}

import {
  AppError,
  maskDossierCode,
  type Call,
  type Centre,
  type CentreSettings,
  type Counter,
  type CounterState,
  type ErrorCode,
  type Ticket,
} from '../../protocol/index.ts';
import { commitChange } from '../kernel/changes.ts';
import { tellFinished } from '../kernel/ticket-subscribers.ts';
import { queueFigures, type QueueFigures } from '../tickets/queue-figures.ts';
import type { Deps, StaffActor } from '../kernel/ports.ts';
import { businessDay } from '../queue/business-day.ts';
import { applyAction, type TicketAction } from '../queue/ticket.models.ts';
import type { CentreConfig } from '../kernel/centre-config.ts';
import type { StoreWriteTx } from '../kernel/store.port.ts';

/** What every counter action knows before it starts. */
export interface AtCounter {
  centre: Centre;
  counter: Counter;
  settings: CentreSettings;
  actor: StaffActor;
}

/** ... and inside its transaction. */
export interface InTx extends AtCounter {
  tx: StoreWriteTx;
  state: CounterState;
  now: Date;
  day: string;
}

export interface OfficerAtCounter {
  centreId: string;
  counterId: string;
  actor: StaffActor;
}

export const fail = (code: ErrorCode, message: string): never => {
  throw new AppError(code, message);
};

export async function locate(deps: Deps, input: OfficerAtCounter): Promise<AtCounter> {
  // From this process's cache: the transaction checks the configuration's version again.
  const config = await deps.store.cachedConfig(input.centreId);
  if (!config) return fail('centre.not_found', `No centre "${input.centreId}".`);
  return { ...counterIn(config, input.counterId), actor: input.actor };
}

function counterIn(config: CentreConfig, counterId: string): Omit<AtCounter, 'actor'> & { state: CounterState } {
  const counter = config.counters.find((c) => c.id === counterId);
  if (!counter) return fail('counter.not_found', `No counter "${counterId}" in centre "${config.centre.id}".`);
  if (!counter.active) fail('counter.inactive', `Counter ${counter.number} is not in use.`);
  const state = config.states[counter.id] ?? { status: 'closed', staffId: null, openedAt: null };
  return { centre: config.centre, counter, settings: config.settings, state };
}

/** Runs `body` in one write transaction with the counter's configuration and state read inside the lock. */
export async function inCounterTx<T>(deps: Deps, at: AtCounter, body: (ctx: InTx) => Promise<T>): Promise<T> {
  return deps.store.runInTx({ centreId: at.centre.id }, async (tx) => {
    const now = deps.clock.now();
    const config = await tx.centreConfig(at.centre.id);
    if (!config) return fail('centre.not_found', `No centre "${at.centre.id}".`);
    const current = counterIn(config, at.counter.id);
    return body({ ...at, ...current, tx, now, day: businessDay(now, current.centre.timeZone) });
  });
}

export interface TicketChangeResult {
  ticket: Ticket;
  seq: number;
  figures: QueueFigures;
}

/**
 * Applies a life-cycle action to a ticket at this counter and writes it with its audit event; its
 * fact is published once the transaction commits, and a finish tells the modules' `finished`
 * subscribers (ratings: the counter's keypad is armed for the ticket) in this same transaction.
 */
export async function changeTicket(
  deps: Deps,
  ctx: InTx,
  ticket: Ticket,
  action: TicketAction,
  extra: { toServiceId?: string; toCounterId?: string | null; detail?: Record<string, unknown> } = {},
): Promise<TicketChangeResult> {
  const next = applyAction(ticket, action, {
    at: ctx.now,
    counterId: ctx.counter.id,
    staffId: ctx.actor.staffId,
    toServiceId: extra.toServiceId,
    toCounterId: extra.toCounterId,
  });
  if (!next) fail('ticket.invalid_transition', `Ticket ${ticket.number} is ${ticket.state}; cannot ${action}.`);
  const seq = await commitChange(deps, ctx.tx, {
    centreId: ctx.centre.id,
    before: ticket,
    after: next!,
    at: ctx.now,
    actorKind: 'staff',
    actorId: ctx.actor.staffId,
    counterId: ctx.counter.id,
    detail: extra.detail,
  });
  const figures = await queueFigures(ctx.tx, ctx.centre, ctx.settings, ctx.day);
  const result = { ticket: next!, seq, figures };
  ctx.tx.afterCommit(() => publishTicket(deps, ctx, result));
  if (next!.state === 'done') await tellFinished(deps, ctx.tx, { ticket: next!, counter: ctx.counter, settings: ctx.settings, at: ctx.now, day: ctx.day });
  return result;
}

export function callOf(ticket: Ticket, counter: Counter): Call {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    counterId: counter.id,
    counterNumber: counter.number,
    calledAt: ticket.calledAt ?? ticket.issuedAt,
    recall: ticket.recallCount > 0,
    // Displays are public: they get the code masked (issue #14, docs/dossiers.md).
    ...(ticket.dossierCode ? { dossierCode: maskDossierCode(ticket.dossierCode) } : {}),
  };
}

/** Publishes the fact of a ticket change: a call (to announce) or any other update. */
function publishTicket(deps: Deps, at: AtCounter, result: TicketChangeResult): void {
  const payload = { seq: result.seq, ticket: result.ticket, ...result.figures };
  if (result.ticket.state === 'called') {
    deps.notifier.publish({
      type: 'ticket:called',
      centreId: at.centre.id,
      payload: { ...payload, call: callOf(result.ticket, at.counter) },
    });
  } else {
    deps.notifier.publish({ type: 'ticket:updated', centreId: at.centre.id, payload });
  }
}

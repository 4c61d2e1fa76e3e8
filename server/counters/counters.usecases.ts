import type { CounterState, CounterView } from '../../protocol/index.ts';
import { changeTicket, fail, inCounterTx, locate, type AtCounter, type OfficerAtCounter, type InTx } from './at-counter.ts';
import { queueFigures } from '../tickets/queue-figures.ts';
import { officerNames, withOfficer } from '../kernel/officer-names.ts';
import type { Deps } from '../kernel/ports.ts';
import { CLOSED, decideCounter, type CounterCommand } from '../queue/counter.models.ts';

async function writeCounterState(deps: Deps, ctx: InTx, state: CounterState) {
  await ctx.tx.setCounterState(ctx.centre.id, ctx.counter.id, state);
  const seq = await ctx.tx.bumpSeq(ctx.centre.id);
  await ctx.tx.appendCounterEvent({
    id: deps.ids.newId(),
    centreId: ctx.centre.id,
    counterId: ctx.counter.id,
    seq,
    at: ctx.now.toISOString(),
    actorId: ctx.actor.staffId,
    fromStatus: ctx.state.status,
    toStatus: state.status,
    staffId: state.staffId,
  });
  const current = await ctx.tx.currentTicketAt(ctx.centre.id, ctx.counter.id);
  const view = withOfficer({ counter: ctx.counter, state, current }, await officerNames(ctx.tx, ctx.centre.id));
  return { seq, view, figures: await queueFigures(ctx.tx, ctx.centre, ctx.settings, ctx.day) };
}

function publishCounter(deps: Deps, at: AtCounter, r: Awaited<ReturnType<typeof writeCounterState>>): CounterView {
  deps.notifier.publish({ type: 'counter:updated', centreId: at.centre.id, payload: { seq: r.seq, view: r.view, ...r.figures } });
  return r.view;
}

/** Open, close, pause or resume a counter, as the officer asking. */
async function command(deps: Deps, input: OfficerAtCounter, cmd: CounterCommand): Promise<CounterView> {
  const at = await locate(deps, input);
  const result = await inCounterTx(deps, at, async (ctx) => {
    const staffId = ctx.actor.staffId;
    const outcome = decideCounter(cmd, {
      state: ctx.state,
      staffId,
      heldElsewhere: cmd === 'open' ? await otherCounterHeld(ctx) : null,
      hasCurrentTicket: (await ctx.tx.currentTicketAt(ctx.centre.id, ctx.counter.id)) !== null,
      at: ctx.now,
    });
    if (!outcome.ok) return fail(outcome.code, `Counter ${ctx.counter.number}: cannot ${cmd} (${outcome.code}).`);
    return writeCounterState(deps, ctx, outcome.state);
  });
  return publishCounter(deps, at, result);
}

async function otherCounterHeld(ctx: InTx): Promise<string | null> {
  const held = await ctx.tx.counterHeldBy(ctx.centre.id, ctx.actor.staffId);
  return held === ctx.counter.id ? null : held;
}

export const openCounter = (deps: Deps, input: OfficerAtCounter) => command(deps, input, 'open');
export const closeCounter = (deps: Deps, input: OfficerAtCounter) => command(deps, input, 'close');
export const pauseCounter = (deps: Deps, input: OfficerAtCounter) => command(deps, input, 'pause');
export const resumeCounter = (deps: Deps, input: OfficerAtCounter) => command(deps, input, 'resume');

/**
 * Admin only (checked by the route's permission): frees a counter whoever holds it. A ticket
 * being attended there goes back to its queue with its place kept, so the citizen is not lost.
 */
export async function forceCloseCounter(deps: Deps, input: OfficerAtCounter): Promise<CounterView> {
  const at = await locate(deps, input);
  const closed = await inCounterTx(deps, at, async (ctx) => {
    const current = await ctx.tx.currentTicketAt(ctx.centre.id, ctx.counter.id);
    // Published on commit, before the counter's own fact.
    if (current) await changeTicket(deps, ctx, current, 'requeue', { detail: { forceClosedBy: ctx.actor.staffId } });
    return writeCounterState(deps, ctx, CLOSED);
  });
  return publishCounter(deps, at, closed);
}

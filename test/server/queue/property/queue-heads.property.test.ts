import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../protocol/index.ts';
import { pickNext, queueHeads, type CounterPolicy } from '../../../../server/queue/calling-policy.ts';
import { actionsArb, centreArb } from './centre.arbitrary.ts';
import { simulate } from './simulator.ts';

/**
 * call-next reads only the heads of a counter's queues (issue #11): over random centres and days,
 * every call picks from `queueHeads(tickets)` exactly what it picks from all the tickets.
 */
type Heads = (tickets: readonly Ticket[], counter: CounterPolicy) => Ticket[];

function headsAgree(heads: Heads, numRuns: number) {
  fc.assert(
    fc.property(centreArb(), actionsArb(), (centre, actions) => {
      const run = simulate(centre, actions);
      for (const call of run.calls) {
        const { counter, nowMs, tickets } = call;
        const history = call.history;
        const all = pickNext(tickets, counter, centre.policy, history, nowMs);
        const fromHeads = pickNext(heads(tickets, counter), counter, centre.policy, history, nowMs);
        if (all?.id !== fromHeads?.id) throw new Error(`counter ${counter.counterId}: all → ${all?.number}, heads → ${fromHeads?.number}`);
      }
    }),
    { numRuns },
  );
}

describe('queue heads', () => {
  it('pickNext over the heads of the queues picks what it picks over every ticket', () => {
    headsAgree(queueHeads, 500);
  });

  it('is caught when a class of heads is left out (priority heads dropped)', () => {
    const normalOnly: Heads = (t, c) => queueHeads(t, c).filter((h) => h.priorityGroupId === null || h.targetCounterId !== null);
    expect(() => headsAgree(normalOnly, 3000)).toThrow(/Property failed/);
  });
});

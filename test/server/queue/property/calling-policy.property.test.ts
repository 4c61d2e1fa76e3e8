import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickNext, type PriorityPolicy } from '../../../../server/queue/calling-policy.ts';
import { applyAction } from '../../../../server/queue/ticket.models.ts';
import { actionsArb, centreArb } from './centre.arbitrary.ts';
import * as checks from './calling-policy.checks.ts';
import { eligibleAt, realEngine, simulate, type Engine } from './simulator.ts';

/**
 * Random centres (services, counters with random services, call orders and weights, a random
 * priority policy and maximum wait) run through random days of issues, calls at random counters,
 * finishes, transfers, parks, recalls and time passing — by the PURE core only (simulator.ts).
 * Each rule of DOMAIN.md "Calling" is judged on every callNext by calling-policy.checks.ts.
 */
const RUNS = 500;
const strict = fc.constant<PriorityPolicy>({ mode: 'strict' });
const interleaved = fc.integer({ min: 1, max: 4 }).map<PriorityPolicy>((normalPerPriority) => ({ mode: 'interleaved', normalPerPriority }));

function holds(check: checks.Check, engine: Engine = realEngine, priority?: fc.Arbitrary<PriorityPolicy>, numRuns = RUNS) {
  fc.assert(
    fc.property(centreArb({ priority }), actionsArb(), (centre, actions) => {
      const broken = check(simulate(centre, actions, engine), centre);
      if (broken) throw new Error(broken);
    }),
    { numRuns },
  );
}

describe('the calling policy, over random centres and days', () => {
  it('never calls a ticket twice: one counter at a time, never from a final state, served at most once', () => {
    holds(checks.neverCalledTwice);
  });

  it('calls only tickets the counter may call, and calls one whenever any is eligible', () => {
    holds(checks.onlyEligible);
  });

  it('strict: no normal ticket while an eligible priority ticket waits, unless one is overdue', () => {
    holds(checks.strictPriority, realEngine, strict);
  });

  it('no starvation: once a ticket has waited the maximum, no younger ticket is called before it where it is eligible', () => {
    holds(checks.noStarvation);
  });

  it('transfer keeps the place: a transferred ticket is not overtaken by a later ticket of its new service or at its new counter', () => {
    holds(checks.transferKeepsPlace);
  });

  it('interleaved: at least N normal calls between two priority calls at a counter whenever normal tickets wait', () => {
    holds(checks.interleavedSpacing, realEngine, interleaved);
  });

  it('interleaved: priority’s turn is honoured after N normal calls, and whenever no normal ticket waits', () => {
    holds(checks.interleavedTurn, realEngine, interleaved);
  });

  it('fifo counters call the oldest ticket of the class being served', () => {
    holds(checks.fifoOrder);
  });

  it('ordered counters call their first service that has anyone waiting', () => {
    holds(checks.orderedOrder);
  });
});

/**
 * Each property above must be able to fail: run it against a core broken on purpose and expect
 * fast-check to find a counterexample. (A property no bug can break tests nothing.)
 */
describe('the properties catch a broken core', () => {
  const pickWith = (pick: Engine['pick']): Engine => ({ ...realEngine, pick });
  const mutants: [string, checks.Check, Engine, fc.Arbitrary<PriorityPolicy>?][] = [
    ['a policy that ignores the maximum wait', checks.noStarvation, pickWith((c, k, p, h, n) => pickNext(c, k, { ...p, maxWaitMs: Infinity }, h, n))],
    [
      'a strict policy that only calls priority when no normal ticket waits',
      checks.strictPriority,
      pickWith((c, k, p, h, n) => pickNext(c, k, { ...p, priority: { mode: 'interleaved', normalPerPriority: 10_000 } }, h, n)),
      strict,
    ],
    [
      'an interleaved policy with N off by one',
      checks.interleavedSpacing,
      pickWith((c, k, p, h, n) =>
        pickNext(
          c,
          k,
          { ...p, priority: p.priority.mode === 'interleaved' ? { ...p.priority, normalPerPriority: p.priority.normalPerPriority - 1 } : p.priority },
          h,
          n,
        ),
      ),
      interleaved,
    ],
    [
      'an interleaved policy that never gives priority its turn',
      checks.interleavedTurn,
      pickWith((c, k, p, h, n) =>
        pickNext(
          c,
          k,
          p,
          h.map((x) => ({ ...x, priority: true })),
          n,
        ),
      ),
      interleaved,
    ],
    [
      'a ticket model that sends a transferred ticket to the back (new issue time)',
      checks.transferKeepsPlace,
      {
        ...realEngine,
        apply: (t, a, ctx) => {
          const next = applyAction(t, a, ctx);
          return next && a === 'transfer' ? { ...next, issuedAt: ctx.at.toISOString() } : next;
        },
      },
    ],
    [
      'a policy that lets any counter call a ticket sent to another counter',
      checks.onlyEligible,
      pickWith((c, k, p, h, n) =>
        pickNext(
          c.map((t) => ({ ...t, targetCounterId: null })),
          k,
          p,
          h,
          n,
        ),
      ),
    ],
    [
      'a policy that also calls tickets already called',
      checks.neverCalledTwice,
      pickWith((c, k, p, h, n) =>
        pickNext(
          c.map((t) => (t.state === 'called' ? { ...t, state: 'waiting' as const } : t)),
          k,
          p,
          h,
          n,
        ),
      ),
    ],
    [
      'a policy that ignores the fifo order',
      checks.fifoOrder,
      pickWith((c, k, p, h, n) => pickNext(c, k.callOrder === 'fifo' ? { ...k, callOrder: 'ordered' } : k, p, h, n)),
    ],
    [
      'a policy that ignores the ordered order',
      checks.orderedOrder,
      pickWith((c, k, p, h, n) => pickNext(c, k.callOrder === 'ordered' ? { ...k, callOrder: 'fifo' } : k, p, h, n)),
    ],
  ];

  it.each(mutants)('%s is caught', (_name, check, engine, priority) => {
    expect(() => holds(check, engine, priority, 3000)).toThrow(/Property failed/);
  });
});

/** The generated days must reach the situations the properties speak about, or they prove nothing. */
describe('the generated days are not vacuous', () => {
  it('reach overdue tickets, mixed priority queues, transfers, interleaving and every call order', () => {
    const seen = {
      calls: 0,
      overdue: 0,
      priorityAndNormal: 0,
      transferredWaiting: 0,
      sentHerePicked: 0,
      interleavedPriority: 0,
      fifo: 0,
      ordered: 0,
      weighted: 0,
    };
    for (const [centre, actions] of fc.sample(fc.tuple(centreArb(), actionsArb()), { numRuns: 200, seed: 20260316 })) {
      const run = simulate(centre, actions);
      for (const call of run.calls) {
        const eligible = eligibleAt(call);
        seen.calls++;
        if (eligible.some((t) => call.nowMs - run.issuedAtMs.get(t.id)! >= centre.policy.maxWaitMs)) seen.overdue++;
        if (eligible.some((t) => t.priorityGroupId) && eligible.some((t) => !t.priorityGroupId)) seen.priorityAndNormal++;
        if (eligible.some((t) => run.transferred.has(t.id))) seen.transferredWaiting++;
        if (call.picked?.targetCounterId === call.counter.counterId) seen.sentHerePicked++;
        if (centre.policy.priority.mode === 'interleaved' && call.picked?.priorityGroupId) seen.interleavedPriority++;
        if (call.picked) seen[call.counter.callOrder]++;
      }
    }
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(50);
  });
});

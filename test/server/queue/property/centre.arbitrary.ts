import fc from 'fast-check';
import type { CallOrder, CounterPolicy, PriorityPolicy } from '../../../../server/queue/calling-policy.ts';
import type { Action, SimCentre } from './simulator.ts';

const SERVICES = ['A', 'B', 'C', 'D'];

/** A random centre: 1–4 services; 1–5 counters, each with its own services, order and weights. */
export const centreArb = (options: { priority?: fc.Arbitrary<PriorityPolicy> } = {}): fc.Arbitrary<SimCentre> =>
  fc.integer({ min: 1, max: 4 }).chain((n) => {
    const services = SERVICES.slice(0, n);
    const counterArb = (i: number): fc.Arbitrary<CounterPolicy> =>
      fc.record({
        counterId: fc.constant(`quay-${i + 1}`),
        serviceIds: fc.shuffledSubarray(services, { minLength: 1 }),
        callOrder: fc.constantFrom<CallOrder>('fifo', 'ordered', 'weighted'),
        weights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }).map((ws) => Object.fromEntries(ws.map((w, j) => [services[j]!, w]))),
      });
    return fc.record({
      services: fc.constant(services),
      counters: fc.integer({ min: 1, max: 5 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => counterArb(i)))),
      policy: fc.record({
        priority:
          options.priority ??
          fc.oneof(
            fc.constant<PriorityPolicy>({ mode: 'strict' }),
            fc.integer({ min: 1, max: 4 }).map<PriorityPolicy>((normalPerPriority) => ({ mode: 'interleaved', normalPerPriority })),
          ),
        maxWaitMs: fc.integer({ min: 5, max: 90 }).map((m) => m * 60_000),
      }),
      maxRecalls: fc.integer({ min: 0, max: 3 }),
    });
  });

const idx = fc.nat({ max: 20 });

/** A random day at the centre: issues, calls at random counters, finishes, transfers, time passing. */
export const actionsArb = (maxLength = 160): fc.Arbitrary<Action[]> =>
  fc.array(
    fc.oneof(
      { weight: 30, arbitrary: fc.record({ kind: fc.constant('issue' as const), service: idx, priority: fc.nat({ max: 3 }).map((n) => n === 0) }) },
      { weight: 28, arbitrary: fc.record({ kind: fc.constant('callNext' as const), counter: idx }) },
      { weight: 16, arbitrary: fc.record({ kind: fc.constant('finish' as const), counter: idx }) },
      {
        weight: 8,
        arbitrary: fc.record({
          kind: fc.constant('transfer' as const),
          counter: idx,
          toService: fc.option(idx, { nil: null }),
          toCounter: fc.option(idx, { nil: null }),
        }),
      },
      { weight: 10, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 25 }) }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('recall' as const), counter: idx }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('noShow' as const), counter: idx }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('park' as const), counter: idx }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('resume' as const), counter: idx, pick: idx }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('requeue' as const), counter: idx }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('callNumber' as const), counter: idx, pick: idx }) },
    ),
    { minLength: 1, maxLength, size: 'max' },
  );

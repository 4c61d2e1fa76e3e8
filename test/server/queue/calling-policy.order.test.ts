import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../protocol/index.ts';
import { pickNext, weightedChoice, type PastCall } from '../../../server/queue/calling-policy.ts';
import { callInARow, centre, counter, T0, waiting } from './calling-policy.helpers.ts';

/** `n` tickets of a service, one a minute from minute `from`. */
const queueOf = (serviceId: string, n: number, from = 0): Ticket[] =>
  Array.from({ length: n }, (_, i) => waiting(`${serviceId}-${i + 1}`, serviceId, from + i));
const serviceOf = (id: string) => id.replace(/-\d+$/, '');
const NOW = T0 + 120 * 60_000;

describe('ordered: the first service in the counter’s list that has anyone waiting', () => {
  const c = counter(['tra-ket-qua', 'ho-tich', 'dat-dai'], { callOrder: 'ordered' });

  it('serves the first service until it is empty, then the next, even when those are older', () => {
    const queue = [...queueOf('dat-dai', 2, 0), ...queueOf('ho-tich', 2, 5), ...queueOf('tra-ket-qua', 2, 10)];
    expect(callInARow(queue, c, centre(), 6, NOW)).toEqual(['tra-ket-qua-1', 'tra-ket-qua-2', 'ho-tich-1', 'ho-tich-2', 'dat-dai-1', 'dat-dai-2']);
  });

  it('skips a service with nobody waiting', () => {
    const queue = [...queueOf('dat-dai', 1, 0), ...queueOf('ho-tich', 1, 5)];
    expect(pickNext(queue, c, centre(), [], NOW)?.id).toBe('ho-tich-1');
    expect(pickNext(queueOf('dat-dai', 1), c, centre(), [], NOW)?.id).toBe('dat-dai-1');
  });

  it('a newcomer to the first service goes before the rest at the next call', () => {
    const queue = [...queueOf('ho-tich', 3, 0)];
    const history: PastCall[] = [];
    expect(callInARow(queue.slice(0, 3), c, centre(), 1, NOW, history)).toEqual(['ho-tich-1']);
    const later = [...queue.slice(1), waiting('result', 'tra-ket-qua', 90)];
    expect(pickNext(later, c, centre(), history, NOW)?.id).toBe('result');
  });
});

describe('weighted: by the counter’s weights over its recent calls', () => {
  it('2:1 gives A A B A A B … over many calls', () => {
    const c = counter(['A', 'B'], { callOrder: 'weighted', weights: { A: 2 } });
    const calls = callInARow([...queueOf('A', 40), ...queueOf('B', 20)], c, centre(), 60, NOW).map(serviceOf);
    expect(calls).toEqual(Array.from({ length: 20 }, () => ['A', 'A', 'B']).flat());
  });

  it('1:2 (the heavier service listed second) gives B A B B A B …: two B for each A', () => {
    const c = counter(['A', 'B'], { callOrder: 'weighted', weights: { B: 2 } });
    const calls = callInARow([...queueOf('A', 20), ...queueOf('B', 40)], c, centre(), 30, NOW).map(serviceOf);
    expect(calls.slice(0, 8)).toEqual(['B', 'A', 'B', 'B', 'A', 'B', 'B', 'A']);
    // Every window of three consecutive calls holds exactly one A.
    for (let i = 0; i + 3 <= calls.length; i++) expect(calls.slice(i, i + 3).filter((s) => s === 'A')).toHaveLength(1);
  });

  it('2:1:1 gives A A B C A A B C …', () => {
    const c = counter(['A', 'B', 'C'], { callOrder: 'weighted', weights: { A: 2 } });
    const calls = callInARow([...queueOf('A', 20), ...queueOf('B', 10), ...queueOf('C', 10)], c, centre(), 40, NOW).map(serviceOf);
    expect(calls).toEqual(Array.from({ length: 10 }, () => ['A', 'A', 'B', 'C']).flat());
  });

  it('3:1 gives A A A B …', () => {
    const c = counter(['A', 'B'], { callOrder: 'weighted', weights: { A: 3 } });
    const calls = callInARow([...queueOf('A', 30), ...queueOf('B', 10)], c, centre(), 40, NOW).map(serviceOf);
    expect(calls).toEqual(Array.from({ length: 10 }, () => ['A', 'A', 'A', 'B']).flat());
  });

  it('missing weights count as 1: alternates, first service first', () => {
    const c = counter(['A', 'B'], { callOrder: 'weighted' });
    expect(callInARow([...queueOf('A', 3), ...queueOf('B', 3)], c, centre(), 6, NOW).map(serviceOf)).toEqual(['A', 'B', 'A', 'B', 'A', 'B']);
  });

  it('when a service runs dry the other one is served alone', () => {
    const c = counter(['A', 'B'], { callOrder: 'weighted', weights: { A: 2 } });
    const calls = callInARow([...queueOf('A', 2), ...queueOf('B', 5)], c, centre(), 7, NOW).map(serviceOf);
    expect(calls).toEqual(['A', 'A', 'B', 'B', 'B', 'B', 'B']);
  });

  it('within a service, oldest first', () => {
    const c = counter(['A', 'B'], { callOrder: 'weighted', weights: { A: 2 } });
    const queue = [waiting('a-late', 'A', 9), waiting('a-early', 'A', 1), waiting('b', 'B', 0)];
    expect(pickNext(queue, c, centre(), [], NOW)?.id).toBe('a-early');
  });

  it('weightedChoice looks only at the last (Σweights − 1) calls', () => {
    const c = counter(['A', 'B'], { callOrder: 'weighted', weights: { A: 2 } });
    const call = (serviceId: string): PastCall => ({ serviceId, priority: false });
    expect(weightedChoice(['A', 'B'], c, [])).toBe('A');
    expect(weightedChoice(['A', 'B'], c, [call('A')])).toBe('A');
    expect(weightedChoice(['A', 'B'], c, [call('A'), call('A')])).toBe('B');
    // Older calls (here 10 B's) are outside the window and do not matter.
    expect(weightedChoice(['A', 'B'], c, [call('A'), call('A'), ...Array.from({ length: 10 }, () => call('B'))])).toBe('B');
    expect(weightedChoice(['A', 'B'], c, [call('B'), call('A')])).toBe('A');
    // Only services that have someone waiting are candidates.
    expect(weightedChoice(['B'], c, [])).toBe('B');
  });
});

import { describe, expect, it } from 'vitest';
import type { Call } from '../../../../protocol/index.ts';
import { MAX_CATCH_UP, NewCalls } from '../../../../counter-display/display/announce/new-calls.ts';

let minute = 0;
const call = (number: string, counterId = 'quay-1', recall = false): Call => ({
  ticketId: `t-${number}`,
  number,
  serviceId: number.startsWith('B') ? 'b' : 'a',
  counterId,
  counterNumber: Number(counterId.slice(5)),
  calledAt: new Date(Date.UTC(2026, 10, 23, 2, minute++)).toISOString(),
  recall,
});
const numbers = (calls: Call[]) => calls.map((c) => `${c.number}${c.recall ? '*' : ''}`);

describe('NewCalls', () => {
  it('does not announce the calls a display finds when it opens', () => {
    const watch = new NewCalls();
    expect(watch.take([call('A002'), call('A001')])).toEqual([]);
  });

  it('announces each new call once, and a recall (a new call time) again', () => {
    const watch = new NewCalls();
    const a1 = call('A001');
    watch.take([a1]);
    const a2 = call('A002');
    expect(numbers(watch.take([a2, a1]))).toEqual(['A002']);
    expect(watch.take([a2, a1])).toEqual([]);
    const recall = { ...a1, calledAt: call('x').calledAt, recall: true };
    expect(numbers(watch.take([recall, a2, a1]))).toEqual(['A001*']);
  });

  it('after an outage: the calls made meanwhile, oldest first, at most a few', () => {
    const watch = new NewCalls();
    const a1 = call('A001');
    watch.take([a1]);
    const meanwhile = ['A002', 'A003', 'A004', 'A005', 'A006'].map((n) => call(n)).reverse(); // newest first
    const said = watch.take([...meanwhile, a1]);
    expect(said).toHaveLength(MAX_CATCH_UP);
    expect(numbers(said)).toEqual(['A004', 'A005', 'A006']);
  });

  it('only what this display shows', () => {
    const watch = new NewCalls();
    watch.take([]);
    const shown = (c: Call) => c.counterId === 'quay-2';
    expect(numbers(watch.take([call('A001', 'quay-1'), call('B001', 'quay-2')], shown))).toEqual(['B001']);
  });
});

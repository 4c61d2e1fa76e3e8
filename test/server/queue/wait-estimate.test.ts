import { describe, expect, it } from 'vitest';
import {
  averageServiceMinutes,
  estimateWaitMinutes,
  MAX_SERVICE_MINUTES,
  MIN_SERVICE_MINUTES,
  priorityPeopleAhead,
} from '../../../server/queue/wait-estimate.ts';

const min = (m: number) => m * 60_000;
const estimate = (peopleAhead: number, recentServiceMs: number[], openCounters: number, defaultServiceMinutes = 8) =>
  estimateWaitMinutes({ peopleAhead, recentServiceMs, openCounters, defaultServiceMinutes });

describe('averageServiceMinutes', () => {
  it('is the centre’s default with no history', () => {
    expect(averageServiceMinutes([], 8)).toBe(8);
  });

  it('is the mean of the recent services, in minutes', () => {
    expect(averageServiceMinutes([min(5), min(7)], 8)).toBe(6);
    expect(averageServiceMinutes([min(4), min(5), min(9)], 8)).toBe(6);
    expect(averageServiceMinutes([90_000], 8)).toBe(1.5);
  });

  it(`clamps the mean to [${MIN_SERVICE_MINUTES}, ${MAX_SERVICE_MINUTES}] minutes`, () => {
    expect(averageServiceMinutes([10_000, 20_000], 8)).toBe(1);
    expect(averageServiceMinutes([min(60 * 5)], 8)).toBe(60);
    // One forgotten "finish" among short services: the mean, not each one, is clamped.
    expect(averageServiceMinutes([min(4), min(4), min(4), min(148)], 8)).toBe(40);
  });
});

describe('estimateWaitMinutes = ceil(peopleAhead × average ÷ openCounters)', () => {
  it('is null when no open counter serves the service, whatever the queue', () => {
    expect(estimate(0, [], 0)).toBeNull();
    expect(estimate(12, [min(5)], 0)).toBeNull();
  });

  it('is 0 with nobody ahead and a counter open', () => {
    expect(estimate(0, [min(30)], 1)).toBe(0);
  });

  it('uses the default until there is history', () => {
    expect(estimate(3, [], 1)).toBe(24); // 3 × 8 ÷ 1
    expect(estimate(3, [], 2)).toBe(12); // 3 × 8 ÷ 2
    expect(estimate(3, [], 2, 5)).toBe(8); // ceil(3 × 5 ÷ 2 = 7.5)
  });

  it('with history: hand-computed cases', () => {
    expect(estimate(4, [min(5), min(7)], 1)).toBe(24); // 4 × 6
    expect(estimate(4, [min(5), min(7)], 3)).toBe(8); // 4 × 6 ÷ 3
    expect(estimate(5, [min(4), min(5)], 2)).toBe(12); // ceil(5 × 4.5 ÷ 2 = 11.25)
    expect(estimate(1, [90_000], 4)).toBe(1); // ceil(1 × 1.5 ÷ 4 = 0.375)
    expect(estimate(10, [min(600)], 1)).toBe(600); // average clamped to 60
  });

  it('never grows when a counter opens, never shrinks when someone joins ahead', () => {
    for (let people = 0; people < 20; people++) {
      for (let open = 1; open < 6; open++) {
        expect(estimate(people, [min(7)], open + 1)!).toBeLessThanOrEqual(estimate(people, [min(7)], open)!);
        expect(estimate(people + 1, [min(7)], open)!).toBeGreaterThanOrEqual(estimate(people, [min(7)], open)!);
      }
    }
  });
});

describe('priorityPeopleAhead (issue #15)', () => {
  it('strict: only the priority tickets before it, however many ordinary ones wait', () => {
    expect(priorityPeopleAhead({ mode: 'strict' }, { priorityEarlier: 0, normalWaiting: 12 })).toBe(0);
    expect(priorityPeopleAhead({ mode: 'strict' }, { priorityEarlier: 2, normalWaiting: 12 })).toBe(2);
  });

  it('interleaved: those, and up to N ordinary tickets before each priority call, its own included', () => {
    const every3 = { mode: 'interleaved', normalPerPriority: 3 } as const;
    expect(priorityPeopleAhead(every3, { priorityEarlier: 0, normalWaiting: 2 })).toBe(2);
    expect(priorityPeopleAhead(every3, { priorityEarlier: 0, normalWaiting: 12 })).toBe(3);
    expect(priorityPeopleAhead(every3, { priorityEarlier: 1, normalWaiting: 12 })).toBe(1 + 6);
    expect(priorityPeopleAhead(every3, { priorityEarlier: 0, normalWaiting: 0 })).toBe(0);
  });
});

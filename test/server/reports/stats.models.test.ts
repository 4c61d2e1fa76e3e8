import { describe, expect, it } from 'vitest';
import {
  addDuration,
  addToHistogram,
  distribution,
  durationStats,
  emptyDurations,
  histogramPercentile,
  mergeDurations,
  nearestRank,
  share,
  type MinuteHistogram,
} from '../../../server/reports/stats.models.ts';

const min = (m: number) => m * 60_000;

describe('nearestRank', () => {
  // Hand-computed: n = 10, p50 → rank ⌈5⌉ = 5, p90 → rank ⌈9⌉ = 9, p100 → 10.
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('picks the value at rank ⌈p·n⌉, never an interpolation', () => {
    expect(nearestRank(ten, 50)).toBe(5);
    expect(nearestRank(ten, 90)).toBe(9);
    expect(nearestRank(ten, 100)).toBe(10);
    expect(nearestRank(ten, 0)).toBe(1);
  });

  it('rounds the rank up on odd sizes', () => {
    // n = 5: p50 → ⌈2.5⌉ = 3rd; p90 → ⌈4.5⌉ = 5th.
    expect(nearestRank([3, 8, 20, 21, 40], 50)).toBe(20);
    expect(nearestRank([3, 8, 20, 21, 40], 90)).toBe(40);
    // n = 4: p50 → 2nd (not the mean of 2nd and 3rd).
    expect(nearestRank([10, 20, 30, 40], 50)).toBe(20);
  });

  it('is not fooled by floating point (0.07 × 100 is 7.000000000000001)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(hundred, 7)).toBe(7);
    expect(histogramPercentile(Object.fromEntries(hundred.map((m) => [m, 1])), 7)).toBe(7);
  });

  it('answers null for no values and the value itself for one', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 90)).toBe(7);
  });
});

describe('minute histograms', () => {
  it('truncates to the minute and agrees with nearestRank of the truncated values', () => {
    const durations = [min(0.5), min(1.2), min(1.9), min(4), min(4.99), min(12), min(30.5)];
    const h: MinuteHistogram = {};
    for (const d of durations) addToHistogram(h, d);
    expect(h).toEqual({ 0: 1, 1: 2, 4: 2, 12: 1, 30: 1 });
    const minutes = durations.map((d) => Math.floor(d / 60_000)).sort((a, b) => a - b);
    for (const p of [0, 10, 50, 75, 90, 99, 100]) expect(histogramPercentile(h, p)).toBe(nearestRank(minutes, p));
    // n = 7: p50 → 4th = 4 min; p90 → ⌈6.3⌉ = 7th = 30 min.
    expect(histogramPercentile(h, 50)).toBe(4);
    expect(histogramPercentile(h, 90)).toBe(30);
  });

  it('counts negative durations (clock skew) as 0 and caps very long ones', () => {
    const h: MinuteHistogram = {};
    addToHistogram(h, -5_000);
    addToHistogram(h, min(10_000));
    expect(h).toEqual({ 0: 1, 600: 1 });
  });

  it('is null when empty', () => {
    expect(histogramPercentile({}, 50)).toBeNull();
  });

  it('sorts into distribution buckets [0,5) [5,10) … [120,∞)', () => {
    const h: MinuteHistogram = { 0: 2, 4: 1, 5: 3, 29: 1, 30: 1, 119: 1, 120: 4, 600: 1 };
    expect(distribution(h)).toEqual([3, 3, 0, 0, 1, 1, 0, 0, 1, 5]);
    expect(distribution(h, [0, 30])).toEqual([7, 7]);
  });
});

describe('durationStats', () => {
  it('gives exact mean and max, nearest-rank minutes for p50/p90, and merges like one set', () => {
    // Waits of 2, 3, 3, 8 and 20 min 30 s: mean = 36.5 / 5 = 7.3; p50 = 3rd = 3; p90 = 5th = 20.
    const a = emptyDurations();
    for (const m of [2, 3, 3]) addDuration(a, min(m));
    const b = emptyDurations();
    for (const m of [8, 20.5]) addDuration(b, min(m));
    const merged = mergeDurations(mergeDurations(emptyDurations(), a), b);
    expect(durationStats(merged)).toEqual({
      count: 5,
      meanMinutes: 7.3,
      p50Minutes: 3,
      p90Minutes: 20,
      maxMinutes: 20.5,
      distribution: [3, 1, 0, 0, 1, 0, 0, 0, 0, 0],
    });
  });

  it('is all null with no durations', () => {
    expect(durationStats(emptyDurations())).toMatchObject({ count: 0, meanMinutes: null, p50Minutes: null, p90Minutes: null, maxMinutes: null });
  });
});

describe('share', () => {
  it('is a fraction with four decimals, null over nothing', () => {
    expect(share(2, 3)).toBe(0.6667);
    expect(share(0, 5)).toBe(0);
    expect(share(1, 0)).toBeNull();
  });
});

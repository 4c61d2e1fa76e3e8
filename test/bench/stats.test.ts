import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats.ts';

describe('percentile (nearest rank)', () => {
  // The worked example of the nearest-rank method: ranks ⌈p/100 · 5⌉.
  const five = [15, 20, 35, 40, 50];

  it('picks the value at rank ⌈p·n/100⌉', () => {
    expect(percentile(five, 5)).toBe(15); // rank 1
    expect(percentile(five, 30)).toBe(20); // rank 2 (1.5 → 2)
    expect(percentile(five, 40)).toBe(20); // rank 2 exactly
    expect(percentile(five, 50)).toBe(35); // rank 3 (2.5 → 3)
    expect(percentile(five, 100)).toBe(50); // rank 5
  });

  it('gives the minimum for p = 0', () => {
    expect(percentile(five, 0)).toBe(15);
  });

  it('works on ten values', () => {
    const ten = [3, 6, 7, 8, 8, 10, 13, 15, 16, 20];
    expect(percentile(ten, 25)).toBe(7); // rank 3 (2.5 → 3)
    expect(percentile(ten, 50)).toBe(8); // rank 5
    expect(percentile(ten, 75)).toBe(15); // rank 8 (7.5 → 8)
    expect(percentile(ten, 99)).toBe(20); // rank 10 (9.9 → 10)
  });

  it('does not round an exact rank up through floating-point error', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 7)).toBe(7); // 0.07 * 100 would be 7.000000000000001
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 99.5)).toBe(100);
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(thousand, 16.1)).toBe(161); // 16.1 * 1000 / 100 is 161.00000000000003
  });

  it('sorts numerically and leaves the input alone', () => {
    const input = [100, 9, 10];
    expect(percentile(input, 50)).toBe(10); // a string sort would give 100
    expect(input).toEqual([100, 9, 10]);
  });

  it('rejects an empty list and p outside [0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports count, min, p50, p99, max and mean', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, min: 1, p50: 2, p99: 4, max: 4, mean: 2.5 });
  });
});

/**
 * Nearest-rank percentile: the smallest value such that at least p % of the values are ≤ it.
 * Always returns one of the observed values (no interpolation), so p99 of a latency run is a
 * latency some request really had. p = 0 gives the minimum.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty list');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(sorted.length, p) - 1]!;
}

/** 1-based rank ⌈p/100 · n⌉, at least 1. */
function nearestRank(n: number, p: number): number {
  // p * n first: 0.07 * 100 is 7.000000000000001 in floating point, and its ceil would be 8.
  // The epsilon absorbs the same error for fractional p (16.1 * 1000 / 100 is 161.00000000000003).
  return Math.max(1, Math.ceil((p * n) / 100 - 1e-9));
}

export interface LatencySummary {
  count: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    min: percentile(sorted, 0),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}

/** Rounds for tables: latencies to 0.01 ms, rates to whole units. */
export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

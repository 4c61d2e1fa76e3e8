/**
 * The arithmetic of the reports: nearest-rank percentiles, minute histograms and the
 * distribution buckets managers see. Pure: no clock, no I/O (docs/reports.md, "Definitions").
 *
 * Durations are kept in two forms. Exact sums and maxima (ms) give the mean and the maximum; a
 * histogram of whole minutes gives the percentiles and the distribution. A year of history then
 * merges as a few thousand small histograms instead of a million durations, and the answer is the
 * same whether it came from the daily rollups or from the tickets themselves.
 */

export const MINUTE_MS = 60_000;
/** Durations of this many minutes or more share the last histogram slot (the maximum stays exact). */
export const HISTOGRAM_CAP_MINUTES = 600;

/** Whole minutes (truncated) → how many durations; sparse, so it stays small in a rollup row. */
export type MinuteHistogram = Record<number, number>;

/**
 * Nearest-rank percentile of ascending `sorted` values: the smallest value with at least p % of
 * the values at or below it, i.e. the value at rank ⌈p/100 × n⌉ (rank 1 for p = 0). It is always
 * one of the values, never an interpolation. Null for no values.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(rankOf(p, sorted.length), sorted.length) - 1]!;
}

/**
 * 1-based rank ⌈p/100 · n⌉, at least 1. p · n first, less a hair: 0.07 · 100 is
 * 7.000000000000001 in floating point, whose ceiling would be 8.
 */
const rankOf = (p: number, n: number) => Math.max(1, Math.ceil((p * n) / 100 - 1e-9));

/** The whole minute a duration falls in (negative clock skew counts as 0; capped). */
export function minuteOf(ms: number): number {
  return Math.min(HISTOGRAM_CAP_MINUTES, Math.max(0, Math.floor(ms / MINUTE_MS)));
}

export function addToHistogram(histogram: MinuteHistogram, ms: number, count = 1): MinuteHistogram {
  const m = minuteOf(ms);
  histogram[m] = (histogram[m] ?? 0) + count;
  return histogram;
}

/** Adds `from` into `into` (mutates and returns `into`). */
export function mergeHistogram(into: MinuteHistogram, from: Readonly<MinuteHistogram>): MinuteHistogram {
  // for…in over integer keys: a year of rollups merges tens of thousands of these.
  for (const minute in from) into[minute as unknown as number] = (into[minute as unknown as number] ?? 0) + from[minute as unknown as number]!;
  return into;
}

/** Nearest-rank percentile over a minute histogram: `nearestRank` of the truncated minutes. */
export function histogramPercentile(histogram: Readonly<MinuteHistogram>, p: number): number | null {
  const slots = Object.entries(histogram)
    .map(([m, n]) => [Number(m), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = slots.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const rank = rankOf(p, total);
  let seen = 0;
  for (const [minute, n] of slots) {
    seen += n;
    if (seen >= rank) return minute;
  }
  return slots.at(-1)![0];
}

/**
 * The distribution shown beside each table: lower bounds in minutes; the last bucket is open
 * ("120 min and more"). Fine near the common waits, coarse in the tail.
 */
export const DISTRIBUTION_EDGES: readonly number[] = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120];

/** Counts per bucket of `edges` (each bucket is [edge, next edge) in whole minutes). */
export function distribution(histogram: Readonly<MinuteHistogram>, edges: readonly number[] = DISTRIBUTION_EDGES): number[] {
  const counts = edges.map(() => 0);
  for (const [m, n] of Object.entries(histogram)) {
    const minute = Number(m);
    let i = edges.length - 1;
    while (i > 0 && minute < edges[i]!) i--;
    counts[i]! += n;
  }
  return counts;
}

/** What the rollups keep per group for one kind of duration. */
export interface DurationAccumulator {
  count: number;
  sumMs: number;
  maxMs: number;
  histogram: MinuteHistogram;
}

export const emptyDurations = (): DurationAccumulator => ({ count: 0, sumMs: 0, maxMs: 0, histogram: {} });

export function addDuration(acc: DurationAccumulator, ms: number): DurationAccumulator {
  const clamped = Math.max(0, ms);
  acc.count += 1;
  acc.sumMs += clamped;
  acc.maxMs = Math.max(acc.maxMs, clamped);
  addToHistogram(acc.histogram, clamped);
  return acc;
}

export function mergeDurations(into: DurationAccumulator, from: Readonly<DurationAccumulator>): DurationAccumulator {
  into.count += from.count;
  into.sumMs += from.sumMs;
  into.maxMs = Math.max(into.maxMs, from.maxMs);
  mergeHistogram(into.histogram, from.histogram);
  return into;
}

/** What a report shows for a set of durations; minutes, null when there are none. */
export interface DurationStats {
  count: number;
  /** Exact mean, one decimal. */
  meanMinutes: number | null;
  /** Nearest-rank, in whole minutes (a p50 of 7 means the median lies in [7, 8) min). */
  p50Minutes: number | null;
  p90Minutes: number | null;
  /** Exact maximum, one decimal. */
  maxMinutes: number | null;
  /** Counts per DISTRIBUTION_EDGES bucket. */
  distribution: number[];
}

const oneDecimal = (minutes: number) => Math.round(minutes * 10) / 10;

export function durationStats(acc: Readonly<DurationAccumulator>): DurationStats {
  const none = acc.count === 0;
  return {
    count: acc.count,
    meanMinutes: none ? null : oneDecimal(acc.sumMs / acc.count / MINUTE_MS),
    p50Minutes: histogramPercentile(acc.histogram, 50),
    p90Minutes: histogramPercentile(acc.histogram, 90),
    maxMinutes: none ? null : oneDecimal(acc.maxMs / MINUTE_MS),
    distribution: distribution(acc.histogram),
  };
}

/** A share as a fraction 0–1 with four decimals; null when the denominator is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

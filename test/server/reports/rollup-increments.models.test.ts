import { describe, expect, it } from 'vitest';
import { carriesDurations, rollupIncrements, withStoredHistograms } from '../../../server/reports/rollup-increments.models.ts';
import type { RollupDelta } from '../../../server/reports/rollup.models.ts';
import { durationStats } from '../../../server/reports/stats.models.ts';

const min = (m: number) => m * 60_000;
const key = (counterId = 'quay-1', staffId = 'lan') => ({ businessDay: '2026-03-16', serviceId: 'ho-tich', counterId, staffId });

describe('rollupIncrements', () => {
  it('turns a change’s deltas into rows of increments with one-sample durations', () => {
    const [row, ...rest] = rollupIncrements([{ key: key(), served: 1, serviceMs: min(7) + 30_000 }]);
    expect(rest).toEqual([]);
    expect(row).toEqual({
      ...key(),
      issued: 0,
      served: 1,
      noShow: 0,
      transferred: 0,
      expired: 0,
      wait: { count: 0, sumMs: 0, maxMs: 0, histogram: {} },
      service: { count: 1, sumMs: min(7) + 30_000, maxMs: min(7) + 30_000, histogram: { 7: 1 } },
    });
  });

  it('adds up deltas of the same row, so the store writes each row once', () => {
    const deltas: RollupDelta[] = [
      { key: key(), waitMs: min(3) },
      { key: key(), waitMs: min(12), noShow: 1 },
      { key: key('', ''), issued: 1 },
    ];
    const rows = rollupIncrements(deltas);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ noShow: 1, wait: { count: 2, sumMs: min(15), maxMs: min(12), histogram: { 3: 1, 12: 1 } } });
    expect(rows[1]).toMatchObject({ counterId: '', issued: 1, wait: { count: 0 } });
  });
});

describe('carriesDurations', () => {
  it('is true only when a wait or a service time is added', () => {
    const [issue] = rollupIncrements([{ key: key(), issued: 1 }]);
    const [wait] = rollupIncrements([{ key: key(), waitMs: 0 }]);
    const [served] = rollupIncrements([{ key: key(), served: 1, serviceMs: min(2) }]);
    const [servedUntimed] = rollupIncrements([{ key: key(), served: 1 }]);
    expect([issue, wait, served, servedUntimed].map((r) => carriesDurations(r!))).toEqual([false, true, true, false]);
  });
});

describe('withStoredHistograms', () => {
  it('merges the stored histograms into the increment’s, minute by minute', () => {
    const [row] = rollupIncrements([{ key: key(), waitMs: min(5) + 1 }]);
    const merged = withStoredHistograms(row!, { wait: { 5: 2, 20: 1 }, service: { 8: 4 } });
    expect(merged.wait.histogram).toEqual({ 5: 3, 20: 1 });
    expect(merged.service.histogram).toEqual({ 8: 4 });
    // Counts, sums and maxima stay increments: the store adds those in SQL.
    expect(merged.wait).toMatchObject({ count: 1, sumMs: min(5) + 1, maxMs: min(5) + 1 });
    expect(merged.service).toMatchObject({ count: 0, sumMs: 0, maxMs: 0 });
  });

  it('keeps the increment’s histograms for a row not stored yet, and never mutates the increment', () => {
    const [row] = rollupIncrements([{ key: key(), waitMs: min(9) }]);
    const before = structuredClone(row);
    expect(withStoredHistograms(row!, null).wait.histogram).toEqual({ 9: 1 });
    withStoredHistograms(row!, { wait: { 9: 5 }, service: {} });
    expect(row).toEqual(before);
  });

  it('gives the percentiles of all the row’s durations, not only the new one', () => {
    // Stored: waits of 2, 4 and 30 min; the new one 40 min. Median of four by nearest rank: 4.
    const [row] = rollupIncrements([{ key: key(), waitMs: min(40) }]);
    const merged = withStoredHistograms(row!, { wait: { 2: 1, 4: 1, 30: 1 }, service: {} });
    const total = { ...merged.wait, count: 4 };
    expect(durationStats(total)).toMatchObject({ p50Minutes: 4, p90Minutes: 40 });
  });
});

/**
 * A ticket change's rollup increments as the store adds them (docs/reports.md, "Rollups"). Pure.
 *
 * The store adds counts and duration sums and keeps the larger maximum in SQL; minute histograms
 * are JSON text, which no portable SQL merges. So the use case reads the stored histograms of the
 * rows whose durations change, merges them here, and the store writes them back whole, all in the
 * ticket change's own transaction (its write lock keeps the read valid until the write).
 */
import type { RollupHistograms } from './reports.port.ts';
import { foldDeltas } from './rollup-rebuild.models.ts';
import type { RollupDelta } from './rollup.models.ts';
import { mergeHistogram, type DurationAccumulator } from './stats.models.ts';
import type { DailyRollupRow } from './time-summary.models.ts';

/** The increments of a change as rollup rows, one per key (what a rebuild would add for it). */
export const rollupIncrements = (deltas: readonly RollupDelta[]): DailyRollupRow[] => foldDeltas(deltas);

/** Whether an increment adds a duration, so its row's stored histograms must be merged first. */
export const carriesDurations = (row: DailyRollupRow): boolean => row.wait.count + row.service.count > 0;

const withHistogram = (acc: DurationAccumulator, stored: RollupHistograms['wait'] | undefined): DurationAccumulator => ({
  ...acc,
  histogram: stored === undefined ? { ...acc.histogram } : mergeHistogram({ ...acc.histogram }, stored),
});

/**
 * The increment with its histograms merged with the row's stored ones (null: no row yet): the
 * histograms the row has after the addition. Counts, sums and maxima stay increments.
 */
export function withStoredHistograms(row: DailyRollupRow, stored: RollupHistograms | null): DailyRollupRow {
  return { ...row, wait: withHistogram(row.wait, stored?.wait), service: withHistogram(row.service, stored?.service) };
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { rollupIncrements, withStoredHistograms } from '../../../server/reports/rollup-increments.models.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import { HCM, hcmCentre } from '../../fixtures/centres.ts';

/**
 * The SQLite ReportStore's part of the live rollups: plain rows in and out. Counts, sums and
 * maxima add up in SQL; histograms are written as given (the use case merged them).
 */
const DAY = '2026-03-16';
const key = { businessDay: DAY, serviceId: 'ho-tich', counterId: 'quay-1', staffId: 'lan' };
const min = (m: number) => m * 60_000;

let store: Store;
beforeEach(async () => {
  store = await createSqliteStore({ filename: ':memory:' });
  await installCentre(store, hcmCentre);
});
afterEach(() => store.close());

const add = (rows: ReturnType<typeof rollupIncrements>) => store.runInTx({ centreId: HCM }, (tx) => tx.addToRollups(HCM, rows, []));

describe('report_daily through the ReportStore', () => {
  it('has no histograms for a row not written yet, then reads back what was written', async () => {
    expect(await store.rollupHistograms(HCM, key)).toBeNull();
    await add(rollupIncrements([{ key, waitMs: min(6) }]));
    expect(await store.rollupHistograms(HCM, key)).toEqual({ wait: { 6: 1 }, service: {} });
  });

  it('adds counts and sums, keeps the larger maximum, and replaces only the histograms of durations added', async () => {
    await add(rollupIncrements([{ key, waitMs: min(6) }]));
    await add(rollupIncrements([{ key, served: 1, serviceMs: min(3) }]));
    const stored = await store.rollupHistograms(HCM, key);
    await add([withStoredHistograms(rollupIncrements([{ key, waitMs: min(2) }])[0]!, stored)]);
    const [row] = await store.readDailyRollups(HCM, DAY, DAY);
    expect(row).toMatchObject({ ...key, served: 1 });
    expect(row!.wait).toEqual({ count: 2, sumMs: min(8), maxMs: min(6), histogram: { 2: 1, 6: 1 } });
    // The service histogram was not in the last increment's durations: left as stored.
    expect(row!.service).toEqual({ count: 1, sumMs: min(3), maxMs: min(3), histogram: { 3: 1 } });
  });
});

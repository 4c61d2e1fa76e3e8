import { describe, expect, it } from 'vitest';
import type { RatingGrade } from '../../../protocol/index.ts';
import { addDays } from '../../../server/reports/periods.models.ts';
import { RATINGS_SETTLE_DAYS, ratingSummary } from '../../../server/reports/rating-report.usecases.ts';
import { rebuildRollups } from '../../../server/reports/rollups.usecases.ts';
import { HCM } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

const TODAY = '2026-03-31';
let n = 0;

async function rate(deps: TestDeps, businessDay: string, grade: RatingGrade, staffId = 'lan') {
  const id = `r${++n}`;
  const at = Date.parse(`${businessDay}T09:00:00+07:00`);
  await deps.store.runInTx({ centreId: HCM }, (tx) =>
    tx.insertRating({
      id,
      centreId: HCM,
      ticketId: `t-${id}`,
      counterId: 'quay-1',
      staffId,
      serviceId: 'ho-tich',
      businessDay,
      level: 1,
      scale: 4,
      grade,
      satisfied: grade === 'very_satisfied' || grade === 'satisfied',
      source: 'api',
      idempotencyKey: `api:key-${id}`,
      pressedAtMs: at,
      createdAtMs: at,
    }),
  );
}

const summary = async (deps: TestDeps) =>
  (await ratingSummary(deps, HCM, { from: '2026-03-01', to: TODAY, groupBy: 'day' })).groups.map((g) => [g.key, g.rated]);

describe('the rating rollup of settled days', () => {
  it(`sums days older than ${RATINGS_SETTLE_DAYS} days once, and the last days live`, async () => {
    const deps = await makeDeps({ at: `${TODAY}T15:00:00+07:00` });
    const settled = addDays(TODAY, -RATINGS_SETTLE_DAYS); // 2026-03-21
    await rate(deps, '2026-03-05', 'very_satisfied');
    await rate(deps, settled, 'satisfied');
    await rate(deps, addDays(settled, 1), 'dissatisfied');
    await rate(deps, TODAY, 'neutral');
    expect(await summary(deps)).toEqual([
      ['2026-03-05', 1],
      [settled, 1],
      ['2026-03-22', 1],
      [TODAY, 1],
    ]);
    expect(await deps.store.ratingsRolledThrough(HCM)).toBe(settled);
    expect((await deps.store.rolledRatingCounts(HCM, '2026-03-01', TODAY)).map((r) => r.businessDay)).toEqual(['2026-03-05', settled]);

    // A rating of a recent day still counts at once.
    await rate(deps, addDays(settled, 1), 'satisfied');
    expect((await summary(deps)).find(([day]) => day === '2026-03-22')).toEqual(['2026-03-22', 2]);

    // One for a settled day (the rules never let that happen) stays out until a rebuild.
    await rate(deps, '2026-03-05', 'satisfied');
    expect((await summary(deps))[0]).toEqual(['2026-03-05', 1]);
    await rebuildRollups(deps.store, deps.clock, HCM);
    expect((await summary(deps))[0]).toEqual(['2026-03-05', 2]);
  });
});

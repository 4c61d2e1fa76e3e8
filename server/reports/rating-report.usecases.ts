/**
 * ratingSummary: ratings of the range's tickets per grade, served tickets from the daily rollups
 * (the response rate's denominator), and the presses the keypads refused — on the local day they
 * were pressed. Ratings of settled days come from their rollup, the last days from the ratings
 * themselves (through a covering index).
 */
import type { RatingSummary, RatingSummaryQuery } from '../../protocol/reports.schemas.ts';
import type { Deps } from '../kernel/ports.ts';
import type { Store } from '../kernel/store.port.ts';
import type { RejectedPress } from './reports.port.ts';
import { groupName, orderGroups } from './labels.models.ts';
import { addDays, eachDay, localDay, startOfLocalDay } from './periods.models.ts';
import { GRADE_NAMES, summarizeRatings, type RejectedCount } from './rating-summary.models.ts';
import { reportContext } from './report-context.ts';

/**
 * Refused presses counted per local day (of the press), officer, counter, service and outcome.
 * The range's local midnights are computed once; each press then finds its day by binary search.
 */
export function countRejected(presses: readonly RejectedPress[], timeZone: string, from: string, to: string): RejectedCount[] {
  const days = eachDay(from, to);
  const starts = days.map((d) => startOfLocalDay(d, timeZone));
  const dayOf = (ms: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return days[lo]!;
  };
  const counts = new Map<string, RejectedCount>();
  for (const p of presses) {
    const dims = { businessDay: dayOf(p.pressedAtMs), staffId: p.staffId ?? '', counterId: p.counterId, serviceId: p.serviceId ?? '' };
    const key = `${dims.businessDay}\u0000${dims.staffId}\u0000${dims.counterId}\u0000${dims.serviceId}\u0000${p.outcome}`;
    const c = counts.get(key);
    if (c) c.count += 1;
    else counts.set(key, { ...dims, outcome: p.outcome, count: 1 });
  }
  return [...counts.values()];
}

/**
 * Days after which a ticket's ratings cannot change any more: a keypad's press may reach the
 * server up to 7 days after it was pressed (protocol/rating.schemas.ts, KeypadPress.ageMs), and
 * is filed under its ticket's day. Older days are summed once into the rating rollup.
 */
export const RATINGS_SETTLE_DAYS = 10;

/** Brings the rating rollup up to the last settled day; returns the last day it holds (or null). */
export async function settleRatings(store: Store, centreId: string, today: string): Promise<string | null> {
  const through = addDays(today, -RATINGS_SETTLE_DAYS);
  const rolled = await store.ratingsRolledThrough(centreId);
  if (rolled !== null && rolled >= through) return rolled;
  return store.runInTx({ centreId }, async (tx) => {
    // Again under the write lock: another request (or process) may have just done it.
    const now = await tx.ratingsRolledThrough(centreId);
    if (now !== null && now >= through) return now;
    await tx.rollUpRatings(centreId, now, through);
    return through;
  });
}

/** Ratings per grade of the days from `from` to `to`: settled days from the rollup, the rest live. */
export async function ratingCounts(deps: Deps, centreId: string, from: string, to: string, today: string) {
  const settled = await settleRatings(deps.store, centreId, today);
  if (settled === null || settled < from) return deps.store.ratingCounts(centreId, from, to);
  if (settled >= to) return deps.store.rolledRatingCounts(centreId, from, to);
  const [old, recent] = await Promise.all([deps.store.rolledRatingCounts(centreId, from, settled), deps.store.ratingCounts(centreId, addDays(settled, 1), to)]);
  return [...old, ...recent];
}

export async function ratingSummary(deps: Deps, centreId: string, query: Pick<RatingSummaryQuery, 'from' | 'to' | 'groupBy'>): Promise<RatingSummary> {
  const ctx = await reportContext(deps, centreId, query);
  const by = query.groupBy;
  const tz = ctx.centre.timeZone;
  const [ratings, served, presses, settings] = await Promise.all([
    ratingCounts(deps, centreId, ctx.from, ctx.to, localDay(deps.clock.now(), tz)),
    deps.store.servedCounts(centreId, ctx.from, ctx.to),
    // The service of a refused press is that of the ticket it was judged against: looked up only when asked for.
    deps.store.rejectedPresses(centreId, startOfLocalDay(ctx.from, tz), startOfLocalDay(addDays(ctx.to, 1), tz), by === 'service'),
    deps.store.getSettings(centreId),
  ]);
  const { totals, groups } = summarizeRatings({ ratings, served, rejected: countRejected(presses, tz, ctx.from, ctx.to) }, by);
  return {
    ...ctx.head,
    groupBy: by,
    scale: settings.ratingScale,
    levelNames: GRADE_NAMES,
    totals,
    groups: orderGroups(by, groups, ctx.names).map((g) => ({ ...g, name: groupName(by, g.key, ctx.names) })),
  };
}

/**
 * ratingSummary: ratings of the range's tickets per grade (summed from the ratings table through
 * a covering index), served tickets from the daily rollups (the response rate's denominator), and
 * the presses the keypads refused — on the local day they were pressed.
 */
import type { RatingSummary, RatingSummaryQuery } from '../../protocol/reports.schemas.ts';
import type { Deps } from '../ports.ts';
import type { RejectedPress } from '../storage/reports.port.ts';
import { groupName, orderGroups } from './labels.models.ts';
import { addDays, localDay, startOfLocalDay } from './periods.models.ts';
import { GRADE_NAMES, summarizeRatings, type RejectedCount, type ServedCount } from './rating-summary.models.ts';
import { reportContext } from './report-context.ts';

export function countRejected(presses: readonly RejectedPress[], timeZone: string): RejectedCount[] {
  const counts = new Map<string, RejectedCount>();
  for (const p of presses) {
    const dims = { businessDay: localDay(p.pressedAtMs, timeZone), staffId: p.staffId ?? '', counterId: p.counterId, serviceId: p.serviceId ?? '' };
    const key = `${dims.businessDay}\u0000${dims.staffId}\u0000${dims.counterId}\u0000${dims.serviceId}\u0000${p.outcome}`;
    const c = counts.get(key);
    if (c) c.count += 1;
    else counts.set(key, { ...dims, outcome: p.outcome, count: 1 });
  }
  return [...counts.values()];
}

export async function ratingSummary(deps: Deps, centreId: string, query: Pick<RatingSummaryQuery, 'from' | 'to' | 'groupBy'>): Promise<RatingSummary> {
  const ctx = await reportContext(deps, centreId, query);
  const by = query.groupBy;
  const tz = ctx.centre.timeZone;
  const [ratings, rollups, presses, settings] = await Promise.all([
    deps.store.ratingCounts(centreId, ctx.from, ctx.to),
    deps.store.readDailyRollups(centreId, ctx.from, ctx.to),
    deps.store.rejectedPresses(centreId, startOfLocalDay(ctx.from, tz), startOfLocalDay(addDays(ctx.to, 1), tz)),
    deps.store.getSettings(centreId),
  ]);
  const served: ServedCount[] = rollups.filter((r) => r.served > 0);
  const { totals, groups } = summarizeRatings({ ratings, served, rejected: countRejected(presses, tz) }, by);
  return {
    ...ctx.head,
    groupBy: by,
    scale: settings.ratingScale,
    levelNames: GRADE_NAMES,
    totals,
    groups: orderGroups(by, groups, ctx.names).map((g) => ({ ...g, name: groupName(by, g.key, ctx.names) })),
  };
}

/**
 * timeSummary and busiestHours: read the daily rollups of the range (a few thousand rows for a
 * year, whatever the number of tickets) and aggregate them in the pure core.
 */
import type { BusiestHours, BusiestHoursQuery, TimeSummary, TimeSummaryQuery } from '../../protocol/reports.schemas.ts';
import type { Deps } from '../kernel/ports.ts';
import { groupName, orderGroups } from './labels.models.ts';
import { reportContext } from './report-context.ts';
import { DISTRIBUTION_EDGES } from './stats.models.ts';
import { busyHours, summarizeTimes } from './time-summary.models.ts';

export async function timeSummary(deps: Deps, centreId: string, query: Pick<TimeSummaryQuery, 'from' | 'to' | 'groupBy'>): Promise<TimeSummary> {
  const ctx = await reportContext(deps, centreId, query);
  const by = query.groupBy;
  const rows = await deps.store.readDailyRollups(centreId, ctx.from, ctx.to);
  const { totals, groups } = summarizeTimes(rows, by);
  // A ticket is issued before it reaches a counter or an officer: no "issued" per counter or officer.
  const perPlace = by === 'counter' || by === 'staff';
  return {
    ...ctx.head,
    groupBy: by,
    distributionEdges: [...DISTRIBUTION_EDGES],
    totals,
    groups: orderGroups(by, groups, ctx.names).map((g) => ({ ...g, issued: perPlace ? null : g.issued, name: groupName(by, g.key, ctx.names) })),
  };
}

export async function busiestHours(deps: Deps, centreId: string, query: Pick<BusiestHoursQuery, 'from' | 'to'>): Promise<BusiestHours> {
  const ctx = await reportContext(deps, centreId, query);
  return { ...ctx.head, ...busyHours(await deps.store.readHourlyRollups(centreId, ctx.from, ctx.to)) };
}

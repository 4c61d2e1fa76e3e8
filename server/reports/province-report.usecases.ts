/**
 * provinceReport (issue #13): every centre the caller may read reports of, side by side. Each
 * centre is read as its own reports read it — the daily rollups of its range and its rating counts
 * (settled days from the rating rollup) — so no ticket is scanned, and the figures are the pure
 * core's (province-report.models.ts).
 */
import { AppError } from '../../protocol/index.ts';
import type { ProvinceReport, ProvinceReportQuery } from '../../protocol/province-report.schemas.ts';
import type { Principal } from '../accounts/principal.ts';
import { can } from '../accounts/permissions.ts';
import type { Deps } from '../kernel/ports.ts';
import { localDay } from './periods.models.ts';
import { DEFAULT_ORDER, provinceReport as rank, type CentreReportInput } from './province-report.models.ts';
import { ratingCounts } from './rating-report.usecases.ts';
import { resolveRange } from './report-context.ts';

export async function provinceReport(
  deps: Deps,
  principal: Principal,
  query: Pick<ProvinceReportQuery, 'from' | 'to' | 'sort' | 'order'>,
): Promise<ProvinceReport> {
  // The same choke point as every centre's reports, centre by centre: a province role reads every
  // centre, a centre's manager or admin their own (docs/security.md).
  const centres = (await deps.store.listCentres()).filter((c) => can(principal, 'reports:read', c.id));
  if (centres.length === 0) throw new AppError('auth.forbidden', 'Not allowed: reports:read.');
  const now = deps.clock.now();
  // Every range first, in each centre's own zone: a refused range must not have settled any
  // centre's ratings (a 400 changes nothing).
  const ranges = centres.map((centre) => ({ centre, ...resolveRange(query, centre, now) }));
  const inputs: CentreReportInput[] = [];
  for (const { centre, from, to } of ranges) {
    const [rollups, ratings] = await Promise.all([
      deps.store.readDailyRollups(centre.id, from, to),
      ratingCounts(deps, centre.id, from, to, localDay(now, centre.timeZone)),
    ]);
    inputs.push({ centreId: centre.id, centreName: centre.name, timeZone: centre.timeZone, from, to, rollups, ratings });
  }
  const order = query.order ?? DEFAULT_ORDER[query.sort];
  return {
    from: ranges.map((r) => r.from).reduce((a, b) => (b < a ? b : a)),
    to: ranges.map((r) => r.to).reduce((a, b) => (b > a ? b : a)),
    sort: query.sort,
    order,
    ...rank(inputs, query.sort, order),
  };
}

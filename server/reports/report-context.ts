import { AppError, type Centre, type LocalizedText } from '../../protocol/index.ts';
import { MAX_REPORT_DAYS } from '../../protocol/reports.schemas.ts';
import { requireCentre } from '../lookups.ts';
import type { Deps } from '../ports.ts';
import type { StoreReads } from '../storage/store.port.ts';
import type { CentreNames } from './labels.models.ts';
import { addDays, daysBetween, localDay } from './periods.models.ts';

/** What every report starts from: the centre, the resolved local date range, the names to show. */
export interface ReportContext {
  centre: Centre;
  from: string;
  to: string;
  names: CentreNames;
  head: { centreId: string; centreName: LocalizedText; timeZone: string; from: string; to: string };
}

/** Default range: the 30 days ending today (the centre's today). */
export const DEFAULT_DAYS = 30;

export function resolveRange(query: { from?: string; to?: string }, centre: Centre, now: Date): { from: string; to: string } {
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_DAYS - 1) : localDay(now, centre.timeZone));
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw new AppError('request.invalid_payload', 'from: must not be after `to`');
  if (daysBetween(from, to) >= MAX_REPORT_DAYS) throw new AppError('request.invalid_payload', `from: a range covers at most ${MAX_REPORT_DAYS} days`);
  return { from, to };
}

export async function reportContext(deps: Deps, centreId: string, query: { from?: string; to?: string }): Promise<ReportContext> {
  const centre = await requireCentre(deps.store, centreId);
  const { from, to } = resolveRange(query, centre, deps.clock.now());
  return {
    centre,
    from,
    to,
    names: await centreNames(deps.store, centreId),
    head: { centreId, centreName: centre.name, timeZone: centre.timeZone, from, to },
  };
}

export async function centreNames(reads: StoreReads, centreId: string): Promise<CentreNames> {
  const [services, counters, staff] = await Promise.all([reads.listServices(centreId), reads.listCounters(centreId), reads.listStaff(centreId)]);
  return { services, counters, staff };
}

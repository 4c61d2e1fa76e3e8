import { AppError, type Centre, type LocalizedText } from '../../protocol/index.ts';
import { MAX_REPORT_DAYS, REPORT_YEARS } from '../../protocol/reports.schemas.ts';
import { requireCentre } from '../kernel/require-found.ts';
import type { Deps } from '../kernel/ports.ts';
import type { StoreReads } from '../kernel/store.port.ts';
import type { CentreNames } from './labels.models.ts';
import { localDay, resolveReportRange } from './periods.models.ts';

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

/** The range of a report for the centre's today; 400 request.invalid_payload when it breaks the rule (periods.models.ts). */
export function resolveRange(query: { from?: string; to?: string }, centre: Centre, now: Date, maxDays = MAX_REPORT_DAYS): { from: string; to: string } {
  const range = resolveReportRange(query, localDay(now, centre.timeZone), { defaultDays: DEFAULT_DAYS, maxDays, years: REPORT_YEARS });
  if (!range.ok) throw new AppError('request.invalid_payload', range.message);
  return { from: range.from, to: range.to };
}

export async function reportContext(deps: Deps, centreId: string, query: { from?: string; to?: string }, maxDays = MAX_REPORT_DAYS): Promise<ReportContext> {
  const centre = await requireCentre(deps.store, centreId);
  const { from, to } = resolveRange(query, centre, deps.clock.now(), maxDays);
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

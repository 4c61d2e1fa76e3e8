import type { AlertReport } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { requireCentre } from '../kernel/require-found.ts';
import { addDays, startOfLocalDay } from '../reports/periods.models.ts';
import { groupName } from '../reports/labels.models.ts';
import { centreNames, resolveRange } from '../reports/report-context.ts';
import { alertView } from './alerts.models.ts';

/**
 * The alerts report (docs/alerts.md): alerts raised in a range of local days (by the day they were
 * raised), counted per kind and subject, with the minutes they stayed raised and their peak;
 * and the alerts open now.
 */
export async function alertReport(deps: Deps, centreId: string, query: { from?: string; to?: string }): Promise<AlertReport> {
  const centre = await requireCentre(deps.store, centreId);
  const { from, to } = resolveRange(query, centre, deps.clock.now());
  const nowMs = deps.clock.now().getTime();
  const fromMs = startOfLocalDay(from, centre.timeZone);
  const toMs = startOfLocalDay(addDays(to, 1), centre.timeZone);
  const rows = await deps.store.countAlerts(centreId, fromMs, toMs, nowMs);
  const names = await centreNames(deps.store, centreId);
  return {
    from,
    to,
    rows: rows
      .map((r) => ({
        kind: r.kind,
        serviceId: r.serviceId,
        counterId: r.counterId,
        name: r.counterId !== null ? groupName('counter', r.counterId, names) : groupName('service', r.serviceId ?? '', names),
        count: r.count,
        minutes: Math.round(r.raisedMs / 60_000),
        peakValue: r.peakValue,
      }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    active: (await deps.store.openAlerts(centreId)).map(alertView),
  };
}

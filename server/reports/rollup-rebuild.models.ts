/**
 * Rollups computed from what is stored, for a rebuild (history seeded straight into the tables,
 * a database from before the rollups, or a check that the live increments are right). Pure.
 * It must give exactly what the live increments of rollup.models.ts add up to, ticket by ticket:
 * test/server/reports/rollup-consistency.test.ts drives the real use cases and compares both.
 */
import type { TicketFacts, TransferFact } from './reports.port.ts';
import { localHour } from './periods.models.ts';
import type { HourlyDelta, RollupDelta, RollupKey } from './rollup.models.ts';
import { addDuration, emptyDurations } from './stats.models.ts';
import type { DailyRollupRow, HourlyRow } from './time-summary.models.ts';

const keyOf = (businessDay: string, serviceId: string, counterId: string | null, staffId: string | null): RollupKey => ({
  businessDay,
  serviceId,
  counterId: counterId ?? '',
  staffId: staffId ?? '',
});

/** The increments a ticket's whole life added, from its final row and its transfers. */
export function deltasFromTickets(
  tickets: readonly TicketFacts[],
  transfers: readonly TransferFact[],
  timeZone: string,
): { daily: RollupDelta[]; hourly: HourlyDelta[] } {
  const daily: RollupDelta[] = [];
  const hourly: HourlyDelta[] = [];
  for (const t of tickets) {
    const day = t.businessDay;
    daily.push({ key: keyOf(day, t.issuedServiceId, null, null), issued: 1 });
    hourly.push({ businessDay: day, serviceId: t.issuedServiceId, hour: localHour(t.issuedAtMs, timeZone), issued: 1 });
    if (t.firstCall) {
      const f = t.firstCall;
      daily.push({ key: keyOf(day, f.serviceId, f.counterId, f.staffId), waitMs: f.atMs - t.issuedAtMs });
    }
    const here = keyOf(day, t.serviceId, t.counterId, t.staffId);
    if (t.state === 'done') {
      const start = t.servingAtMs ?? t.calledAtMs;
      daily.push({ key: here, served: 1, ...(start === null || t.finishedAtMs === null ? {} : { serviceMs: t.finishedAtMs - start }) });
    } else if (t.state === 'no_show') {
      daily.push({ key: here, noShow: 1 });
    } else if (t.state === 'expired') {
      daily.push({ key: here, expired: 1 });
    }
  }
  for (const x of transfers) daily.push({ key: keyOf(x.businessDay, x.fromServiceId, x.counterId, x.staffId), transferred: 1 });
  return { daily, hourly };
}

const rowKey = (k: RollupKey) => `${k.businessDay}\u0000${k.serviceId}\u0000${k.counterId}\u0000${k.staffId}`;

/** Adds increments up into rollup rows, one per key. */
export function foldDeltas(deltas: readonly RollupDelta[]): DailyRollupRow[] {
  const rows = new Map<string, DailyRollupRow>();
  for (const d of deltas) {
    const k = rowKey(d.key);
    let r = rows.get(k);
    if (!r) {
      r = { ...d.key, issued: 0, served: 0, noShow: 0, transferred: 0, expired: 0, wait: emptyDurations(), service: emptyDurations() };
      rows.set(k, r);
    }
    r.issued += d.issued ?? 0;
    r.served += d.served ?? 0;
    r.noShow += d.noShow ?? 0;
    r.transferred += d.transferred ?? 0;
    r.expired += d.expired ?? 0;
    if (d.waitMs !== undefined) addDuration(r.wait, d.waitMs);
    if (d.serviceMs !== undefined) addDuration(r.service, d.serviceMs);
  }
  return [...rows.values()];
}

export function foldHourly(deltas: readonly HourlyDelta[]): HourlyRow[] {
  const rows = new Map<string, HourlyRow>();
  for (const h of deltas) {
    const k = `${h.businessDay}\u0000${h.serviceId}\u0000${h.hour}`;
    const r = rows.get(k);
    if (r) r.issued += h.issued;
    else rows.set(k, { ...h });
  }
  return [...rows.values()];
}

/**
 * liveReport: the manager's view of today — who waits for what and for how long, who serves at
 * which counter, paused counters, today's figures so far, and the health of every device (paired
 * kiosks and displays by when they were last seen, printers and keypads by what their bridge says).
 */
import type { LiveReport } from '../../protocol/reports.schemas.ts';
import type { Deps } from '../kernel/ports.ts';
import { localDay } from './periods.models.ts';
import { centreNames } from './report-context.ts';
import { requireCentre } from '../kernel/require-found.ts';
import { summarizeTimes } from './time-summary.models.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const wholeMinutes = (ms: number) => Math.max(0, Math.floor(ms / 60_000));

export async function liveReport(deps: Deps, centreId: string): Promise<LiveReport> {
  const centre = await requireCentre(deps.store, centreId);
  const now = deps.clock.now();
  const today = localDay(now, centre.timeZone);
  // Read outside the consistent read below: it holds the store's one connection.
  const day = summarizeTimes(await deps.store.readDailyRollups(centreId, today, today), 'day').totals;
  const devices = await devicesOf(deps, centreId);
  const failedJobs = [
    ...(await deps.store.listPrintJobs(centreId, { status: 'failed', limit: 200 })),
    ...(await deps.store.listPrintJobs(centreId, { status: 'abandoned', limit: 200 })),
  ];
  return deps.store.consistentRead(async (reads) => {
    const names = await centreNames(reads, centreId);
    const waiting = await reads.listWaiting(centreId);
    const states = await reads.listCounterStates(centreId);
    const staffName = (id: string | null) => (id === null ? null : (names.staff.find((s) => s.id === id)?.name ?? id));

    const services = names.services
      .filter((s) => s.active || waiting.some((t) => t.serviceId === s.id))
      .map((s) => {
        const queue = waiting.filter((t) => t.serviceId === s.id);
        const oldest = queue[0]?.issuedAt ?? null; // listWaiting is oldest first
        return {
          serviceId: s.id,
          name: s.name,
          waiting: queue.length,
          oldestIssuedAt: oldest,
          longestWaitMinutes: oldest === null ? null : wholeMinutes(now.getTime() - Date.parse(oldest)),
        };
      });
    const first = waiting[0];
    const counters = [];
    for (const c of names.counters.filter((x) => x.active)) {
      const state = states[c.id] ?? { status: 'closed' as const, staffId: null, openedAt: null };
      const current = await reads.currentTicketAt(centreId, c.id);
      counters.push({
        counterId: c.id,
        number: c.number,
        status: state.status,
        staffId: state.staffId,
        staffName: staffName(state.staffId),
        current: current
          ? { number: current.number, state: current.state, serviceId: current.serviceId, since: current.servingAt ?? current.calledAt ?? current.issuedAt }
          : null,
      });
    }
    return {
      centreId,
      centreName: centre.name,
      timeZone: centre.timeZone,
      businessDay: today,
      at: now.toISOString(),
      services,
      longestWait: first
        ? { number: first.number, serviceId: first.serviceId, issuedAt: first.issuedAt, minutes: wholeMinutes(now.getTime() - Date.parse(first.issuedAt)) }
        : null,
      counters,
      pausedCounters: counters.filter((c) => c.status === 'paused').length,
      today: {
        issued: day.issued,
        served: day.served,
        noShow: day.noShow,
        transferred: day.transferred,
        waitP50Minutes: day.wait.p50Minutes,
        waitP90Minutes: day.wait.p90Minutes,
      },
      devices,
      printFailuresToday: failedJobs.filter((j) => localDay(j.createdAtMs, centre.timeZone) === today).length,
    };
  });
}

async function devicesOf(deps: Deps, centreId: string): Promise<LiveReport['devices']> {
  const tokens = (await deps.store.listDeviceTokens(centreId)).filter((t) => t.revokedAtMs === null);
  const bridgeDevices = await deps.store.listDevices(centreId);
  return [
    ...tokens.map((t) => ({ kind: t.kind, id: t.id, name: t.name, status: null, detail: null, lastSeenAt: iso(t.lastSeenAtMs) })),
    ...bridgeDevices.map((d) => ({
      kind: d.kind,
      id: `${d.bridgeId}/${d.deviceId}`,
      name: d.kind === 'printer' && d.kioskId ? `${d.deviceId} (${d.kioskId})` : d.deviceId,
      status: d.status,
      detail: d.detail,
      lastSeenAt: iso(d.lastSeenAtMs),
    })),
  ];
}

import type { Centre, CentreSettings, Estimates, WaitingCounts } from '../protocol/index.ts';
import { estimateWaitMinutes } from './queue/wait-estimate.ts';
import type { StoreReads } from './storage/store.port.ts';

/** How many finished services feed the average in a wait estimate. */
export const RECENT_SERVICES = 20;

export interface QueueFigures {
  waiting: WaitingCounts;
  estimates: Estimates;
}

/** Counters open (not paused, not closed) per service id. */
async function openCountersByService(reads: StoreReads, centreId: string): Promise<Map<string, number>> {
  const counters = await reads.listCounters(centreId);
  const states = await reads.listCounterStates(centreId);
  const open = new Map<string, number>();
  for (const c of counters) {
    if (!c.active || states[c.id]?.status !== 'open') continue;
    for (const s of c.serviceIds) open.set(s, (open.get(s) ?? 0) + 1);
  }
  return open;
}

/** Waiting counts and the estimate a new ticket would get, per service: what every fact carries. */
export async function queueFigures(
  reads: StoreReads,
  centre: Centre,
  settings: CentreSettings,
  businessDay: string,
): Promise<QueueFigures> {
  const waiting = await reads.waitingCounts(centre.id, businessDay);
  const open = await openCountersByService(reads, centre.id);
  const estimates: Estimates = {};
  for (const service of await reads.listServices(centre.id)) {
    estimates[service.id] = estimateWaitMinutes({
      peopleAhead: waiting[service.id] ?? 0,
      recentServiceMs: await reads.recentServiceDurations(centre.id, service.id, RECENT_SERVICES),
      openCounters: open.get(service.id) ?? 0,
      defaultServiceMinutes: settings.defaultServiceMinutes,
    });
  }
  return { waiting, estimates };
}

/** The estimate for one waiting ticket, given the people ahead of it. */
export async function ticketEstimate(
  reads: StoreReads,
  centreId: string,
  serviceId: string,
  peopleAhead: number,
  settings: CentreSettings,
): Promise<number | null> {
  const open = await openCountersByService(reads, centreId);
  return estimateWaitMinutes({
    peopleAhead,
    recentServiceMs: await reads.recentServiceDurations(centreId, serviceId, RECENT_SERVICES),
    openCounters: open.get(serviceId) ?? 0,
    defaultServiceMinutes: settings.defaultServiceMinutes,
  });
}

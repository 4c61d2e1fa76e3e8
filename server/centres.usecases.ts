import type { Centre, Service, Snapshot } from '../protocol/index.ts';
import { callOf } from './counters.usecases.ts';
import { businessDay } from './queue/business-day.ts';
import { requireCentre } from './lookups.ts';
import type { Deps } from './ports.ts';

/** How many of the latest calls a snapshot carries (the hall display shows a few of them). */
export const RECENT_CALLS = 10;

export const listCentres = (deps: Deps): Promise<Centre[]> => deps.store.listCentres();

export async function listServices(deps: Deps, centreId: string): Promise<Service[]> {
  await requireCentre(deps.store, centreId);
  return deps.store.listServices(centreId);
}

/** The full state a display, console or kiosk shows, consistent with its `seq`. */
export async function getSnapshot(deps: Deps, centreId: string): Promise<Snapshot> {
  return deps.store.consistentRead(async (reads) => {
    const centre = await requireCentre(reads, centreId);
    const day = businessDay(deps.clock.now(), centre.timeZone);
    const seq = await reads.currentSeq(centreId);
    const services = await reads.listServices(centreId);
    const counters = await reads.listCounters(centreId);
    const counterViews = await Promise.all(
      counters.map(async (counter) => ({ counter, current: await reads.currentTicketAt(centreId, counter.id) })),
    );
    const byId = new Map(counters.map((c) => [c.id, c]));
    const recentCalls = (await reads.recentlyCalled(centreId, day, RECENT_CALLS)).flatMap((t) => {
      const counter = t.counterId ? byId.get(t.counterId) : undefined;
      return counter ? [callOf(t, counter)] : [];
    });
    const waiting = await reads.waitingCounts(centreId, day);
    return { seq, businessDay: day, centre, services, counters: counterViews, waiting, recentCalls };
  });
}

import type { Centre, Service, Snapshot } from '../../protocol/index.ts';
import { callOf } from '../counters/at-counter.ts';
import { officerNames, withOfficer } from '../kernel/officer-names.ts';
import { queueFigures } from '../tickets/queue-figures.ts';
import { requireCentre } from '../kernel/require-found.ts';
import type { Deps } from '../kernel/ports.ts';
import { businessDay } from '../queue/business-day.ts';
import { snapshotAlerts } from '../alerts/alerts.snapshot.ts';

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
    const settings = await reads.getSettings(centreId);
    const day = businessDay(deps.clock.now(), centre.timeZone);
    const seq = await reads.currentSeq(centreId);
    const services = await reads.listServices(centreId);
    const counters = await reads.listCounters(centreId);
    const states = await reads.listCounterStates(centreId);
    const names = await officerNames(reads, centreId);
    // Every counter's current ticket in one read, not one per counter.
    const current = await reads.currentTickets(centreId);
    const views = [];
    for (const counter of counters) {
      const state = states[counter.id] ?? { status: 'closed' as const, staffId: null, openedAt: null };
      views.push(withOfficer({ counter, state, current: current[counter.id] ?? null }, names));
    }
    const byId = new Map(counters.map((c) => [c.id, c]));
    const recentCalls = (await reads.recentlyCalled(centreId, day, RECENT_CALLS)).flatMap((t) => {
      const counter = t.counterId ? byId.get(t.counterId) : undefined;
      return counter ? [callOf(t, counter)] : [];
    });
    return {
      seq,
      businessDay: day,
      centre,
      services,
      counters: views,
      ...(await queueFigures(reads, centre, settings, day)),
      priorityGroups: settings.priorityGroups.filter((g) => g.active),
      kioskClosedServices: settings.kioskClosedServices,
      largePrint: settings.largePrint,
      appointmentCheckIn: settings.appointments.enabled,
      maxRecalls: settings.maxRecalls,
      recentCalls,
      parked: await reads.listTickets(centreId, day, ['parked']),
      display: settings.display,
      ...(await snapshotAlerts(reads, centreId, settings)),
    };
  });
}

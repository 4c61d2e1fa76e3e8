/**
 * Which figures a ticket change adds to the daily rollups (docs/reports.md, "Rollups"). Pure:
 * the use case reads the store, this decides. Every figure is filed under the ticket's business
 * day (the local day it was issued), so a carried-over ticket served the next morning still
 * counts on the day the citizen came, exactly like the ticket log filters it.
 *
 *   issue                  → issued      (issuing service; hour of issue)
 *   first call from waiting → wait sample (service, counter and officer that called)
 *   finish                 → served + service-time sample (finish − (start of service ?? call))
 *   no-show                → no_show
 *   transfer               → transferred (the service and counter it left)
 *   day end                → expired     (its service; its counter if one had called it)
 * Recalls, parking, resuming, a second call after a transfer and a force-close requeue add nothing.
 */
import type { Ticket } from '../../protocol/index.ts';
import { localHour } from './periods.models.ts';

/** One row of the daily rollup: '' stands for "no counter" / "no officer". */
export interface RollupKey {
  businessDay: string;
  serviceId: string;
  counterId: string;
  staffId: string;
}

export interface RollupDelta {
  key: RollupKey;
  issued?: number;
  served?: number;
  noShow?: number;
  transferred?: number;
  expired?: number;
  waitMs?: number;
  serviceMs?: number;
}

export interface HourlyDelta {
  businessDay: string;
  serviceId: string;
  hour: number;
  issued: number;
}

export interface ReportedChange {
  before: Ticket | null;
  after: Ticket;
  at: Date;
  /** The counter the change happened at (null for issue and day end). */
  counterId: string | null;
  /** Who made it (the officer at the counter); the audit event's actor. */
  actorId?: string | null;
  detail?: Record<string, unknown> | null;
}

/** A call from the queue: the first one of a ticket is its waiting time. */
export const isCallFromWaiting = (c: ReportedChange): boolean => c.before?.state === 'waiting' && c.after.state === 'called';

/** Called or served, then back in a queue because an officer sent it on (not a force-close requeue). */
export const isTransfer = (c: ReportedChange): boolean =>
  (c.before?.state === 'called' || c.before?.state === 'serving') && c.after.state === 'waiting' && c.detail != null && 'toServiceId' in c.detail;

const key = (t: Ticket, serviceId: string, counterId: string | null, staffId: string | null): RollupKey => ({
  businessDay: t.businessDay,
  serviceId,
  counterId: counterId ?? '',
  staffId: staffId ?? '',
});

/**
 * The rollup increments of one change. `firstCall` says whether this call is the ticket's first
 * (the store knows: it records the first call time once).
 */
export function rollupDeltas(change: ReportedChange, timeZone: string, firstCall: boolean): { daily: RollupDelta[]; hourly: HourlyDelta[] } {
  const { before, after, at } = change;
  if (before === null) {
    return {
      daily: [{ key: key(after, after.serviceId, null, null), issued: 1 }],
      hourly: [{ businessDay: after.businessDay, serviceId: after.serviceId, hour: localHour(Date.parse(after.issuedAt), timeZone), issued: 1 }],
    };
  }
  const daily: RollupDelta[] = [];
  if (isCallFromWaiting(change) && firstCall) {
    daily.push({ key: key(after, after.serviceId, after.counterId, after.staffId), waitMs: at.getTime() - Date.parse(after.issuedAt) });
  } else if (before.state !== 'done' && after.state === 'done') {
    const start = before.servingAt ?? before.calledAt;
    daily.push({
      key: key(after, after.serviceId, after.counterId, after.staffId),
      served: 1,
      ...(start === null ? {} : { serviceMs: at.getTime() - Date.parse(start) }),
    });
  } else if (before.state !== 'no_show' && after.state === 'no_show') {
    daily.push({ key: key(after, after.serviceId, after.counterId, after.staffId), noShow: 1 });
  } else if (isTransfer(change)) {
    daily.push({ key: key(before, before.serviceId, change.counterId ?? before.counterId, change.actorId ?? before.staffId), transferred: 1 });
  } else if (before.state !== 'expired' && after.state === 'expired') {
    const atCounter = before.state !== 'waiting';
    daily.push({ key: key(before, before.serviceId, atCounter ? before.counterId : null, atCounter ? before.staffId : null), expired: 1 });
  }
  return { daily, hourly: [] };
}

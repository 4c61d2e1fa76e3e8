import type { Snapshot } from '../../protocol/index.ts';
import { getSnapshot } from './centres.usecases.ts';
import type { Deps } from '../kernel/ports.ts';
import { businessDay } from '../queue/business-day.ts';
import { take, type Bucket, type BucketRule } from '../queue/rate-limit.ts';

/**
 * One snapshot per change, shared (issue #11): a centre's snapshot is built once per (sequence
 * number, configuration version, business day) and served to every display that connects or asks
 * at that point; displays asking while it is being built wait for the same build. Checking costs
 * one indexed read of the centre's row.
 */
export function sharedSnapshots(deps: Pick<Deps, 'store' | 'clock'>) {
  const latest = new Map<string, { key: string; snapshot: Promise<Snapshot> }>();

  async function keyOf(centreId: string): Promise<string | null> {
    const versions = await deps.store.centreVersions(centreId);
    const config = await deps.store.cachedConfig(centreId);
    if (!versions || !config) return null;
    return `${versions.seq}/${versions.configVersion}/${businessDay(deps.clock.now(), config.centre.timeZone)}`;
  }

  return {
    async get(centreId: string): Promise<Snapshot> {
      const key = await keyOf(centreId);
      const known = latest.get(centreId);
      if (key !== null && known?.key === key) return known.snapshot;
      // Built after the key was read: at least as new as the key says (a later fact is dropped by
      // clients as covered, seq ≤ snapshot.seq), never older.
      const entry = { key: key ?? '', snapshot: getSnapshot(deps as Deps, centreId) };
      if (key !== null) latest.set(centreId, entry);
      entry.snapshot.catch(() => {
        if (latest.get(centreId) === entry) latest.delete(centreId);
      });
      return entry.snapshot;
    },
  };
}

/** How often one socket may ask for a snapshot: a display asks after a gap or a reconnect, not in a loop. */
export const SNAPSHOT_REQUESTS: BucketRule = { burst: 5, perMinute: 30 };

/**
 * One socket's snapshot requests (issue #10: 1,000 requests from one socket kept the server busy
 * for 10 s): at most SNAPSHOT_REQUESTS (beyond it a request is refused, `realtime.rate_limited`),
 * and at most one being built (a request meanwhile gets the same answer).
 */
export function snapshotRequests(get: () => Promise<Snapshot>, nowMs: () => number) {
  let inFlight: Promise<Snapshot> | null = null;
  let bucket: Bucket | undefined;
  return (): Promise<Snapshot> | 'rate_limited' => {
    // Every request counts, joined or not: each answer is a whole snapshot on the wire.
    const taken = take(bucket, SNAPSHOT_REQUESTS, nowMs());
    bucket = taken.bucket;
    if (!taken.allowed) return 'rate_limited';
    if (inFlight) return inFlight;
    inFlight = get().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}

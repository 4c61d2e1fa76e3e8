import type { SecurityEvent } from '../../protocol/index.ts';
import { requireCentre } from '../kernel/require-found.ts';
import type { Deps } from '../kernel/ports.ts';

/** How many of a centre's newest security events one listing shows. */
export const SECURITY_EVENTS_LIMIT = 200;

/** The centre's login locks, newest first (issue #10: throttled guessing is audited). */
export async function listSecurityEvents(deps: Pick<Deps, 'store'>, centreId: string): Promise<SecurityEvent[]> {
  await requireCentre(deps.store, centreId);
  const events = await deps.store.listSecurityEvents(centreId, SECURITY_EVENTS_LIMIT);
  return events.map((e) => ({
    id: e.id,
    at: new Date(e.atMs).toISOString(),
    kind: e.kind,
    subject: e.subject,
    username: e.username,
    address: e.address,
    failures: e.failures,
    lockSeconds: Math.ceil(e.lockMs / 1000),
  }));
}

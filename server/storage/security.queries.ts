import type { Kysely, Selectable } from 'kysely';
import type { SecurityEventRecord, SecurityStore } from '../accounts/security.port.ts';
import type { Database } from './db.types.ts';

type SecurityEventRow = Selectable<Database['security_events']>;

const fromRow = (r: SecurityEventRow): SecurityEventRecord => ({
  id: r.id,
  centreId: r.centre_id,
  atMs: Number(r.at),
  kind: r.kind as SecurityEventRecord['kind'],
  subject: r.subject,
  username: r.username,
  address: r.address,
  failures: Number(r.failures),
  lockMs: Number(r.lock_ms),
});

/** The SecurityStore as portable Kysely queries (migration 0009). */
export function securityQueries(db: Kysely<Database>): SecurityStore {
  return {
    async insertSecurityEvent(e) {
      await db
        .insertInto('security_events')
        .values({
          id: e.id,
          centre_id: e.centreId,
          at: e.atMs,
          kind: e.kind,
          subject: e.subject,
          username: e.username,
          address: e.address,
          failures: e.failures,
          lock_ms: e.lockMs,
        })
        .execute();
    },
    async listSecurityEvents(centreId, limit) {
      const rows = await db
        .selectFrom('security_events')
        .selectAll()
        .where('centre_id', '=', centreId)
        .orderBy('at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}

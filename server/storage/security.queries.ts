import type { Kysely, Selectable } from 'kysely';
import type { LoginThrottleRecord, SecurityEventRecord, SecurityStore } from '../accounts/security.port.ts';
import type { Database } from './db.types.ts';

type SecurityEventRow = Selectable<Database['security_events']>;
type LoginThrottleRow = Selectable<Database['login_throttles']>;

const throttleFromRow = (r: LoginThrottleRow): LoginThrottleRecord => ({
  key: r.key,
  failures: Number(r.failures),
  lastFailureMs: Number(r.last_failure_at),
  lockedUntilMs: Number(r.locked_until),
});

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

/** The SecurityStore as portable Kysely queries (migrations 0009 and, for login_throttles, 0011). */
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

    async getLoginThrottles(keys) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('login_throttles')
        .selectAll()
        .where('key', 'in', [...keys])
        .execute();
      return rows.map(throttleFromRow);
    },
    async putLoginThrottle(r) {
      const values = { failures: r.failures, last_failure_at: r.lastFailureMs, locked_until: r.lockedUntilMs };
      await db
        .insertInto('login_throttles')
        .values({ key: r.key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    },
    async deleteLoginThrottle(key) {
      await db.deleteFrom('login_throttles').where('key', '=', key).execute();
    },
    async pruneLoginThrottles({ forgottenBeforeMs, nowMs, maxRows }) {
      const forgotten = await db
        .deleteFrom('login_throttles')
        .where('last_failure_at', '<=', forgottenBeforeMs)
        .where('locked_until', '<=', nowMs)
        .executeTakeFirst();
      let pruned = Number(forgotten.numDeletedRows);
      const { count } = await db
        .selectFrom('login_throttles')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      const excess = Number(count) - maxRows;
      if (excess > 0) {
        // A flood of distinct names: the unlocked keys failed longest ago go first (locks stay).
        const oldest = db
          .selectFrom('login_throttles')
          .select('key')
          .where('locked_until', '<=', nowMs)
          .orderBy('last_failure_at')
          .orderBy('key')
          .limit(excess);
        pruned += Number((await db.deleteFrom('login_throttles').where('key', 'in', oldest).executeTakeFirst()).numDeletedRows);
      }
      return pruned;
    },
  };
}

import type { Kysely, Selectable } from 'kysely';
import type { DeviceKind, Role } from '../accounts/principal.ts';
import type { AccountCredentials, AccountsStore, DeviceTokenRecord, SessionRecord } from '../accounts/accounts.port.ts';
import type { Database } from './db.types.ts';

/** The tables and columns of migrations 0003 and 0008, as stored (instants epoch ms, flags 0/1). */
type StaffAccountRow = Selectable<Database['staff']>;
type SessionRow = Selectable<Database['sessions']>;
type DeviceTokenRow = Selectable<Database['device_tokens']>;

const num = (v: number | string | bigint | null): number | null => (v === null ? null : Number(v));

const accountFromRow = (r: StaffAccountRow): AccountCredentials => ({
  centreId: r.centre_id,
  staffId: r.id,
  name: r.name,
  username: r.username ?? '',
  role: r.role as Role,
  active: Number(r.active) === 1,
  mustChangePassword: Number(r.must_change_password) === 1,
  passwordHash: r.password_hash,
});

const sessionFromRow = (r: SessionRow): SessionRecord => ({
  idHash: r.id,
  centreId: r.centre_id,
  staffId: r.staff_id,
  createdAtMs: num(r.created_at)!,
  expiresAtMs: num(r.expires_at)!,
  revokedAtMs: num(r.revoked_at),
});

const tokenFromRow = (r: DeviceTokenRow): DeviceTokenRecord => ({
  id: r.id,
  centreId: r.centre_id,
  kind: r.kind as DeviceKind,
  name: r.name,
  secretHash: r.secret_hash,
  createdAtMs: num(r.created_at)!,
  createdBy: r.created_by,
  revokedAtMs: num(r.revoked_at),
  lastSeenAtMs: num(r.last_seen_at),
  counterId: r.counter_id ?? null,
});

/**
 * The AccountsStore as portable Kysely queries over one executor (the root database, or the
 * connection holding a write transaction), like kysely.queries.ts for the queue.
 */
export function accountsQueries(db: Kysely<Database>): AccountsStore {
  return {
    async countAccounts() {
      const r = await db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('username', 'is not', null)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async findAccountByUsername(username) {
      const r = await db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
      return r ? accountFromRow(r) : null;
    },
    async getAccount(centreId, staffId) {
      const r = await db
        .selectFrom('staff')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('id', '=', staffId)
        .where('username', 'is not', null)
        .executeTakeFirst();
      return r ? accountFromRow(r) : null;
    },
    async listAccounts(centreId) {
      const rows = await db.selectFrom('staff').selectAll().where('centre_id', '=', centreId).where('username', 'is not', null).orderBy('username').execute();
      return rows.map((r) => {
        const { passwordHash: _hidden, ...account } = accountFromRow(r);
        return account;
      });
    },
    async setAccount(centreId, staffId, u) {
      const r = await db
        .updateTable('staff')
        .set({
          username: u.username,
          password_hash: u.passwordHash,
          role: u.role,
          active: u.active ? 1 : 0,
          must_change_password: u.mustChangePassword ? 1 : 0,
        })
        .where('centre_id', '=', centreId)
        .where('id', '=', staffId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async setPassword(centreId, staffId, passwordHash, mustChangePassword) {
      await db
        .updateTable('staff')
        .set({ password_hash: passwordHash, must_change_password: mustChangePassword ? 1 : 0 })
        .where('centre_id', '=', centreId)
        .where('id', '=', staffId)
        .execute();
    },

    async insertSession(s) {
      await db
        .insertInto('sessions')
        .values({
          id: s.idHash,
          centre_id: s.centreId,
          staff_id: s.staffId,
          created_at: s.createdAtMs,
          expires_at: s.expiresAtMs,
          revoked_at: s.revokedAtMs,
        })
        .execute();
    },
    async getSession(idHash) {
      const r = await db.selectFrom('sessions').selectAll().where('id', '=', idHash).executeTakeFirst();
      return r ? sessionFromRow(r) : null;
    },
    async revokeSession(idHash, atMs) {
      await db.updateTable('sessions').set({ revoked_at: atMs }).where('id', '=', idHash).where('revoked_at', 'is', null).execute();
    },
    async revokeSessionsOf(centreId, staffId, atMs, keepIdHash) {
      let q = db
        .updateTable('sessions')
        .set({ revoked_at: atMs })
        .where('centre_id', '=', centreId)
        .where('staff_id', '=', staffId)
        .where('revoked_at', 'is', null);
      if (keepIdHash !== undefined) q = q.where('id', '!=', keepIdHash);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async insertDeviceToken(t) {
      await db
        .insertInto('device_tokens')
        .values({
          id: t.id,
          centre_id: t.centreId,
          kind: t.kind,
          name: t.name,
          secret_hash: t.secretHash,
          created_at: t.createdAtMs,
          created_by: t.createdBy,
          revoked_at: t.revokedAtMs,
          last_seen_at: t.lastSeenAtMs,
          counter_id: t.counterId,
        })
        .execute();
    },
    async getDeviceToken(id) {
      const r = await db.selectFrom('device_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? tokenFromRow(r) : null;
    },
    async listDeviceTokens(centreId) {
      const rows = await db.selectFrom('device_tokens').selectAll().where('centre_id', '=', centreId).orderBy('created_at').orderBy('id').execute();
      return rows.map(tokenFromRow);
    },
    async revokeDeviceToken(centreId, id, atMs) {
      const r = await db
        .updateTable('device_tokens')
        .set({ revoked_at: atMs })
        .where('centre_id', '=', centreId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async touchDeviceToken(id, atMs) {
      await db.updateTable('device_tokens').set({ last_seen_at: atMs }).where('id', '=', id).execute();
    },
  };
}

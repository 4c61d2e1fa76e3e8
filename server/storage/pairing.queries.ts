import type { Kysely, Selectable } from 'kysely';
import type { PairingCodeRecord, PairingStore } from '../pairing/pairing.port.ts';
import type { Database } from './db.types.ts';

type PairingRow = Selectable<Database['pairing_codes']>;

const num = (v: number | null): number | null => (v === null ? null : Number(v));

const fromRow = (r: PairingRow): PairingCodeRecord => ({
  id: r.id,
  centreId: r.centre_id,
  deviceId: r.device_id,
  codeHash: r.code_hash,
  sealedToken: r.sealed_token,
  createdAtMs: Number(r.created_at),
  expiresAtMs: Number(r.expires_at),
  usedAtMs: num(r.used_at),
  revokedAtMs: num(r.revoked_at),
});

/** The PairingStore as portable Kysely queries (each one statement, atomic on its own). */
export function pairingQueries(db: Kysely<Database>): PairingStore {
  return {
    async insertPairingCode(p) {
      const inserted = await db
        .insertInto('pairing_codes')
        .values({
          id: p.id,
          centre_id: p.centreId,
          device_id: p.deviceId,
          code_hash: p.codeHash,
          sealed_token: p.sealedToken,
          created_at: p.createdAtMs,
          expires_at: p.expiresAtMs,
          used_at: p.usedAtMs,
          revoked_at: p.revokedAtMs,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async findPairingCode(codeHash) {
      const row = await db.selectFrom('pairing_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async claimPairingCode(id, atMs) {
      // One statement: under concurrent claims (any instance) the row lock / SQLite's writer lock
      // lets exactly one see the code still unused.
      const r = await db
        .updateTable('pairing_codes')
        .set({ used_at: atMs, sealed_token: null })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', atMs)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async revokePairingCodes(centreId, deviceId, atMs) {
      const r = await db
        .updateTable('pairing_codes')
        .set({ revoked_at: atMs, sealed_token: null })
        .where('centre_id', '=', centreId)
        .where('device_id', '=', deviceId)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async wipeExpiredPairingSeals(atMs) {
      const r = await db
        .updateTable('pairing_codes')
        .set({ sealed_token: null })
        .where('expires_at', '<=', atMs)
        .where('sealed_token', 'is not', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}

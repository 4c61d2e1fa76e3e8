import type { Kysely } from 'kysely';

// Issue #15: short one-time pairing codes (docs/security.md "Devices and pairing"). Portable DDL
// (SQLite and PostgreSQL alike): text ids, bigint epoch-ms instants.
// - pairing_codes: one row per code an admin was given with a kiosk, display or rating-screen
//   token. device_id: the device_tokens row it pairs. code_hash: HMAC-SHA256 of the normalised
//   code under a key derived from the session secret (never the code). sealed_token: the device
//   token encrypted (AES-256-GCM) with a key derived from the code and that secret; wiped when
//   the code is used, revoked or found expired, so the plaintext token is never stored.
//   used_at / revoked_at: null while usable; expires_at: 15 minutes after created_at.
//   Redeeming is UPDATE … WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > now:
//   of two devices racing on one code, one row update wins, on any number of instances.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pairing_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('sealed_token', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  // A redeem finds its row by the hash; two live codes never share one.
  await db.schema.createIndex('pairing_codes_hash_ux').on('pairing_codes').column('code_hash').unique().execute();
  await db.schema.createIndex('pairing_codes_device_ix').on('pairing_codes').columns(['centre_id', 'device_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pairing_codes').execute();
}

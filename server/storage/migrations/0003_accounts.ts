import type { Kysely } from 'kysely';

// Accounts and devices (issue #3). Portable DDL (SQLite today, PostgreSQL later): ADD COLUMN one
// at a time (SQLite cannot add several in one ALTER), text ids, bigint epoch-ms instants, 0/1 flags.
// Secrets are never stored: sessions are keyed by a hash of their id, device tokens keep a hash
// of their secret, passwords an scrypt hash with its parameters.
export async function up(db: Kysely<any>): Promise<void> {
  // A staff row becomes an account once it has a username; null usernames are allowed many times.
  await db.schema.alterTable('staff').addColumn('username', 'text').execute();
  await db.schema.alterTable('staff').addColumn('password_hash', 'text').execute();
  await db.schema
    .alterTable('staff')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('staff'))
    .execute();
  await db.schema
    .alterTable('staff')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('staff')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Unique across the deployment: a login names no centre.
  await db.schema.createIndex('staff_username_uq').unique().on('staff').column('username').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the cookie's random id
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('sessions_staff_ix').on('sessions').columns(['centre_id', 'staff_id']).execute();

  await db.schema
    .createTable('device_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('revoked_at', 'bigint')
    .addColumn('last_seen_at', 'bigint')
    .execute();
  await db.schema.createIndex('device_tokens_centre_ix').on('device_tokens').column('centre_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('device_tokens').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropIndex('staff_username_uq').execute();
  for (const column of ['must_change_password', 'active', 'role', 'password_hash', 'username']) {
    await db.schema.alterTable('staff').dropColumn(column).execute();
  }
}

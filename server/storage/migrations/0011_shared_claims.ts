import type { Kysely } from 'kysely';

// Issue #13: several server instances on one PostgreSQL. What one process kept in memory and every
// instance must see becomes a store fact. Portable DDL (SQLite and PostgreSQL alike).
// - print_jobs.claimed_until: the bridge of the job said `print:claim` (its first byte is about to
//   go out); until this instant the deadline sweep of any instance leaves the job alone. Null: never
//   claimed. Only the job's own bridge (bridge_id) may claim it.
// - login_throttles: failed logins per throttle key (`user:<name>`, `addr:<address>`) and the key's
//   lock, so the guesses through every instance add up (docs/security.md "Login throttling").
//   Rows an hour without a failure and unlocked are pruned (last_failure_at index).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('print_jobs').addColumn('claimed_until', 'bigint').execute();
  await db.schema
    .createTable('login_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttles_last_failure_ix').on('login_throttles').column('last_failure_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_throttles').execute();
  await db.schema.alterTable('print_jobs').dropColumn('claimed_until').execute();
}

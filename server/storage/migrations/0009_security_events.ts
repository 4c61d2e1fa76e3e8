import type { Kysely } from 'kysely';

// Login throttling is audited (issue #10): every lock that starts is a row, kept like the other
// records. `centre_id` is the centre of the account the attempt named, null when no account has
// that username (a guess at a name): those rows are the operator's (log and store), no centre's.
// Rows are bounded by the throttle itself: a key's next lock can only start after its last ends.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('security_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('lock_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('security_events_centre_at_ix').on('security_events').columns(['centre_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('security_events').execute();
}

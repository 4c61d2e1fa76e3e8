import { sql, type Kysely } from 'kysely';

// Issue #14: SLA alerts (docs/alerts.md). Portable DDL (SQLite and PostgreSQL alike): text ids,
// bigint epoch-ms instants.
// - alerts: every alert a centre had. kind: wait | queue_length | counter_idle | no_open_counter;
//   subject: the service id (counter id for counter_idle), also in service_id / counter_id.
//   threshold: the setting it crossed; value: the latest measured figure, peak_value the highest;
//   over_count (wait only): tickets beyond the threshold. raised_at: when the threshold was
//   crossed; cleared_at: when the cause was gone (null while open).
// - alerts_open_ux: at most one OPEN alert per (centre, kind, subject), a partial unique index
//   (both stores have them). Raising is INSERT … ON CONFLICT DO NOTHING and clearing is
//   UPDATE … WHERE cleared_at IS NULL, so of two instances evaluating at once one writes, and
//   only that one publishes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('counter_id', 'text')
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('peak_value', 'integer', (c) => c.notNull())
    .addColumn('over_count', 'integer')
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('cleared_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('alerts_open_ux')
    .on('alerts')
    .columns(['centre_id', 'kind', 'subject'])
    .unique()
    .where(sql.ref('cleared_at'), 'is', null)
    .execute();
  // The report's read: a centre's alerts by when they were raised.
  await db.schema.createIndex('alerts_centre_raised_ix').on('alerts').columns(['centre_id', 'raised_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alerts').execute();
}

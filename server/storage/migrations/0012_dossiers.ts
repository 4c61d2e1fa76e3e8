import { sql, type Kysely } from 'kysely';

// Issue #14: result return by dossier code, and a generic webhook outbox. Portable DDL (SQLite
// and PostgreSQL alike): text ids, bigint epoch-ms instants, JSON as text.
// - dossiers: what the province's dossier system told us about a dossier (mã hồ sơ), per centre.
//   due_date is a calendar day (YYYY-MM-DD). returned_at/by: the officer who handed the result.
// - webhook_deliveries: the outbox. A row is written in the business transaction (nothing
//   acknowledged is lost); a sender of any instance claims due rows (claim_until, a lease), POSTs
//   them signed, and records the answer: delivered_at on a 2xx, otherwise attempts + 1 and the next
//   attempt's instant, until gave_up_at (kept, visible).
// - tickets.dossier_code / dossier_unverified: a result-return ticket names its dossier; an
//   unknown code issued under `unknownDossier: 'issue-flagged'` is flagged ("chưa tra được hồ sơ").
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dossiers')
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('return_counter_id', 'text')
    .addColumn('return_service_id', 'text')
    .addColumn('citizen_name', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('returned_at', 'bigint')
    .addColumn('returned_by', 'text')
    .addPrimaryKeyConstraint('dossiers_pk', ['centre_id', 'code'])
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('gave_up_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('claim_until', 'bigint')
    .addColumn('claim_by', 'text')
    .execute();
  // The sender's read: rows neither delivered nor given up, by next attempt.
  await db.schema.createIndex('webhook_deliveries_due_ix').on('webhook_deliveries').columns(['delivered_at', 'gave_up_at', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_centre_ix').on('webhook_deliveries').columns(['centre_id', 'created_at']).execute();

  await db.schema.alterTable('tickets').addColumn('dossier_code', 'text').execute();
  await db.schema
    .alterTable('tickets')
    .addColumn('dossier_unverified', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // A second scan of the same slip finds the ticket it already has (partial: return tickets only).
  await db.schema
    .createIndex('tickets_dossier_ix')
    .on('tickets')
    .columns(['centre_id', 'dossier_code'])
    .where(sql.ref('dossier_code'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_dossier_ix').execute();
  await db.schema.alterTable('tickets').dropColumn('dossier_unverified').execute();
  await db.schema.alterTable('tickets').dropColumn('dossier_code').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('dossiers').execute();
}

import type { Kysely } from 'kysely';

// Printing (issue #4). Portable DDL like the others: text ids, bigint epoch-ms instants.
// print_jobs: one row per ticket print (and per staff reprint); kept after it finishes, as the
// record of what came out of which printer. device_status: what each bridge announced and how
// each device was when last heard of; kiosk_id is the printer → kiosk assignment of the
// bridge's config, kept so a job can be stored for a kiosk whose bridge is momentarily away.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('print_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('kiosk_id', 'text')
    .addColumn('bridge_id', 'text', (c) => c.notNull())
    .addColumn('printer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reprint', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_by', 'text') // staff id of a reprint
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text') // a PrintErrorCode
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // Past this instant the job is abandoned, never delivered again.
    .addColumn('deadline_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('print_jobs_status_ix').on('print_jobs').columns(['centre_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('print_jobs_ticket_ix').on('print_jobs').column('ticket_id').execute();
  await db.schema.createIndex('print_jobs_bridge_ix').on('print_jobs').columns(['bridge_id', 'status']).execute();

  await db.schema
    .createTable('device_status')
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('bridge_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kiosk_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('connected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_status_pk', ['centre_id', 'bridge_id', 'device_id'])
    .execute();
  await db.schema.createIndex('device_status_kiosk_ix').on('device_status').columns(['centre_id', 'kiosk_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('device_status').execute();
  await db.schema.dropTable('print_jobs').execute();
}

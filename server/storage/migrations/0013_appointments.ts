import { sql, type Kysely } from 'kysely';

// Issue #14: appointments (đặt lịch hẹn). Portable DDL (SQLite and PostgreSQL alike): text ids,
// bigint epoch-ms instants.
// - appointments: one booked slot of a service. `day` and `time` are the slot's business day and
//   wall-clock start in the centre's zone; `slot_at` the same instant in epoch ms. state: booked →
//   checked_in | cancelled (a no-show is computed: booked past its arrival window). `code` is the
//   citizen's 8-digit key (check-in, cancel), unique per centre. Capacity is counted on
//   (centre_id, service_id, slot_at) inside the centre's write transaction.
// - tickets.appointment_id: the appointment a ticket was issued for at check-in;
//   tickets.appointment_at: its slot start when checked in within the window — the ticket's place
//   in the calling order (server/queue/calling-policy.ts). Waiting appointment tickets are few:
//   a partial index finds them for call-next without touching the walk-ins' index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('slot_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('check_in_kind', 'text')
    .addColumn('checked_in_at', 'bigint')
    .addColumn('ticket_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('cancelled_at', 'bigint')
    .execute();
  await db.schema.createIndex('appointments_code_ux').on('appointments').columns(['centre_id', 'code']).unique().execute();
  await db.schema.createIndex('appointments_slot_ix').on('appointments').columns(['centre_id', 'service_id', 'slot_at']).execute();
  await db.schema.createIndex('appointments_day_ix').on('appointments').columns(['centre_id', 'day']).execute();

  await db.schema.alterTable('tickets').addColumn('appointment_id', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('appointment_at', 'bigint').execute();
  await db.schema
    .createIndex('tickets_appointment_ix')
    .on('tickets')
    .columns(['centre_id', 'state', 'appointment_at'])
    .where(sql.ref('appointment_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_appointment_ix').execute();
  await db.schema.alterTable('tickets').dropColumn('appointment_at').execute();
  await db.schema.alterTable('tickets').dropColumn('appointment_id').execute();
  await db.schema.dropTable('appointments').execute();
}

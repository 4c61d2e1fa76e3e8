import type { Kysely } from 'kysely';

// Portable DDL only (SQLite today, PostgreSQL later): text ids, bigint instants, 0/1 flags.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('centres')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('numbering', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('services_pk', ['centre_id', 'id'])
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('counters_pk', ['centre_id', 'id'])
    .addUniqueConstraint('counters_number_uq', ['centre_id', 'number'])
    .execute();

  await db.schema
    .createTable('counter_services')
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('counter_services_pk', ['centre_id', 'counter_id', 'service_id'])
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_pk', ['centre_id', 'id'])
    .execute();

  await db.schema
    .createTable('number_sequences')
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_sequences_pk', ['centre_id', 'service_id', 'business_day'])
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('called_at', 'bigint')
    .addColumn('serving_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('counter_id', 'text')
    .addColumn('staff_id', 'text')
    .addUniqueConstraint('tickets_number_uq', ['centre_id', 'service_id', 'business_day', 'seq'])
    .execute();
  await db.schema.createIndex('tickets_day_state_ix').on('tickets').columns(['centre_id', 'business_day', 'state']).execute();
  await db.schema.createIndex('tickets_counter_state_ix').on('tickets').columns(['centre_id', 'counter_id', 'state']).execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text')
    .execute();
  await db.schema.createIndex('ticket_events_ticket_ix').on('ticket_events').column('ticket_id').execute();
  await db.schema.createIndex('ticket_events_centre_seq_ix').on('ticket_events').columns(['centre_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ticket_events', 'tickets', 'number_sequences', 'staff', 'counter_services', 'counters', 'services', 'centres']) {
    await db.schema.dropTable(t).execute();
  }
}

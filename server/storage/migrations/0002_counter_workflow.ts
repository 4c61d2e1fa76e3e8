import type { Kysely } from 'kysely';

// Counter workflow (issue #3): who holds a counter, its call order and weights, centre settings,
// priority and transfer on tickets, and service + detail on audit events. ADD COLUMN only: portable.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('centres')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .alterTable('counters')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('closed'))
    .execute();
  await db.schema.alterTable('counters').addColumn('held_by', 'text').execute();
  await db.schema.alterTable('counters').addColumn('opened_at', 'bigint').execute();
  await db.schema
    .alterTable('counters')
    .addColumn('call_order', 'text', (c) => c.notNull().defaultTo('fifo'))
    .execute();
  await db.schema
    .alterTable('counter_services')
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // A transfer moves a ticket into another service's queue, but its number still belongs to the
  // service that issued it (tickets_number_uq): service_id stays the issuing service and the queue
  // the ticket waits in is queue_service_id (Ticket.serviceId).
  await db.schema
    .alterTable('tickets')
    .addColumn('queue_service_id', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db
    .updateTable('tickets')
    .set((eb) => ({ queue_service_id: eb.ref('service_id') }))
    .execute();
  await db.schema.alterTable('tickets').addColumn('priority_group_id', 'text').execute();
  await db.schema
    .alterTable('tickets')
    .addColumn('recall_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('tickets').addColumn('target_counter_id', 'text').execute();
  await db.schema.createIndex('tickets_service_finished_ix').on('tickets').columns(['centre_id', 'queue_service_id', 'finished_at']).execute();
  await db.schema.createIndex('tickets_centre_state_ix').on('tickets').columns(['centre_id', 'state']).execute();

  // Who opened, paused, resumed, closed or force-closed which counter, when: append-only.
  await db.schema
    .createTable('counter_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .execute();
  await db.schema.createIndex('counter_events_ix').on('counter_events').columns(['centre_id', 'counter_id', 'at']).execute();

  await db.schema.alterTable('ticket_events').addColumn('service_id', 'text').execute();
  await db.schema.alterTable('ticket_events').addColumn('detail', 'text').execute();
  await db.schema.createIndex('ticket_events_counter_ix').on('ticket_events').columns(['centre_id', 'counter_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter_events').execute();
  await db.schema.dropIndex('ticket_events_counter_ix').execute();
  await db.schema.dropIndex('tickets_centre_state_ix').execute();
  await db.schema.dropIndex('tickets_service_finished_ix').execute();
  for (const [table, column] of [
    ['ticket_events', 'detail'],
    ['ticket_events', 'service_id'],
    ['tickets', 'target_counter_id'],
    ['tickets', 'recall_count'],
    ['tickets', 'priority_group_id'],
    ['tickets', 'queue_service_id'],
    ['counter_services', 'weight'],
    ['counters', 'call_order'],
    ['counters', 'opened_at'],
    ['counters', 'held_by'],
    ['counters', 'status'],
    ['centres', 'settings'],
  ] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
}

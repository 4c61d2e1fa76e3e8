import { sql, type Kysely } from 'kysely';

// Hot path (issue #11): issue, call-next, snapshot and the status page cost the same on a store
// with years of history as on an empty one. Portable DDL like the others.
//
// - tickets.is_priority (0/1, kept with priority_group_id) lets the queue heads be index seeks:
//   the oldest normal and the oldest priority ticket of a queue are each the first entry of
//   tickets_waiting_ix, and waiting counts read that index alone, already grouped by queue.
// - tickets_target_ix holds only tickets sent to a counter by a transfer (a handful).
// - tickets_day_called_ix gives a snapshot's recent calls newest first without sorting the day.
// - ticket_events_counter_at_ix gives a counter's recent calls (weighted and interleaved rules)
//   from its last day and a half, however long its history.
// - tickets_centre_state_ix is a prefix of tickets_waiting_ix; one index less to write.
// - centres.config_version is bumped in the same transaction as every change of the centre's
//   configuration (centre, services, counters and their state, settings), so a process can keep
//   that configuration in memory and check it with one read inside each ticket's transaction.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tickets')
    .addColumn('is_priority', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.updateTable('tickets').set({ is_priority: 1 }).where('priority_group_id', 'is not', null).execute();
  await db.schema
    .createIndex('tickets_waiting_ix')
    .on('tickets')
    .columns(['centre_id', 'state', 'queue_service_id', 'is_priority', 'issued_at', 'seq'])
    .execute();
  await db.schema
    .createIndex('tickets_target_ix')
    .on('tickets')
    .columns(['centre_id', 'target_counter_id', 'state', 'issued_at', 'seq'])
    .where(sql.ref('target_counter_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('tickets_day_called_ix').on('tickets').columns(['centre_id', 'business_day', 'called_at']).execute();
  await db.schema.createIndex('ticket_events_counter_at_ix').on('ticket_events').columns(['centre_id', 'counter_id', 'at', 'seq']).execute();
  await db.schema.dropIndex('tickets_centre_state_ix').execute();
  await db.schema
    .alterTable('centres')
    .addColumn('config_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('centres').dropColumn('config_version').execute();
  await db.schema.createIndex('tickets_centre_state_ix').on('tickets').columns(['centre_id', 'state']).execute();
  for (const ix of ['ticket_events_counter_at_ix', 'tickets_day_called_ix', 'tickets_target_ix', 'tickets_waiting_ix']) {
    await db.schema.dropIndex(ix).execute();
  }
  await db.schema.alterTable('tickets').dropColumn('is_priority').execute();
}

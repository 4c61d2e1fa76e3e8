import { sql, type Kysely } from 'kysely';

// Reports (issue #6). Portable DDL like the others: ADD COLUMN one at a time, bigint epoch-ms.
//
// tickets gain what the reports need and the life cycle overwrites: the first call (a recall or a
// call after a transfer moves called_at on) with where it happened, and how often the ticket was
// transferred. They are written by the reports' hook in the ticket change's own transaction.
//
// report_daily / report_hourly are the rollups a year-long summary reads instead of a million
// tickets: counts, duration sums and maxima, and sparse minute histograms (JSON text) per centre,
// business day, service, counter and officer ('' = none). report_rollup_state records that a
// centre's rollups were built from its tickets once (server start, or the history seed).
// report_rating_daily holds the ratings of settled days (below).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('first_called_at', 'bigint').execute();
  await db.schema.alterTable('tickets').addColumn('first_counter_id', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('first_staff_id', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('first_service_id', 'text').execute();
  await db.schema
    .alterTable('tickets')
    .addColumn('transfer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Tickets from before this migration: their first call and transfers, from the audit trail.
  const firstCall = (column: string) =>
    sql.raw(`(SELECT e.${column} FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.to_state = 'called'
      AND e.from_state = 'waiting' ORDER BY e.seq LIMIT 1)`);
  await db
    .updateTable('tickets')
    .set({
      first_called_at: firstCall('at'),
      first_counter_id: firstCall('counter_id'),
      first_staff_id: firstCall('actor_id'),
      first_service_id: firstCall('service_id'),
      transfer_count: sql`(SELECT count(*) FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.to_state = 'waiting'
        AND e.from_state IN ('called', 'serving') AND e.detail LIKE '%"toServiceId"%')`,
    })
    .where('called_at', 'is not', null)
    .execute();

  // The ticket log pages through a date range newest first.
  await db.schema.createIndex('tickets_log_ix').on('tickets').columns(['centre_id', 'business_day', 'issued_at', 'id']).execute();

  await db.schema
    .createTable('report_daily')
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('issued', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('served', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('no_show', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('transferred', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wait_n', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wait_sum_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('wait_max_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('wait_hist', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('service_n', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('service_sum_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('service_max_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('service_hist', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('report_daily_pk', ['centre_id', 'business_day', 'service_id', 'counter_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('report_hourly')
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('issued', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_hourly_pk', ['centre_id', 'business_day', 'service_id', 'hour'])
    .execute();

  // Ratings (0005) are summed straight from their table, through indexes that cover the query:
  // a year of ratings is read from the index alone, grouped in index order.
  await db.schema
    .createIndex('ratings_report_ix')
    .on('ratings')
    .columns(['centre_id', 'business_day', 'staff_id', 'counter_id', 'service_id', 'grade'])
    .execute();
  // Refused presses are few among all presses: found by outcome and time, read from the index.
  await db.schema
    .createIndex('rating_presses_report_ix')
    .on('rating_presses')
    .columns(['centre_id', 'outcome', 'pressed_at', 'counter_id', 'staff_id'])
    .execute();

  // Ratings per day, officer, counter, service and grade, for days whose ratings can no longer
  // change (a keypad may deliver a press up to 7 days late): report_rating_state says up to which
  // business day they are summed. Recent days are summed from the ratings themselves.
  await db.schema
    .createTable('report_rating_daily')
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('ratings', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_rating_daily_pk', ['centre_id', 'business_day', 'staff_id', 'counter_id', 'service_id', 'grade'])
    .execute();
  await db.schema
    .createTable('report_rating_state')
    .addColumn('centre_id', 'text', (c) => c.primaryKey())
    .addColumn('rolled_through', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_rollup_state')
    .addColumn('centre_id', 'text', (c) => c.primaryKey())
    .addColumn('built_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_rollup_state').execute();
  await db.schema.dropTable('report_rating_state').execute();
  await db.schema.dropTable('report_rating_daily').execute();
  await db.schema.dropIndex('rating_presses_report_ix').execute();
  await db.schema.dropIndex('ratings_report_ix').execute();
  await db.schema.dropTable('report_hourly').execute();
  await db.schema.dropTable('report_daily').execute();
  await db.schema.dropIndex('tickets_log_ix').execute();
  for (const column of ['transfer_count', 'first_service_id', 'first_staff_id', 'first_counter_id', 'first_called_at']) {
    await db.schema.alterTable('tickets').dropColumn(column).execute();
  }
}

import { sql, type Kysely } from 'kysely';

// Ratings (issue #5). Portable DDL like the others: text ids, bigint epoch-ms instants, 0/1 flags.
// The reports (issue #6) aggregate `ratings` and `rating_presses`; every column says what it is.
//
// rating_arms — one row per ticket finished at a counter: that counter's keypad and rating
//   screen are armed for it from armed_at to closes_at. Kept in the store so a server restart
//   does not lose an open window.
//     ticket_id (unique), counter_id, staff_id (the officer who finished it), service_id (its
//     lĩnh vực then), business_day (the ticket's), scale (3|4, the centre's scale at the finish),
//     armed_at, closes_at, rated_at (null until a press is accepted; then the arm is spent).
//
// ratings — the one rating of a served ticket (ticket_id unique: one rating per ticket).
//     counter_id, staff_id, service_id, business_day: copied from the arm, so a report needs no join;
//     level: the button (1 = leftmost … scale); scale: 3 or 4;
//     grade: very_satisfied | satisfied | neutral | dissatisfied (what the level means on that scale);
//     satisfied: 1 for the top two grades (DOMAIN.md), else 0;
//     source: keypad | screen | api;
//     idempotency_key: unique per centre ("keypad:<bridge>:<keypad>:<boot>:<seq>", "screen:<key>", "api:<key>");
//     pressed_at: when the button was pressed; created_at: when the server recorded it.
//
// rating_presses — every press from every source with its outcome (anti-gaming reports):
//     outcome: accepted | rejected_disarmed | rejected_late | rejected_already_rated |
//       rejected_invalid | duplicate (the same idempotency key delivered again: not a new press;
//       leave these out when counting presses);
//     counter_id; keypad_id and bridge_id (keypad presses); ticket_id and staff_id of the arm it
//     was judged against (null when disarmed); source; level; idempotency_key (unique per centre
//     among non-duplicates); rating_id (the rating an accepted press made);
//     pressed_at ("at": when pressed), received_at (when the server got it).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rating_arms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'text')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('scale', 'integer', (c) => c.notNull())
    .addColumn('armed_at', 'bigint', (c) => c.notNull())
    .addColumn('closes_at', 'bigint', (c) => c.notNull())
    .addColumn('rated_at', 'bigint')
    .execute();
  await db.schema.createIndex('rating_arms_counter_ix').on('rating_arms').columns(['centre_id', 'counter_id', 'armed_at']).execute();

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('scale', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('pressed_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('ratings_idempotency_uq', ['centre_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('ratings_day_ix').on('ratings').columns(['centre_id', 'business_day']).execute();

  await db.schema
    .createTable('rating_presses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('keypad_id', 'text')
    .addColumn('bridge_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('staff_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('rating_id', 'text')
    .addColumn('pressed_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  // One decided press per key; its redeliveries are rows with outcome 'duplicate'.
  await db.schema
    .createIndex('rating_presses_key_uq')
    .on('rating_presses')
    .columns(['centre_id', 'idempotency_key'])
    .unique()
    .where(sql.ref('outcome'), '<>', 'duplicate')
    .execute();
  await db.schema.createIndex('rating_presses_counter_ix').on('rating_presses').columns(['centre_id', 'counter_id', 'pressed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rating_presses').execute();
  await db.schema.dropTable('ratings').execute();
  await db.schema.dropTable('rating_arms').execute();
}

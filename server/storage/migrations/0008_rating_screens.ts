import type { Kysely } from 'kysely';

// Rating screens are paired devices (issue #10): a rating-screen token is bound to one counter.
// Null for every other kind of device (and for every token made before).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('device_tokens').addColumn('counter_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('device_tokens').dropColumn('counter_id').execute();
}

import { sql, type Kysely } from 'kysely';

// Issue #13: a province administrator gives each centre its postal address (one line, as the
// centre writes it; not translated). Existing centres get none (''). Portable SQL: ADD COLUMN
// with a constant default runs alike on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('centres')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(sql`''`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('centres').dropColumn('address').execute();
}

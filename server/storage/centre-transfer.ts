import { existsSync } from 'node:fs';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Database } from './db.types.ts';
import { migrateToLatest } from './migrations/index.ts';
import { mapPgFaults, redactUrl } from './postgres-faults.ts';
import { openSqliteDatabase } from './sqlite-driver.ts';

/**
 * Moves embedded centres (a commune's SQLite file) into a PostgreSQL database (the province's),
 * for `scripts/migrate-postgres.ts` (docs/deployment.md, "Moving an embedded centre into the
 * province database"). Both databases are first migrated to the latest schema, so their columns
 * are the same; rows are then copied as stored (epoch-ms bigints, 0/1 flags, JSON text).
 */

/** How one table's rows follow their centre, and how to page through them in a stable order. */
interface CopiedTable {
  /** The column naming the centre: `id` for `centres` itself, `centre_id` everywhere else. */
  owner: 'id' | 'centre_id';
  /** Columns unique within one centre (its primary key without centre_id): the keyset. */
  key: readonly string[];
}
/** A table whose rows belong to no centre and stay in the file: why. */
interface LeftTable {
  left: string;
}
type TableCopy = CopiedTable | LeftTable;

/**
 * Every table of `Database`, in copy order: a parent before the tables whose foreign keys name it
 * (services, counters, staff, tickets, device_tokens → centres; ticket_events → tickets). A table
 * added to db.types.ts is a compile error here until listed. Every copied table has centre_id:
 * nothing is reached through a join. security_events rows without a centre (a login with an
 * unknown username) belong to no centre and stay in the file.
 */
export const CENTRE_TABLES = {
  centres: { owner: 'id', key: ['id'] },
  services: { owner: 'centre_id', key: ['id'] },
  counters: { owner: 'centre_id', key: ['id'] },
  counter_services: { owner: 'centre_id', key: ['counter_id', 'service_id'] },
  staff: { owner: 'centre_id', key: ['id'] },
  number_sequences: { owner: 'centre_id', key: ['service_id', 'business_day'] },
  tickets: { owner: 'centre_id', key: ['id'] },
  ticket_events: { owner: 'centre_id', key: ['id'] },
  counter_events: { owner: 'centre_id', key: ['id'] },
  sessions: { owner: 'centre_id', key: ['id'] },
  device_tokens: { owner: 'centre_id', key: ['id'] },
  print_jobs: { owner: 'centre_id', key: ['id'] },
  device_status: { owner: 'centre_id', key: ['bridge_id', 'device_id'] },
  rating_arms: { owner: 'centre_id', key: ['id'] },
  ratings: { owner: 'centre_id', key: ['id'] },
  rating_presses: { owner: 'centre_id', key: ['id'] },
  report_daily: { owner: 'centre_id', key: ['business_day', 'service_id', 'counter_id', 'staff_id'] },
  report_hourly: { owner: 'centre_id', key: ['business_day', 'service_id', 'hour'] },
  report_rating_daily: { owner: 'centre_id', key: ['business_day', 'staff_id', 'counter_id', 'service_id', 'grade'] },
  report_rating_state: { owner: 'centre_id', key: ['centre_id'] },
  report_rollup_state: { owner: 'centre_id', key: ['centre_id'] },
  security_events: { owner: 'centre_id', key: ['id'] },
  appointments: { owner: 'centre_id', key: ['id'] },
  alerts: { owner: 'centre_id', key: ['id'] },
  // Keyed by `user:<name>` or `addr:<address>`, not by centre, and pruned an hour after the last
  // failure: a moved centre's officers start with no failed logins counted.
  dossiers: { owner: 'centre_id', key: ['code'] },
  webhook_deliveries: { owner: 'centre_id', key: ['id'] },
  login_throttles: { left: 'failed-login counters of the instance (no centre; pruned after an hour)' },
  // Issue #15: a code lives 15 minutes and its token is sealed under the source's SESSION_SECRET.
  pairing_codes: { left: 'one-time pairing codes (15 minutes; sealed with the source instance session secret)' },
} as const satisfies Record<keyof Database, TableCopy>;

type Tables = typeof CENTRE_TABLES;
/** The tables a centre's rows are copied from. */
export type TableName = { [T in keyof Tables]: Tables[T] extends CopiedTable ? T : never }[keyof Tables];
const TABLES = (Object.keys(CENTRE_TABLES) as (keyof Tables)[]).filter((t): t is TableName => 'owner' in CENTRE_TABLES[t]);

/** Rows per INSERT (fewer for wide tables: PostgreSQL takes at most 65,535 parameters). */
const BATCH_ROWS = 1_000;
const MAX_PARAMETERS = 60_000;

/** A transfer that was refused or undone for a reason the operator can act on: one line, no stack. */
export class TransferRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransferRefused';
  }
}

export interface TransferOptions {
  /** The embedded server's SQLite file (DATA_DIR/luot.sqlite); it is migrated, never emptied. */
  fromFile: string;
  /** postgres://… of the province database. */
  toUrl: string;
  /** The centres to move (default: every centre of the file). */
  centreIds?: readonly string[];
  /** Told of each table once it is copied and counted (the command's report). */
  onTable?: (centreId: string, table: TableName, rows: number) => void;
}

export interface CentreTransfer {
  centreId: string;
  tables: { table: TableName; rows: number }[];
}

type Row = Record<string, unknown>;

/**
 * Copies each centre of the file (or those named) with every row of every table, one PostgreSQL
 * transaction per centre, under that centre's lock (the store's `centre:<id>` advisory lock), and
 * verifies the target's count per table against the file before COMMIT. Refuses, before writing
 * anything, a centre the target already holds, an unknown centre, or a username taken there.
 */
export async function transferCentres(options: TransferOptions): Promise<CentreTransfer[]> {
  const source = await openSource(options.fromFile);
  try {
    const centreIds = await chooseCentres(source, options);
    const target = await openTarget(options.toUrl);
    try {
      // Every centre is checked before the first is copied: a refusal writes nothing at all.
      for (const id of centreIds) await refuseIfPresent(target, source, id);
      const done: CentreTransfer[] = [];
      for (const id of centreIds) done.push(await transferCentre(source, target, id, options.onTable));
      return done;
    } finally {
      await target.destroy();
    }
  } finally {
    await source.destroy();
  }
}

async function openSource(file: string): Promise<Kysely<Database>> {
  // better-sqlite3 would create a missing file; a typo must not become an empty centre list.
  if (!existsSync(file)) throw new TransferRefused(`the SQLite file ${file} does not exist`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: await openSqliteDatabase(file) }) });
  try {
    // As the embedded store opens it (sqlite.store.ts): wait for a writer, foreign keys on while migrating.
    await sql`PRAGMA busy_timeout = 5000`.execute(db);
    await sql`PRAGMA foreign_keys = ON`.execute(db);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
    if (rows[0]?.n !== 1) throw new TransferRefused(`${file} is not a Luot database (no kysely_migration table)`);
    // Brought to the latest schema, as the embedded store does on open: the target has the same columns.
    await migrateToLatest(db);
    return db;
  } catch (error) {
    await db.destroy();
    if (error instanceof Error && /file is not a database/i.test(error.message)) throw new TransferRefused(`${file} is not a SQLite database`);
    throw error;
  }
}

async function chooseCentres(source: Kysely<Database>, options: TransferOptions): Promise<string[]> {
  const present = (await source.selectFrom('centres').select('id').orderBy('id').execute()).map((c) => c.id);
  if (!options.centreIds?.length) {
    if (present.length === 0) throw new TransferRefused(`${options.fromFile} holds no centre`);
    return present;
  }
  const missing = options.centreIds.filter((id) => !present.includes(id));
  if (missing.length > 0) throw new TransferRefused(`${options.fromFile} holds no centre ${missing.join(', ')} (it holds: ${present.join(', ') || 'none'})`);
  return [...new Set(options.centreIds)];
}

/**
 * PostgreSQL's int8 and numeric as JS numbers, on this pool only: copied from postgres.store.ts
 * (its `types` is not exported), so counts compare with SQLite's numbers.
 */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The target, migrated to latest under Kysely's migration lock (instances may be starting too); one connection. */
async function openTarget(url: string): Promise<Kysely<Database>> {
  const pool = new pg.Pool({ connectionString: url, max: 1, types, application_name: 'luot-migrate-postgres', connectionTimeoutMillis: 5_000 });
  // An idle connection that breaks is dropped by the pool; the next statement fails with the fault.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: mapPgFaults(pool, redactUrl(url)) }) });
  try {
    await migrateToLatest(db);
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

const ownerRef = (table: TableName) => sql.ref(CENTRE_TABLES[table].owner);

async function countRows(db: Kysely<Database>, table: TableName, centreId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${ownerRef(table)} = ${centreId}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** What makes the target refuse a centre before anything is written: it is there, or its logins are taken. */
async function refuseIfPresent(target: Kysely<Database>, source: Kysely<Database>, centreId: string): Promise<void> {
  const present = await target.selectFrom('centres').select(['id', 'name_vi']).where('id', '=', centreId).executeTakeFirst();
  if (present) throw new TransferRefused(`the target already holds centre ${centreId} (${present.name_vi}): nothing was copied`);
  // Usernames are unique across a deployment (0003_accounts): a clash would fail the copy half-way.
  const usernames = (await source.selectFrom('staff').select('username').where('centre_id', '=', centreId).where('username', 'is not', null).execute()).map(
    (s) => s.username as string,
  );
  if (usernames.length === 0) return;
  const taken = await target.selectFrom('staff').select(['username', 'centre_id']).where('username', 'in', usernames).execute();
  if (taken.length > 0) {
    const list = taken.map((t) => `${t.username} (centre ${t.centre_id})`).join(', ');
    throw new TransferRefused(
      `centre ${centreId}: usernames already used in the target: ${list}; rename them in the embedded server first. Nothing was copied`,
    );
  }
}

/** One centre in one PostgreSQL transaction, read from one SQLite snapshot. */
async function transferCentre(
  source: Kysely<Database>,
  target: Kysely<Database>,
  centreId: string,
  onTable: TransferOptions['onTable'],
): Promise<CentreTransfer> {
  return source.connection().execute((src) =>
    target.connection().execute(async (dst) => {
      await sql`BEGIN`.execute(src);
      await sql`BEGIN ISOLATION LEVEL READ COMMITTED`.execute(dst);
      try {
        await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`centre:${centreId}`}, 0))`.execute(dst);
        // Again under the lock: another run may have copied it since the check.
        await refuseIfPresent(dst, src, centreId);
        const tables: CentreTransfer['tables'] = [];
        for (const table of TABLES) {
          const copied = await copyTable(src, dst, table, centreId);
          const [expected, found] = [await countRows(src, table, centreId), await countRows(dst, table, centreId)];
          if (copied !== expected || found !== expected) {
            throw new TransferRefused(
              `centre ${centreId}: table ${table} has ${expected} rows in the file but ${found} in the target after copying ${copied}: rolled back, nothing of centre ${centreId} was kept`,
            );
          }
          tables.push({ table, rows: copied });
          onTable?.(centreId, table, copied);
        }
        await sql`COMMIT`.execute(dst);
        return { centreId, tables };
      } catch (error) {
        await sql`ROLLBACK`.execute(dst).catch(() => undefined);
        throw error;
      } finally {
        await sql`COMMIT`.execute(src).catch(() => undefined);
      }
    }),
  );
}

/** Pages through the centre's rows by keyset (never the whole table in memory), one INSERT per page. */
async function copyTable(src: Kysely<Database>, dst: Kysely<Database>, table: TableName, centreId: string): Promise<number> {
  const key = CENTRE_TABLES[table].key;
  const keyRow = (columns: readonly string[]) => sql`(${sql.join(columns.map((c) => sql.ref(c)))})`;
  const { rows: info } = await sql<{ n: number }>`SELECT count(*) AS n FROM pragma_table_info(${table})`.execute(src);
  const limit = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / Number(info[0]?.n ?? 1))));
  let after: unknown[] | null = null;
  let copied = 0;
  for (;;) {
    const past: RawBuilder<unknown> = after === null ? sql`` : sql`AND ${keyRow(key)} > (${sql.join(after)})`;
    const { rows } =
      await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${ownerRef(table)} = ${centreId} ${past} ORDER BY ${sql.join(key.map((c) => sql.ref(c)))} LIMIT ${limit}`.execute(
        src,
      );
    if (rows.length === 0) return copied;
    const columns = Object.keys(rows[0]!);
    const values = rows.map((r) => sql`(${sql.join(columns.map((c) => r[c]))})`);
    await sql`INSERT INTO ${sql.table(table)} ${keyRow(columns)} VALUES ${sql.join(values)}`.execute(dst);
    copied += rows.length;
    const last = rows[rows.length - 1]!;
    after = key.map((c) => last[c]);
    if (rows.length < limit) return copied;
  }
}

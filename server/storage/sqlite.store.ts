import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from './db.types.ts';
import { newConfigScope, type ConfigCache } from './config-cache.ts';
import { kyselyQueries } from './kysely.queries.ts';
import { storeQueries, writeTransaction } from './kysely-store.ts';
import { migrateToLatest } from './migrations/index.ts';
import { openSqliteDatabase, type StatementObserver } from './sqlite-driver.ts';
import type { Store } from '../kernel/store.port.ts';
import { runAfterCommit } from './after-commit.ts';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for throw-away stores in tests. */
  filename: string;
  /** How long a writer waits for another process's lock before failing, ms. */
  busyTimeoutMs?: number;
  /** Told of every statement run (the bench's statement counts, the query-plan test). */
  observe?: StatementObserver;
  /** Told when after-commit work throws (it must not; the commit stands and the rest still runs). */
  onAfterCommitError?: (error: unknown) => void;
}

/** How often the planner's statistics are refreshed while the server runs (SQLite's advice: hours). */
const OPTIMIZE_EVERY_MS = 3 * 3_600_000;

/** The embedded store: one SQLite file, WAL, migrations applied on open. */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
  const database = await openSqliteDatabase(options.filename, options.observe);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });

  await sql`PRAGMA journal_mode = WAL`.execute(db);
  // FULL: a ticket or rating acknowledged to a citizen survives a power cut of the kiosk PC.
  await sql`PRAGMA synchronous = FULL`.execute(db);
  await sql.raw(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`).execute(db);
  await sql`PRAGMA foreign_keys = ON`.execute(db);
  await migrateToLatest(db);
  // Keep the planner informed (docs/architecture.md, "Query plans"): statistics for tables that
  // lack them or changed much, read from a bounded sample so a year of history costs milliseconds.
  // Only an optimisation: a full disk or a read-only file must not stop the store from opening.
  await sql`PRAGMA analysis_limit = 1000`.execute(db);
  await sql`PRAGMA optimize = 0x10002`.execute(db).catch(() => undefined);
  const optimizer = setInterval(() => void sql`PRAGMA optimize`.execute(db).catch(() => undefined), OPTIMIZE_EVERY_MS);
  optimizer.unref?.();

  const configCache: ConfigCache = new Map();
  // Outside a transaction (no scope) every centreConfig() checks the version again.
  const reads = kyselyQueries(db, configCache);
  return {
    ...storeQueries(db, configCache),
    runInTx(_scope, fn) {
      // SQLite has one writer: BEGIN IMMEDIATE takes the database's write lock, which covers any
      // scope. Kysely has no BEGIN IMMEDIATE; hold the dialect's single connection and issue it.
      return db.connection().execute(async (conn) => {
        const { result, afterCommit } = await writeTransaction(conn, configCache, (c) => sql`BEGIN IMMEDIATE`.execute(c).then(() => undefined), fn);
        runAfterCommit(afterCommit, options.onAfterCommitError);
        return result;
      });
    },
    async cachedConfig(centreId) {
      return configCache.get(centreId) ?? reads.centreConfig(centreId);
    },
    consistentRead(fn) {
      return db.connection().execute(async (conn) => {
        await sql`BEGIN`.execute(conn);
        try {
          return await fn(kyselyQueries(conn, configCache, newConfigScope()));
        } finally {
          await sql`COMMIT`.execute(conn);
        }
      });
    },
    async close() {
      clearInterval(optimizer);
      await sql`PRAGMA optimize`.execute(db).catch(() => undefined);
      await db.destroy();
    },
  };
}

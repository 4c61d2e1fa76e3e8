import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Store } from '../kernel/store.port.ts';
import { scopeKey } from '../kernel/store.port.ts';
import { runAfterCommit } from './after-commit.ts';
import { newConfigScope, type ConfigCache } from './config-cache.ts';
import type { Database } from './db.types.ts';
import { kyselyQueries } from './kysely.queries.ts';
import { storeQueries, writeTransaction } from './kysely-store.ts';
import { migrateToLatest } from './migrations/index.ts';
import { mapPgFaults, redactUrl } from './postgres-faults.ts';
import { StoreUnavailable } from './store-faults.ts';
import type { StatementObserver } from './sqlite-driver.ts';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (libpq's connection URI). */
  url: string;
  /** Told of every statement run (the bench's statement counts). */
  observe?: StatementObserver;
  /** Told when after-commit work throws (it must not; the commit stands and the rest still runs). */
  onAfterCommitError?: (error: unknown) => void;
  /** Connections this instance keeps at most (default 10); several instances share the server's max_connections. */
  poolSize?: number;
  /** How long a writer waits for its scope's lock (another writer of the same centre) before failing, ms. */
  lockTimeoutMs?: number;
  /** Told when an idle pooled connection breaks (the server restarted …); the pool drops it and reconnects. */
  onPoolError?: (error: Error) => void;
}

/** PostgreSQL's type ids (pg_type.oid) of int8 and numeric. */
const INT8 = 20;
const NUMERIC = 1700;

/**
 * int8 (count(*), bigint epoch-ms columns, sums of them) and numeric come back as JS numbers, as
 * SQLite gives them: every such value of ours (instants in ms, counts, durations) is far below
 * 2^53. Per pool, not through pg's global registry: nothing else in the process is changed.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** SQLSTATEs after which the whole transaction is run again: a deadlock, a serialization failure. */
const RETRY = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

const retryable = (error: unknown): boolean => error instanceof StoreUnavailable && RETRY.has(error.sqliteCode);

function newPool(options: PostgresStoreOptions, max: number, lockTimeoutMs: number | undefined): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    types,
    application_name: 'luot',
    // An unreachable server fails a request in seconds (store.unavailable), not after the OS's TCP timeout.
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    ...(lockTimeoutMs === undefined ? {} : { lock_timeout: lockTimeoutMs }),
  });
  // An idle connection that breaks (a server restart) is dropped by the pool, which then emits
  // 'error': without a listener that would end the process. The next request connects anew.
  pool.on('error', (error) => options.onPoolError?.(error));
  return pool;
}

/**
 * The store for several server instances (docs/deployment.md, "PostgreSQL"): the same Kysely
 * queries and migrations as the SQLite store over a `pg` pool. A write transaction locks only
 * its scope (a transaction-level advisory lock on the scope's key), so two centres never wait
 * for each other; migrations run under Kysely's own lock, so instances starting together
 * migrate once.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const where = redactUrl(options.url);
  const dialect = (pool: pg.Pool) => new PostgresDialect({ pool: mapPgFaults(pool, where) });

  // Migrations on a connection of their own with no lock_timeout: an instance starting while
  // another migrates waits for Kysely's migration lock however long the migration takes.
  const migrator = new Kysely<Database>({ dialect: dialect(newPool(options, 1, undefined)) });
  try {
    await migrateToLatest(migrator);
  } finally {
    await migrator.destroy();
  }

  const db = new Kysely<Database>({
    dialect: dialect(newPool(options, options.poolSize ?? 10, options.lockTimeoutMs ?? 5_000)),
    ...(options.observe ? { log: logTo(options.observe) } : {}),
  });

  const configCache: ConfigCache = new Map();
  const reads = kyselyQueries(db, configCache);

  // Every writer of a scope takes its lock first, so a check-then-write inside the transaction
  // (a free counter, the next number) sees every earlier writer's commit.
  const beginScoped = (key: string) => async (conn: Kysely<Database>) => {
    await sql`BEGIN ISOLATION LEVEL READ COMMITTED`.execute(conn);
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(conn);
  };

  return {
    ...storeQueries(db, configCache),
    async runInTx(scope, fn) {
      const key = scopeKey(scope);
      for (let n = 1; ; n++) {
        try {
          // An attempt that failed dropped its after-commit work with it.
          const { result, afterCommit } = await db.connection().execute((conn) => writeTransaction(conn, configCache, beginScoped(key), fn));
          runAfterCommit(afterCommit, options.onAfterCommitError);
          return result;
        } catch (error) {
          if (n >= ATTEMPTS || !retryable(error)) throw error;
        }
      }
    },
    async cachedConfig(centreId) {
      return configCache.get(centreId) ?? reads.centreConfig(centreId);
    },
    consistentRead(fn) {
      return db.connection().execute(async (conn) => {
        await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
        try {
          const result = await fn(kyselyQueries(conn, configCache, newConfigScope()));
          await sql`COMMIT`.execute(conn);
          return result;
        } catch (error) {
          await sql`ROLLBACK`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    },
    async close() {
      await db.destroy();
    },
  };
}

function logTo(observe: StatementObserver) {
  return (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (event.level === 'query') observe(event.query.sql, event.query.parameters);
  };
}

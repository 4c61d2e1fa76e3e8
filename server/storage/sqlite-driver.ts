import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { mapStoreFaults } from './store-faults.ts';

/** True when running under Bun, where better-sqlite3 does not load and bun:sqlite is built in. */
export const isBun = typeof (globalThis as { Bun?: unknown }).Bun !== 'undefined';

/** Told of every statement the store runs (the bench counts them; the query-plan test collects them). */
export type StatementObserver = (sql: string, parameters: readonly unknown[]) => void;

/**
 * Opens the SQLite file with the driver of the runtime, behind Kysely's database interface; a
 * store fault (disk full, read-only …) surfaces as StoreUnavailable (store-faults.ts).
 */
export async function openSqliteDatabase(filename: string, observe?: StatementObserver): Promise<SqliteDatabase> {
  if (isBun) {
    const { Database } = await import('bun:sqlite');
    return preparedOnce(mapStoreFaults(adaptBunDatabase(new Database(filename, { create: true })), filename), observe);
  }
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  return preparedOnce(mapStoreFaults(new BetterSqlite3(filename) as unknown as SqliteDatabase, filename), observe);
}

/** More distinct statements than any code path uses; past it the cache starts again (bounded memory). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing was 18 % of the server's CPU per issued ticket.
 * Statements are kept by their SQL text (Kysely compiles a query shape to the same text, values
 * are parameters) and reused. A statement still being iterated (a streamed export) is not shared.
 */
function preparedOnce(db: SqliteDatabase, observe?: StatementObserver): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  const busy = (stmt: SqliteStatement) => (stmt as { busy?: boolean }).busy === true;
  return {
    close() {
      cache.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt === undefined || busy(stmt)) {
        stmt = db.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        cache.set(sql, stmt);
      }
      if (!observe) return stmt;
      const s = stmt;
      return {
        reader: s.reader,
        all: (params) => (observe(sql, params), s.all(params)),
        run: (params) => (observe(sql, params), s.run(params)),
        iterate: (params) => (observe(sql, params), s.iterate(params)),
      };
    },
  };
}

interface BunStatement {
  columnNames: string[];
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
interface BunDatabase {
  prepare(sql: string): BunStatement;
  close(): void;
}

/** bun:sqlite spreads parameters and names readers by their columns; Kysely wants an array and a flag. */
function adaptBunDatabase(db: BunDatabase): SqliteDatabase {
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const stmt = db.prepare(sql);
      return {
        reader: stmt.columnNames.length > 0,
        all: (params) => stmt.all(...params),
        run: (params) => stmt.run(...params),
        iterate: (params) => stmt.iterate(...params),
      };
    },
  };
}

import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** True when running under Bun, where better-sqlite3 does not load and bun:sqlite is built in. */
export const isBun = typeof (globalThis as { Bun?: unknown }).Bun !== 'undefined';

/** Opens the SQLite file with the driver of the runtime, behind Kysely's database interface. */
export async function openSqliteDatabase(filename: string): Promise<SqliteDatabase> {
  if (isBun) {
    const { Database } = await import('bun:sqlite');
    return adaptBunDatabase(new Database(filename, { create: true }));
  }
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  return new BetterSqlite3(filename) as unknown as SqliteDatabase;
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

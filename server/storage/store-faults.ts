import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { AppError } from '../../protocol/index.ts';

/**
 * SQLite result codes that say the store itself cannot work right now — the disk is full, the
 * file or its folder became read-only or vanished, the disk fails, another process held the lock
 * past the busy timeout — as opposed to a wrong query or a broken constraint (a bug, `internal`).
 * better-sqlite3 and bun:sqlite both give the extended code (`SQLITE_IOERR_WRITE`); the primary
 * code is its prefix. https://www.sqlite.org/rescode.html
 */
const FAULT = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB|PROTOCOL|PERM)(_|$)/;

/** Which store a fault came from: the SQLite file, or a PostgreSQL server (postgres-faults.ts). */
export type StoreKind = 'sqlite' | 'postgres';

/**
 * One error for every such fault, whatever the use case: 503 `store.unavailable` to HTTP clients
 * and in socket acks (through the one error path), with the driver's code and the file (or the
 * PostgreSQL address, without its password) in its `cause` for the log — never in the answer.
 */
export class StoreUnavailable extends AppError {
  constructor(
    /** The SQLite file, or the PostgreSQL address without its password. */
    readonly file: string,
    /** The driver's code: a SQLite result code, or a PostgreSQL SQLSTATE / Node error code. */
    readonly sqliteCode: string,
    driverError: Error,
    readonly store: StoreKind = 'sqlite',
  ) {
    super('store.unavailable', 'The data store is unavailable right now; try again in a moment.');
    this.name = 'StoreUnavailable';
    this.cause = new Error(`${sqliteCode} on ${file}: ${driverError.message}`, { cause: driverError });
  }
}

/** The driver's error as a StoreUnavailable when it is a fault of the store; otherwise unchanged. */
export function asStoreFault(error: unknown, file: string): unknown {
  if (error instanceof StoreUnavailable || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && FAULT.test(code) ? new StoreUnavailable(file, code, error) : error;
}

function guarded<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw asStoreFault(error, file);
  }
}

/**
 * The database behind Kysely with every statement's faults mapped (BEGIN and COMMIT included:
 * they are statements too). This is the only place driver errors are translated; use cases and
 * routes never look at SQLite codes.
 */
export function mapStoreFaults(db: SqliteDatabase, file: string): SqliteDatabase {
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const stmt = guarded(file, () => db.prepare(sql));
      return {
        reader: stmt.reader,
        // better-sqlite3: true while the statement is being iterated (the statement cache reads it).
        get busy() {
          return (stmt as { busy?: boolean }).busy;
        },
        all: (params) => guarded(file, () => stmt.all(params)),
        run: (params) => guarded(file, () => stmt.run(params)),
        iterate(params) {
          const rows = guarded(file, () => stmt.iterate(params));
          const iterator: IterableIterator<unknown> = {
            next: () => guarded(file, () => rows.next()),
            return: (value?: unknown) => rows.return?.(value) ?? { done: true, value },
            [Symbol.iterator]: () => iterator,
          };
          return iterator;
        },
      } as SqliteStatement;
    },
  };
}

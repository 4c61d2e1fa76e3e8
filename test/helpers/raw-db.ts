import BetterSqlite3 from 'better-sqlite3';

const TABLES = ['centres', 'services', 'counters', 'counter_services', 'staff', 'number_sequences', 'tickets', 'ticket_events'] as const;
export type TableName = (typeof TABLES)[number];

/**
 * Reads a Luot SQLite file directly, bypassing the store: what is really on disk.
 * Opened read-only beside the store's own connection (WAL allows it).
 */
export function readRawDb(filename: string): Record<TableName, Record<string, unknown>[]> {
  const db = new BetterSqlite3(filename, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()])) as Record<TableName, Record<string, unknown>[]>;
  } finally {
    db.close();
  }
}

export function rawQuery<T = Record<string, unknown>>(filename: string, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(filename, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

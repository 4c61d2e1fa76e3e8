import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';

/** Columns (or whole tables, `'*'`) a fingerprint leaves out, each with the reason it may change. */
export type Ignored = Record<string, { columns: readonly string[] | '*'; why: string }>;

export type Fingerprint = Record<string, string>;

export interface DbFingerprinter {
  /** One hash per table of every row (ordered by rowid), minus the ignored columns. */
  take(): Fingerprint;
  /** A table's rows as the fingerprint sees them, to show what changed. */
  rows(table: string): Record<string, unknown>[];
  close(): void;
}

/**
 * Fingerprints every table of a Luot SQLite file through a second, read-only connection (WAL lets
 * it read beside the server's own): what is really committed, whatever the store port exposes.
 * Tables come from sqlite_master, so a table added by a later migration is covered without
 * editing this file; Kysely's own bookkeeping tables are left out.
 */
export function dbFingerprinter(filename: string, ignored: Ignored = {}): DbFingerprinter {
  const db = new BetterSqlite3(filename, { readonly: true, fileMustExist: true });
  const tables = () =>
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name").all() as {
        name: string;
      }[]
    )
      .map((r) => r.name)
      .filter((name) => ignored[name]?.columns !== '*');
  const rows = (table: string) => {
    const skip = ignored[table]?.columns;
    const all = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
    if (!Array.isArray(skip)) return all;
    return all.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !skip.includes(k))));
  };
  return {
    take() {
      // One read transaction, so the tables are read at the same instant.
      return db.transaction(() => {
        const out: Fingerprint = {};
        for (const table of tables()) {
          out[table] = createHash('sha256')
            .update(JSON.stringify(rows(table), (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)))
            .digest('hex');
        }
        return out;
      })();
    },
    rows,
    close: () => db.close(),
  };
}

/** The tables whose hash differs between two fingerprints (added or dropped tables too). */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}

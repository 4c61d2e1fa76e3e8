/**
 * The rules of backups, pure (docs/backup.md): how a backup file is named, when the next one is
 * due, which old ones retention deletes, what a backup's schema history says, what a SQLite file
 * starts with. No I/O, no clock: time arrives as arguments.
 */

/** `auto`: made by the server on its timer, deleted by retention. `manual`: `npm run backup`, kept until the operator deletes it. */
export type BackupKind = 'auto' | 'manual';

export interface BackupEntry {
  name: string;
  kind: BackupKind;
  at: Date;
}

const DAY_MS = 86_400_000;
/** A server just started waits this long (at most one interval) before a backup that is already due: start-up stays quick. */
export const FIRST_BACKUP_DELAY_MS = 60_000;
/** A failed backup is tried again after this long (at most one interval). */
export const RETRY_DELAY_MS = 3_600_000;

// luot-2026-12-03T14-36-29.123Z-auto.sqlite: UTC, sortable, no `:` (not allowed in Windows names).
const NAME = /^luot-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z-(auto|manual)\.sqlite$/;

/** The file name of a backup of `kind` started at `at`. */
export function backupFileName(kind: BackupKind, at: Date): string {
  return `luot-${at.toISOString().replaceAll(':', '-')}-${kind}.sqlite`;
}

/** The kind and time a backup file's name says, or null for any other file (never touched by retention). */
export function parseBackupName(name: string): BackupEntry | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at.getTime()) ? null : { name, kind: m[6] as BackupKind, at };
}

/** The newest automatic backup among `entries`, or null. */
export function newestAuto(entries: readonly BackupEntry[]): BackupEntry | null {
  let newest: BackupEntry | null = null;
  for (const e of entries) if (e.kind === 'auto' && (newest === null || e.at > newest.at)) newest = e;
  return newest;
}

/**
 * How long a starting server waits before its first backup: one interval after the newest
 * automatic backup (the schedule survives restarts: the files are the record), but never sooner
 * than FIRST_BACKUP_DELAY_MS and never later than one interval (a backup "from the future", after
 * the clock was set back, does not postpone the next one for ever).
 */
export function firstBackupDelay(now: Date, lastAuto: Date | null, intervalMs: number): number {
  const soonest = Math.min(intervalMs, FIRST_BACKUP_DELAY_MS);
  if (lastAuto === null) return soonest;
  const due = lastAuto.getTime() + intervalMs - now.getTime();
  return Math.min(intervalMs, Math.max(soonest, due));
}

/** How long after a failed backup the next try comes. */
export function retryDelay(intervalMs: number): number {
  return Math.min(intervalMs, RETRY_DELAY_MS);
}

/**
 * The automatic backups retention deletes: those more than `keepDays` × 24 h older than `now`,
 * except the newest automatic one, which is always kept (a server that was off for a month still
 * has its last backup until a new one is made). Manual backups and other files are never deleted.
 */
export function backupsToPrune(entries: readonly BackupEntry[], now: Date, keepDays: number): BackupEntry[] {
  const newest = newestAuto(entries);
  const limit = now.getTime() - keepDays * DAY_MS;
  return entries.filter((e) => e.kind === 'auto' && e !== newest && e.at.getTime() < limit);
}

export type SchemaComparison =
  /** The backup has every migration of this code and no other. */
  | { status: 'same' }
  /** Made by an older Luot: the server applies `missing` when it next starts. */
  | { status: 'older'; missing: string[] }
  /** Made by a newer Luot: this code cannot run on it. */
  | { status: 'newer'; unknown: string[] };

/** What a store's migration history (`kysely_migration`) says against the migrations this code has. */
export function compareSchema(known: readonly string[], applied: readonly string[]): SchemaComparison {
  const unknown = applied.filter((name) => !known.includes(name)).sort();
  if (unknown.length > 0) return { status: 'newer', unknown };
  const missing = known.filter((name) => !applied.includes(name));
  return missing.length > 0 ? { status: 'older', missing } : { status: 'same' };
}

/** The 16 bytes every SQLite 3 database file starts with (https://www.sqlite.org/fileformat.html#the_database_header). */
const MAGIC = 'SQLite format 3\0';
/** The smallest SQLite file: one page of the smallest page size. */
export const MIN_SQLITE_BYTES = 512;

/** True when `head` (the file's first bytes) is a SQLite 3 database header with a valid page size. */
export function isSqliteHeader(head: Uint8Array): boolean {
  if (head.length < 100) return false;
  for (let i = 0; i < MAGIC.length; i++) if (head[i] !== MAGIC.charCodeAt(i)) return false;
  // Bytes 16–17: the page size, a power of two from 512 to 32768, or 1 meaning 65536.
  const pageSize = (head[16]! << 8) | head[17]!;
  return pageSize === 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) === 0);
}

/** A timestamp for a file name (`before-restore-<stamp>`): UTC, sortable, no `:`. */
export function fileStamp(at: Date): string {
  return at.toISOString().replaceAll(':', '-');
}

import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { compareSchema, fileStamp, isSqliteHeader, MIN_SQLITE_BYTES, type SchemaComparison } from './backup.models.ts';
import { say, type Said } from './backup.messages.ts';

export type RefusalReason = 'no_file' | 'same_file' | 'not_sqlite' | 'damaged' | 'not_luot' | 'newer' | 'running';

/** A restore that was refused before the data folder was changed; `said` is the message in both languages. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly said: Said,
  ) {
    super(said.en);
  }
}

export interface RestoreOptions {
  /** The backup file. */
  file: string;
  /** The store it replaces (DATA_DIR/luot.sqlite). */
  dbFile: string;
  now: Date;
  /** This code's migrations (migrations/index.ts). */
  knownMigrations: readonly string[];
}

export interface RestoreResult {
  dbFile: string;
  from: string;
  /** Where the replaced store now is, or null when the data folder had none. */
  keptAt: string | null;
  schema: Exclude<SchemaComparison, { status: 'newer' }>;
  warnings: Said[];
}

/** The companions SQLite keeps beside a database file. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/**
 * Replaces the store of a stopped server by `file` (docs/backup.md, "Restore"). Refuses, with
 * nothing changed, a file that is not a whole SQLite database, a damaged one, one made by a newer
 * Luot, and a store some process (a server) has open. The backup is copied beside the store and
 * checked there (integrity_check, migrations); only then is the old store locked and renamed aside
 * (`luot.sqlite.before-restore-<time>`, with any -wal/-journal of its own) and the copy renamed
 * into its place: at every moment the folder holds either the old store or the new one.
 */
export function restoreStore(options: RestoreOptions): RestoreResult {
  const from = resolve(options.file);
  const dbFile = resolve(options.dbFile);
  if (!existsSync(from) || !statSync(from).isFile()) throw new RestoreRefused('no_file', say.noFile(from));
  if (from === dbFile) throw new RestoreRefused('same_file', say.sameFile(from));
  if (!hasSqliteHeader(from)) throw new RestoreRefused('not_sqlite', say.notSqlite(from));

  mkdirSync(dirname(dbFile), { recursive: true });
  const staging = `${dbFile}.restoring`;
  let held: ReturnType<typeof holdStoppedStore> = null;
  try {
    // The backup is checked first, on its copy: a refused backup leaves the store untouched.
    removeWithCompanions(staging);
    copyFileSync(from, staging);
    fsyncPath(staging);
    const schema = inspectCopy(staging, from, options.knownMigrations);
    held = holdStoppedStore(dbFile);

    let keptAt: string | null = null;
    if (existsSync(dbFile)) {
      keptAt = `${dbFile}.before-restore-${fileStamp(options.now)}`;
      renameSync(dbFile, keptAt);
      // What belongs to the old file goes with it; a -wal left beside the new one would be replayed into it.
      for (const c of ['-wal', '-journal'] as const) if (existsSync(dbFile + c)) renameSync(dbFile + c, keptAt + c);
    }
    // The shared-memory index is rebuilt from the WAL; a stale one must not outlive its WAL.
    for (const c of COMPANIONS) rmSync(dbFile + c, { force: true });
    renameSync(staging, dbFile);
    fsyncPath(dirname(dbFile), true);
    return { dbFile, from, keptAt, schema, warnings: held?.warnings ?? [] };
  } finally {
    held?.release();
    removeWithCompanions(staging);
  }
}

function hasSqliteHeader(file: string): boolean {
  if (statSync(file).size < MIN_SQLITE_BYTES) return false;
  const head = new Uint8Array(100);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, 100, 0) === 100 && isSqliteHeader(head);
  } finally {
    closeSync(fd);
  }
}

const sqliteCode = (error: unknown) => String((error as { code?: unknown }).code ?? '');

/**
 * Proves no process has the store open, and keeps it so until the swap is done. A server holds
 * its SQLite connection open from start to stop; in WAL mode, leaving WAL mode needs every other
 * connection gone, so `journal_mode = DELETE` answers SQLITE_BUSY while a server runs — on any
 * machine sharing the file system, whatever its process ids (a pid file cannot say that across
 * containers, and goes stale when a server is killed). When it succeeds it also folds the WAL
 * into the file, so the store kept aside is one whole file; EXCLUSIVE locking then holds the file
 * so a server started meanwhile fails to open it instead of writing into it.
 */
function holdStoppedStore(dbFile: string): { release(): void; warnings: Said[] } | null {
  if (!existsSync(dbFile)) return null;
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(dbFile, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    return { release: () => undefined, warnings: [say.unreadableOld(dbFile, (error as Error).message)] };
  }
  try {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error(`journal_mode stayed ${String(mode)}`), { code: 'SQLITE_BUSY' });
    // After the change, not before: in EXCLUSIVE mode the change leaves a -journal open until close.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (/^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error))) throw new RestoreRefused('running', say.running(dbFile));
    // Damaged or not a database (the reason to restore, often): nothing can have it open usefully.
    return { release: () => undefined, warnings: [say.unreadableOld(dbFile, (error as Error).message)] };
  }
  return {
    warnings: [],
    release() {
      try {
        db.exec('ROLLBACK');
      } finally {
        db.close();
      }
    },
  };
}

/** The copy's integrity and schema version; refuses (the copy is then deleted by the caller). */
function inspectCopy(copy: string, from: string, known: readonly string[]): RestoreResult['schema'] {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(copy, { fileMustExist: true, timeout: 0 });
    // A copy of a live WAL-mode file says so in its header: one self-contained file from here on.
    db.pragma('journal_mode = DELETE');
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new RestoreRefused('damaged', say.damaged(from, problems.slice(0, 3).join('; ')));
    const tracked = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'kysely_migration'").pluck().get();
    if (tracked !== 1) throw new RestoreRefused('not_luot', say.notLuot(from));
    const applied = db.prepare('SELECT name FROM kysely_migration').pluck().all() as string[];
    const schema = compareSchema(known, applied);
    if (schema.status === 'newer') throw new RestoreRefused('newer', say.newer(from, schema.unknown));
    return schema;
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(sqliteCode(error))) throw new RestoreRefused('damaged', say.damaged(from, (error as Error).message));
    throw error;
  } finally {
    db?.close();
  }
}

function removeWithCompanions(file: string): void {
  for (const c of ['', ...COMPANIONS]) rmSync(file + c, { force: true });
}

/** Flushes a file, or a folder's entries after renames, to the disk. A platform that cannot fsync a folder is let be. */
function fsyncPath(path: string, folder = false): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (folder) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    // EISDIR/EINVAL on some systems for folders: the renames are still done.
    if (!folder) throw error;
  } finally {
    closeSync(fd);
  }
}

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileName, backupsToPrune, parseBackupName, type BackupEntry, type BackupKind } from './backup.models.ts';
import { copySqliteStore, type CopyOptions } from './sqlite.backup.ts';

/** Where the store is and where its backups go (DATA_DIR/backups by default). */
export interface BackupPlace {
  dbFile: string;
  backupsDir: string;
}

export interface WrittenBackup {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

/** A `.partial` file this much older than now was left by a process that died during a backup. */
const STALE_PARTIAL_MS = 3_600_000;

export const backupsDirOf = (dataDir: string) => join(dataDir, 'backups');

/** The backup files in `dir` (by their names; other files are ignored), oldest first. A missing folder has none. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.flatMap((n) => parseBackupName(n) ?? []).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Writes a backup of `kind` started at `at` (clock time) into `target` — the backups folder, or
 * with `file` an exact path. It is written as `<name>.partial` and renamed when complete, so a
 * file with a backup's name is always a whole backup.
 */
export async function writeBackup(place: BackupPlace, kind: BackupKind, at: Date, options: CopyOptions & { file?: string } = {}): Promise<WrittenBackup> {
  if (!existsSync(place.dbFile)) throw Object.assign(new Error(`no SQLite store at ${place.dbFile}`), { code: 'ENOENT', path: place.dbFile });
  const file = options.file ?? join(place.backupsDir, backupFileName(kind, at));
  if (options.file === undefined) mkdirSync(place.backupsDir, { recursive: true });
  if (existsSync(file)) throw Object.assign(new Error(`${file} exists already`), { code: 'EEXIST', path: file });
  const partial = `${file}.partial`;
  const started = performance.now();
  try {
    rmSync(partial, { force: true });
    const { pages } = await copySqliteStore(place.dbFile, partial, options);
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, pages, ms: Math.round(performance.now() - started) };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Deletes the automatic backups retention no longer keeps (backup.models.ts); returns their names. */
export function pruneBackups(dir: string, now: Date, keepDays: number): string[] {
  const doomed = backupsToPrune(listBackups(dir), now, keepDays);
  for (const e of doomed) rmSync(join(dir, e.name), { force: true });
  return doomed.map((e) => e.name);
}

/**
 * Deletes `.partial` files left in `dir` by a backup that died (an hour without a write); a running
 * one keeps writing. The file system's own time, not the server's clock: mtimes are in it.
 */
export function removeStalePartials(dir: string): void {
  const nowMs = Date.now();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.endsWith('.partial') || !parseBackupName(n.slice(0, -'.partial'.length))) continue;
    const path = join(dir, n);
    if (nowMs - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
  }
}

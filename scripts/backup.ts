/**
 * A consistent copy of the embedded SQLite store, taken while the server runs and writes
 * (docs/backup.md). Reads DATA_DIR (and DATABASE_URL) from the environment as the server does.
 *
 *   npm run backup                       → DATA_DIR/backups/luot-<UTC time>-manual.sqlite
 *   npm run backup -- --out <file|folder>
 *
 * Prints the backup's path alone on stdout (for scripts: `f=$(npm run -s backup)`), and what
 * happened in Vietnamese and English on stderr. Exit 0: written and its integrity checked;
 * 1: failed (no file left); 2: usage, configuration, or a PostgreSQL store (pg_dump, see the docs).
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { bilingual, embeddedStoreConfig, say } from '../server/backup/backup.messages.ts';
import { backupsDirOf, writeBackup } from '../server/backup/backup.files.ts';
import { backupFileName } from '../server/backup/backup.models.ts';

const tell = (text: string) => process.stderr.write(`${text}\n`);

function main(argv: string[]): Promise<number> | number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, 'pages-per-step': { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    tell(`${(error as Error).message}\n${bilingual(say.backupUsage())}`);
    return 2;
  }
  const config = embeddedStoreConfig(process.env, tell);
  if (!config) return 2;
  if (!existsSync(config.dbFile)) {
    tell(bilingual(say.noStore(config.dbFile)));
    return 1;
  }
  const pagesPerStep = values['pages-per-step'] === undefined ? undefined : Number(values['pages-per-step']);
  if (pagesPerStep !== undefined && !(Number.isInteger(pagesPerStep) && pagesPerStep > 0)) {
    tell(`--pages-per-step: a whole number above 0\n${bilingual(say.backupUsage())}`);
    return 2;
  }
  const now = new Date();
  const place = { dbFile: config.dbFile, backupsDir: backupsDirOf(config.DATA_DIR) };
  const out = values.out === undefined ? undefined : resolve(values.out);
  const file = out === undefined ? undefined : existsSync(out) && statSync(out).isDirectory() ? join(out, backupFileName('manual', now)) : out;
  return run(place, now, file, pagesPerStep);
}

async function run(place: { dbFile: string; backupsDir: string }, now: Date, file: string | undefined, pagesPerStep: number | undefined): Promise<number> {
  try {
    const written = await writeBackup(place, 'manual', now, { file, pagesPerStep });
    const problems = integrityProblems(written.file);
    if (problems) {
      rmSync(written.file, { force: true });
      tell(bilingual(say.backupFailed(`integrity_check: ${problems}`)));
      return 1;
    }
    tell(bilingual(say.backupWritten(written.file, written.bytes, written.ms)));
    process.stdout.write(`${written.file}\n`);
    return 0;
  } catch (error) {
    tell(bilingual(say.backupFailed(error instanceof Error ? error.message : String(error))));
    return 1;
  }
}

/** The copy checked as the restore will check it: null when `PRAGMA integrity_check` says ok. */
function integrityProblems(file: string): string | null {
  const db = new BetterSqlite3(file, { fileMustExist: true, readonly: true });
  try {
    const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    return rows.length === 1 && rows[0]!.integrity_check === 'ok' ? null : rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));

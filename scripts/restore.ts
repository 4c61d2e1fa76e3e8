/**
 * Puts a backup back as the embedded store of a STOPPED server (docs/backup.md, "Restore").
 * Reads DATA_DIR (and DATABASE_URL) from the environment as the server does.
 *
 *   npm run restore -- <backup file>
 *
 * Checks the file (SQLite header, PRAGMA integrity_check, its migrations against this code's),
 * refuses while a server has the store open, keeps the replaced store as
 * DATA_DIR/luot.sqlite.before-restore-<UTC time>. Messages in Vietnamese and English on stderr.
 * Exit 0: restored; 1: refused or failed (nothing changed); 2: usage, configuration, PostgreSQL.
 */
import { parseArgs } from 'node:util';
import { bilingual, embeddedStoreConfig, say } from '../server/backup/backup.messages.ts';
import { restoreStore, RestoreRefused } from '../server/backup/restore.ts';
import { migrationNames } from '../server/storage/migrations/index.ts';

const tell = (text: string) => process.stderr.write(`${text}\n`);

function main(argv: string[]): number {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, options: {}, strict: true, allowPositionals: true }));
  } catch (error) {
    tell(`${(error as Error).message}\n${bilingual(say.restoreUsage())}`);
    return 2;
  }
  if (positionals.length !== 1) {
    tell(bilingual(say.restoreUsage()));
    return 2;
  }
  const config = embeddedStoreConfig(process.env, tell);
  if (!config) return 2;
  try {
    const done = restoreStore({ file: positionals[0]!, dbFile: config.dbFile, now: new Date(), knownMigrations: migrationNames });
    for (const w of done.warnings) tell(bilingual(w));
    tell(bilingual(say.restored(done.dbFile, done.from)));
    tell(bilingual(done.schema.status === 'older' ? say.olderSchema(done.schema.missing) : say.sameSchema()));
    tell(bilingual(done.keptAt ? say.keptAside(done.keptAt) : say.nothingReplaced()));
    tell(bilingual(say.startNow()));
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      tell(bilingual(error.said));
      return 1;
    }
    tell(bilingual(say.restoreFailed(error instanceof Error ? error.message : String(error))));
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));

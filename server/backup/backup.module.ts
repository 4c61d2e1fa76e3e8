import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { backupsDirOf } from './backup.files.ts';
import { startBackupSchedule } from './backup.schedule.ts';

/**
 * Backups of the embedded store (issue #14, docs/backup.md): the server backs its SQLite file up
 * by itself every BACKUP_INTERVAL_MS into DATA_DIR/backups/, keeping BACKUP_KEEP_DAYS of them.
 * `npm run backup` and `npm run restore` are the operator's side (scripts/). A PostgreSQL store is
 * backed up by PostgreSQL's own tools, so there it does nothing.
 *
 * One instance per SQLite file (several instances need PostgreSQL, docs/deployment.md), so the
 * timer needs no claim in the store: the files in the backups folder are its record.
 */
export function backupModule(ctx: ModuleContext): LuotModule {
  const { config, log } = ctx;
  if (config.DATABASE_URL || config.BACKUP_INTERVAL_MS === 0) return { name: 'backup' };
  return {
    name: 'backup',
    start: async (deps) =>
      startBackupSchedule({
        clock: deps.clock,
        log,
        place: { dbFile: config.dbFile, backupsDir: backupsDirOf(config.DATA_DIR) },
        intervalMs: config.BACKUP_INTERVAL_MS,
        keepDays: config.BACKUP_KEEP_DAYS,
      }),
  };
}

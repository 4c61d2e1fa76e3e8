import type { Logger } from '../kernel/log.ts';
import type { Clock } from '../kernel/ports.ts';
import { listBackups, pruneBackups, removeStalePartials, writeBackup, type BackupPlace } from './backup.files.ts';
import { firstBackupDelay, newestAuto, retryDelay } from './backup.models.ts';

export interface BackupScheduleDeps {
  clock: Clock;
  log: Logger;
  place: BackupPlace;
  intervalMs: number;
  keepDays: number;
  /** Pages per step of the copy (tests make it small to stretch a backup over many writes). */
  pagesPerStep?: number;
}

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
const inWords = (ms: number) => (ms >= 3_600_000 ? `${+(ms / 3_600_000).toFixed(1)} h` : ms >= 60_000 ? `${+(ms / 60_000).toFixed(1)} min` : `${ms / 1000} s`);

/**
 * The server's own backups: one every `intervalMs` (a day by default) into the backups folder,
 * then retention. Off the hot path: the copy runs in small steps between which the event loop
 * serves requests (sqlite.backup.ts). A failure is logged and tried again later; it never
 * throws into the server. The schedule's only record is the files themselves, so it survives
 * restarts. Returns what stops it (an unfinished copy is abandoned and its partial file removed).
 */
export function startBackupSchedule(deps: BackupScheduleDeps): () => void {
  const { log, place, intervalMs, keepDays } = deps;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const plan = (delayMs: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => void run(), delayMs);
    timer.unref();
  };

  async function run(): Promise<void> {
    try {
      removeStalePartials(place.backupsDir);
      const written = await writeBackup(place, 'auto', deps.clock.now(), { signal: abort.signal, pagesPerStep: deps.pagesPerStep });
      const removed = pruneBackups(place.backupsDir, deps.clock.now(), keepDays);
      const pruned = removed.length > 0 ? `; removed ${removed.length} older than ${keepDays} day${keepDays === 1 ? '' : 's'}` : '';
      log.info(`backup: wrote ${written.file} (${mb(written.bytes)} MB, ${written.ms} ms)${pruned}; next in ${inWords(intervalMs)}`);
      plan(intervalMs);
    } catch (error) {
      if (abort.signal.aborted) return;
      const next = retryDelay(intervalMs);
      log.error(`backup: could not back up ${place.dbFile} into ${place.backupsDir}; next try in ${inWords(next)}`, error);
      plan(next);
    }
  }

  let last: Date | null = null;
  try {
    last = newestAuto(listBackups(place.backupsDir))?.at ?? null;
  } catch (error) {
    // An unreadable folder: the first try will say so again, with the cause.
    log.warn(`backup: cannot read ${place.backupsDir}`, error);
  }
  const first = firstBackupDelay(deps.clock.now(), last, intervalMs);
  log.info(
    `backup: automatic backups of ${place.dbFile} every ${inWords(intervalMs)} into ${place.backupsDir}, kept ${keepDays} day${keepDays === 1 ? '' : 's'}; next in ${inWords(first)}`,
  );
  plan(first);
  return () => {
    abort.abort();
    clearTimeout(timer);
  };
}

import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureAccounts } from '../../server/accounts/accounts-setup.usecases.ts';
import { DEMO_CENTRE_ID } from '../../server/demo/demo-centre.ts';
import { rebuildRollups } from '../../server/reports/rollups.usecases.ts';
import { ensureDemoCentre } from '../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../server/storage/sqlite.store.ts';
import { seedHistory } from '../fixtures/history/seed-history.ts';

/** The three stores issue #11 compares: empty, a long queue, and a year of history. */
export interface StoreCase {
  name: string;
  /** Tickets issued before the timed run (not timed). */
  prefill: number;
  /** A SQLite file to start from. */
  dbFile?: () => Promise<string>;
}

/**
 * A year of history (`npm run seed:history`: ≈1 M tickets) moved onto the demo centre, so the
 * bench's demo accounts issue and call where the history is. Seeding takes about a minute, so the
 * file is kept between runs under the OS temp folder (delete it to seed again).
 */
export const HISTORY_CACHE = join(tmpdir(), 'luot-bench-cache', 'demo-history-365.sqlite');

export async function historyDbFile(): Promise<string> {
  if (existsSync(HISTORY_CACHE)) return HISTORY_CACHE;
  mkdirSync(join(HISTORY_CACHE, '..'), { recursive: true });
  const building = `${HISTORY_CACHE}.building`;
  rmSync(building, { force: true });
  const started = performance.now();
  console.log(`  seeding a year of history into ${HISTORY_CACHE} (once; about a minute) …`);
  const store = await createSqliteStore({ filename: building });
  await ensureDemoCentre(store);
  await ensureAccounts({ store, clock: { now: () => new Date() } }, { demo: true });
  await store.close();
  await seedHistory({ dbFile: building });
  const db = new BetterSqlite3(building);
  // The seeded centre's tickets and call events become the demo centre's past.
  db.prepare('UPDATE tickets SET centre_id = ?').run(DEMO_CENTRE_ID);
  db.prepare('UPDATE ticket_events SET centre_id = ?').run(DEMO_CENTRE_ID);
  db.close();
  // The demo centre's rollups, built from its new past once here rather than at every server start.
  const moved = await createSqliteStore({ filename: building });
  await rebuildRollups(moved, { now: () => new Date() }, DEMO_CENTRE_ID);
  await moved.close();
  const done = new BetterSqlite3(building);
  done.pragma('wal_checkpoint(TRUNCATE)');
  done.close();
  renameSync(building, HISTORY_CACHE);
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return HISTORY_CACHE;
}

export const STORES: StoreCase[] = [
  { name: 'empty', prefill: 0 },
  { name: '2,000 waiting', prefill: 2_000 },
  { name: 'year of history', prefill: 0, dbFile: historyDbFile },
];

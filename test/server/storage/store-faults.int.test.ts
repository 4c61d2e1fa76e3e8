/**
 * The storage adapter turns SQLite's "the store cannot work right now" codes into one
 * StoreUnavailable (503 store.unavailable), whatever the query: here a real lock held past the
 * busy timeout by another connection, on a real file (store-faults.test.ts: the other codes).
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StoreUnavailable } from '../../../server/storage/store-faults.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let dbFile: string;
beforeEach(async () => {
  dir = tempDir('luot-store-faults');
  dbFile = join(dir.path, 'luot.sqlite');
  store = await createSqliteStore({ filename: dbFile, busyTimeoutMs: 50 });
});
afterEach(async () => {
  await store.close();
  dir.remove();
});

it('a write lock held past the busy timeout is StoreUnavailable (SQLITE_BUSY, the file named), and the next write works once it is released', async () => {
  const other = new BetterSqlite3(dbFile);
  other.exec('BEGIN IMMEDIATE');
  let error: unknown;
  try {
    await store.runInTx({ centreId: 'demo' }, async (tx) => tx.currentSeq('demo'));
  } catch (e) {
    error = e;
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(error).toBeInstanceOf(StoreUnavailable);
  const fault = error as StoreUnavailable;
  expect(fault.toBody()).toEqual({ code: 'store.unavailable', message: expect.any(String) });
  expect(fault.status).toBe(503);
  expect(fault.sqliteCode).toBe('SQLITE_BUSY');
  expect(fault.file).toBe(dbFile);
  expect((fault.cause as Error).message).toContain(`SQLITE_BUSY on ${dbFile}`);

  expect(await store.runInTx({ centreId: 'demo' }, async (tx) => tx.currentSeq('demo'))).toBe(0);
});

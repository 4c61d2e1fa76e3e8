import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copySqliteStore } from '../../../server/backup/sqlite.backup.ts';
import { spawnChild, type Child } from '../../helpers/child.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

let dir: ReturnType<typeof tempDir> | null = null;
let writer: Child | null = null;
afterEach(async () => {
  await writer?.stop();
  writer = null;
  dir?.remove();
  dir = null;
});

/**
 * Another process that commits a row every moment, never pausing, and prints each committed id
 * (as a server acknowledges a ticket only after its commit).
 */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const insert = db.prepare('INSERT INTO rows (pad) VALUES (randomblob(300))');
let n = 0;
for (;;) {
  const { lastInsertRowid } = insert.run();
  if (++n % 50 === 0) process.stdout.write('committed ' + lastInsertRowid + '\\n');
}
`;

describe('copySqliteStore', () => {
  it('finishes with a consistent snapshot while another process writes without pause', async () => {
    dir = tempDir('luot-sqlite-backup');
    const file = join(dir.path, 'store.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, pad BLOB NOT NULL)');
    db.exec('CREATE TABLE totals (n INTEGER NOT NULL)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) db.prepare('INSERT INTO rows (pad) VALUES (randomblob(3000))').run();
    })();
    db.close();

    writer = spawnChild(process.execPath, ['-e', WRITER, file], { cwd: process.cwd() });
    await writer.waitForLine(/committed \d+/);
    const lastCommitted = () => Math.max(...[...writer!.stdout().matchAll(/committed (\d+)\n/g)].map((m) => Number(m[1])));
    const committedBefore = lastCommitted();

    // One page per step: ~2 000 steps. Without a pinned snapshot SQLite's backup restarts at
    // each of the writer's commits and never finishes; the test's timeout would fail it.
    const dest = join(dir.path, 'copy.sqlite');
    const { pages } = await copySqliteStore(file, dest, { pagesPerStep: 1 });
    const committedAfter = lastCommitted();
    await writer.stop();
    writer = null;

    expect(pages).toBeGreaterThan(1500);
    expect(committedAfter).toBeGreaterThan(committedBefore);
    expect(rawQuery(dest, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // One self-contained file.
    expect(rawQuery(dest, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'delete' }]);
    // A snapshot: every row committed before the copy began, the rows in one unbroken run of ids.
    const { n, max } = rawQuery<{ n: number; max: number }>(dest, 'SELECT count(*) AS n, max(id) AS max FROM rows')[0]!;
    expect(max).toBeGreaterThanOrEqual(committedBefore);
    expect(n).toBe(max);
  }, 30_000);

  it('stops at the next step when aborted, and rejects', async () => {
    dir = tempDir('luot-sqlite-backup');
    const file = join(dir.path, 'store.sqlite');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE rows (pad BLOB)');
    for (let i = 0; i < 200; i++) db.prepare('INSERT INTO rows VALUES (randomblob(4000))').run();
    db.close();
    const abort = new AbortController();
    const copy = copySqliteStore(file, join(dir.path, 'copy.sqlite'), { pagesPerStep: 1, signal: abort.signal });
    abort.abort();
    await expect(copy).rejects.toThrow(/abort/i);
  });
});

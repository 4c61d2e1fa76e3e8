import BetterSqlite3 from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copySqliteStore } from '../../../server/backup/sqlite.backup.ts';
import { ensureDemoCentre } from '../../../server/centres/setup.usecases.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import * as m0001 from '../../../server/storage/migrations/0001_init.ts';
import * as m0002 from '../../../server/storage/migrations/0002_counter_workflow.ts';
import * as m0003 from '../../../server/storage/migrations/0003_accounts.ts';
import { migrationNames } from '../../../server/storage/migrations/index.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import type { Child } from '../../helpers/child.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { runTool, startMainOn } from './backup.harness.ts';

let work: ReturnType<typeof tempDir>;
let dataDir: string;
let dbFile: string;
let child: Child | null = null;
beforeEach(() => {
  work = tempDir('luot-restore');
  dataDir = join(work.path, 'data');
  dbFile = join(dataDir, 'luot.sqlite');
});
afterEach(async () => {
  await child?.stop();
  child = null;
  work.remove();
});

/** A real backup: the demo centre's store (centres: demo), copied as `npm run backup` copies it. */
async function makeBackup(name = 'backup.sqlite'): Promise<string> {
  const source = join(work.path, 'source.sqlite');
  if (!existsSync(source)) {
    const store = await createSqliteStore({ filename: source });
    await ensureDemoCentre(store);
    await store.close();
  }
  const file = join(work.path, name);
  await copySqliteStore(source, file);
  return file;
}

/** The data folder's current store: its centres, as a fingerprint that must not change on a refusal. */
async function existingStore(): Promise<Buffer> {
  const store = await createSqliteStore({ filename: dbFile });
  await store.close();
  return readFileSync(dbFile);
}

const restore = (file: string) => runTool('restore', { DATA_DIR: dataDir, DATABASE_URL: undefined }, file);
const asideFiles = () => readdirSync(dataDir).filter((n) => n.includes('before-restore'));

describe('npm run restore refuses, changing nothing', () => {
  it('a file that is not a SQLite database (header check)', async () => {
    const before = await existingStore();
    const file = join(work.path, 'dump.sql');
    writeFileSync(file, '-- PostgreSQL database dump\n'.repeat(100));
    const run = await restore(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('không phải là tệp cơ sở dữ liệu SQLite');
    expect(run.stderr).toContain('is not a SQLite database file');
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(['luot.sqlite']);
  });

  it('a damaged backup (pages overwritten: PRAGMA integrity_check fails)', async () => {
    const before = await existingStore();
    const file = await makeBackup();
    const pageSize = rawQuery<{ page_size: number }>(file, 'PRAGMA page_size')[0]!.page_size;
    const pages = statSync(file).size / pageSize;
    // Garbage over the second half of the file, past the schema page: a valid header, broken trees.
    const fd = openSync(file, 'r+');
    for (let p = Math.floor(pages / 2); p < pages; p++) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, p * pageSize);
    closeSync(fd);
    const run = await restore(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bị hỏng');
    expect(run.stderr).toMatch(/is damaged: the integrity check reports: .+/);
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(['luot.sqlite']);
  });

  it('a backup made by a newer Luot (a migration this code does not know)', async () => {
    const before = await existingStore();
    const file = await makeBackup();
    const db = new BetterSqlite3(file);
    db.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999_from_a_newer_luot', new Date().toISOString());
    db.close();
    const run = await restore(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('phiên bản Luot mới hơn');
    expect(run.stderr).toContain('was made by a newer Luot (it has migrations 9999_from_a_newer_luot');
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    expect(asideFiles()).toEqual([]);
  });

  it('while a server runs on the data folder; once it is stopped, even killed, the restore goes through', async () => {
    const file = await makeBackup();
    const server = await startMainOn(dataDir);
    child = server.child;
    const issued = await fetch(`${server.url}/api/centres/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
      body: JSON.stringify({ serviceId: 'dat-dai' }),
    });
    expect(issued.status).toBe(200);

    const refused = await restore(file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Máy chủ Luot đang chạy');
    expect(refused.stderr).toContain('A Luot server is running on');
    expect(asideFiles()).toEqual([]);
    expect(existsSync(`${dbFile}.restoring`)).toBe(false);
    // The server did not notice.
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);

    // Killed (a power cut, kill -9): its last ticket is still only in the -wal file.
    child.kill('SIGKILL');
    await child.exited;
    child = null;
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    const done = await restore(file);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('Its schema version is this code’s.');
    // Nothing stale beside the restored store: a leftover -wal would be replayed into it.
    expect(
      readdirSync(dataDir)
        .filter((n) => n.startsWith('luot.sqlite'))
        .sort(),
    ).toEqual(['luot.sqlite', ...asideFiles()].sort());
    expect(rawQuery<{ n: number }>(dbFile, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }]);
    // The replaced store, WAL folded in, keeps the ticket the killed server acknowledged.
    const [aside] = asideFiles();
    expect(aside).toMatch(/^luot\.sqlite\.before-restore-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/);
    expect(done.stderr).toContain(`The replaced store is kept at ${join(dataDir, aside!)}`);
    expect(rawQuery<{ n: number }>(join(dataDir, aside!), 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 1 }]);
  });
});

describe('npm run restore accepts', () => {
  it('a backup of an older schema into an empty data folder; the next start migrates it', async () => {
    const file = join(work.path, 'old.sqlite');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
    const old = { '0001_init': m0001, '0002_counter_workflow': m0002, '0003_accounts': m0003 };
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => old } }).migrateToLatest();
    expect(error).toBeUndefined();
    await db.destroy();

    const run = await restore(file);
    expect(run.code, run.stderr).toBe(0);
    const pending = migrationNames.filter((n) => !(n in old));
    expect(run.stderr).toContain(
      `The backup has an older schema: the server applies ${pending.length} migration(s) (${pending.join(', ')}) when it next starts.`,
    );
    expect(run.stderr).toContain('The data folder had no store: nothing was replaced.');
    expect(rawQuery(dbFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    const store = await createSqliteStore({ filename: dbFile });
    await store.close();
    expect(rawQuery<{ name: string }>(dbFile, 'SELECT name FROM kysely_migration ORDER BY name').map((r) => r.name)).toEqual([...migrationNames].sort());
  });

  it('a backup copied in place of a store, keeping the replaced one aside', async () => {
    await existingStore();
    const file = await makeBackup();
    copyFileSync(file, join(work.path, 'same-again.sqlite'));
    const run = await restore(file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Đã khôi phục');
    expect(rawQuery<{ id: string }>(dbFile, 'SELECT id FROM centres')).toEqual([{ id: 'demo' }]);
    const [aside] = asideFiles();
    expect(rawQuery<{ n: number }>(join(dataDir, aside!), 'SELECT count(*) AS n FROM centres')).toEqual([{ n: 0 }]);
    // The backup file itself is left as it was.
    expect(readFileSync(file).equals(readFileSync(join(work.path, 'same-again.sqlite')))).toBe(true);
  });
});

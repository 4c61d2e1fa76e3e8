import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDemoCentre } from '../../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { runTool } from './backup.harness.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('luot-backup-cli');
});
afterEach(() => dir.remove());

describe('npm run backup', () => {
  it('refuses a PostgreSQL store, pointing to the docs, and writes nothing', async () => {
    const run = await runTool('backup', { DATA_DIR: dir.path, DATABASE_URL: 'postgres://luot:secret@127.0.0.1:5432/luot' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pg_dump / pg_restore');
    expect(run.stderr).toContain('docs/backup.md');
    expect(run.stderr).not.toContain('secret');
    expect(run.stdout).toBe('');
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('says so when DATA_DIR holds no store, instead of backing up an empty one', async () => {
    const run = await runTool('backup', { DATA_DIR: dir.path, DATABASE_URL: undefined });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`There is no SQLite store at ${join(dir.path, 'luot.sqlite')}`);
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('writes into the folder --out names, printing the path alone on stdout', async () => {
    const store = await createSqliteStore({ filename: join(dir.path, 'luot.sqlite') });
    await ensureDemoCentre(store);
    await store.close();
    const out = join(dir.path, 'usb');
    mkdirSync(out);
    const run = await runTool('backup', { DATA_DIR: dir.path, DATABASE_URL: undefined }, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const file = run.stdout.trim();
    expect(file).toMatch(new RegExp(`^${out}/luot-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z-manual\\.sqlite$`));
    expect(run.stderr).toContain(`Đã sao lưu vào ${file}`);
    expect(rawQuery<{ id: string }>(file, 'SELECT id FROM centres')).toEqual([{ id: 'demo' }]);
    expect(existsSync(join(dir.path, 'backups'))).toBe(false);
  });
});

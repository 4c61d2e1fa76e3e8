import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccounts } from '../../../server/accounts/accounts-setup.usecases.ts';
import { ensureDemoCentre } from '../../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import { tsxNodeArgs } from '../../helpers/child.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** `npm run account:province` (scripts/province-role.ts) as an operator runs it: a process with the server's settings. */
describe('account:province', () => {
  const dir = tempDir('luot-province-role');
  const file = join(dir.path, 'luot.sqlite');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, tsxNodeArgs('scripts/province-role.ts', ...args), {
      env: { PATH: process.env.PATH, DATA_DIR: dir.path },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const roleOf = async (username: string) => {
    const store = await createSqliteStore({ filename: file });
    try {
      return (await store.findAccountByUsername(username))?.role;
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    const store = await createSqliteStore({ filename: file });
    await ensureDemoCentre(store);
    await ensureAccounts({ store, clock: { now: () => new Date() } }, { demo: true });
    await store.close();
  });
  afterAll(() => dir.remove());

  it('gives the named account the province administrator role by default', async () => {
    const result = run('ha');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('"ha" (centre demo) is now province_admin, was manager');
    expect(await roleOf('ha')).toBe('province_admin');
  });

  it('--role province_manager, and back to admin', async () => {
    expect(run('lan', '--role', 'province_manager').status).toBe(0);
    expect(await roleOf('lan')).toBe('province_manager');
    expect(run('lan', '--role', 'admin').status).toBe(0);
    expect(await roleOf('lan')).toBe('admin');
  });

  it('an unknown account: exit 1 with one line, nothing changed', async () => {
    const result = run('nobody');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^No account "nobody" in SQLite file .*luot\.sqlite \(Không có tài khoản này\)\.\n$/);
  });

  it('usage errors: exit 2, nothing changed', async () => {
    expect(run().status).toBe(2);
    const bad = run('tuan', '--role', 'staff');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--role must be one of province_admin, province_manager, admin');
    expect(await roleOf('tuan')).toBe('staff');
  });
});

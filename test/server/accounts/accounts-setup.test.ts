import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureAccounts } from '../../../server/accounts/accounts-setup.usecases.ts';
import { verifyPassword } from '../../../server/accounts/password.ts';
import { grantProvinceRole } from '../../../server/accounts/province-role.usecases.ts';
import { loadSessionSecret, SESSION_SECRET_FILE } from '../../../server/accounts/session-secret.ts';
import { DEMO_PASSWORD } from '../../../server/demo/demo-accounts.ts';
import { ensureDemoCentre } from '../../../server/centres/setup.usecases.ts';
import { makeDeps } from '../../helpers/deps.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('ensureAccounts', () => {
  it('demo: the documented accounts and device tokens, once', async () => {
    const deps = await makeDeps({ centres: [] });
    await ensureDemoCentre(deps.store);
    const first = await ensureAccounts(deps, { demo: true });
    expect(first).toEqual({ defaultCentreCreated: false, demoAccountsCreated: true, firstAdmin: null });
    const accounts = await deps.store.listAccounts('demo');
    expect(accounts.map((a) => [a.username, a.role, a.mustChangePassword])).toEqual([
      ['admin', 'admin', false],
      ['ha', 'manager', false],
      ['hung', 'staff', false],
      ['lan', 'staff', false],
      ['tuan', 'staff', false],
    ]);
    const lan = await deps.store.findAccountByUsername('lan');
    expect(await verifyPassword(DEMO_PASSWORD, lan!.passwordHash!)).toBe(true);
    expect((await deps.store.listDeviceTokens('demo')).map((d) => d.id).sort()).toEqual([
      'demo-bridge',
      'demo-display',
      'demo-integration', // the dossier system's (issue #14)
      'demo-kiosk',
      ...[1, 2, 3, 4, 5, 6].map((n) => `demo-rate-${n}`), // a rating screen per counter (issue #10)
    ]);

    await deps.store.revokeDeviceToken('demo', 'demo-kiosk', 1);
    const again = await ensureAccounts(deps, { demo: true });
    expect(again).toEqual({ defaultCentreCreated: false, demoAccountsCreated: false, firstAdmin: null });
    // A revoked demo token stays revoked across restarts.
    expect((await deps.store.getDeviceToken('demo-kiosk'))!.revokedAtMs).toBe(1);
    await deps.store.close();
  });

  it('outside demo, on a store with centres but no account: an admin in the first centre', async () => {
    const deps = await makeDeps();
    const result = await ensureAccounts(deps, { demo: false, adminPassword: 'from-env-123' });
    expect(result).toEqual({
      defaultCentreCreated: false,
      demoAccountsCreated: false,
      firstAdmin: { centreId: 'hcm', username: 'admin', oneTimePassword: null, role: 'admin' },
    });
    expect(await deps.store.getAccount('hcm', 'admin')).toMatchObject({ role: 'admin', active: true, mustChangePassword: false, name: 'Quản trị viên' });
    // The centre's own staff are untouched: no account for them.
    expect((await deps.store.listAccounts('hcm')).map((a) => a.username)).toEqual(['admin']);
    await deps.store.close();
  });

  it('on a province store the first account is the province administrator, with a one-time password', async () => {
    const deps = await makeDeps();
    const result = await ensureAccounts(deps, { demo: false, province: true });
    expect(result.firstAdmin).toMatchObject({ centreId: 'hcm', username: 'admin', role: 'province_admin' });
    const password = result.firstAdmin!.oneTimePassword!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const account = await deps.store.findAccountByUsername('admin');
    expect(account).toMatchObject({ role: 'province_admin', mustChangePassword: true, name: 'Quản trị viên tỉnh' });
    expect(await verifyPassword(password, account!.passwordHash!)).toBe(true);
    await deps.store.close();
  });

  it('instances starting together on one new store: one first administrator, and only its maker reports a password', async () => {
    const deps = await makeDeps();
    const results = await Promise.all([1, 2, 3].map(() => ensureAccounts(deps, { demo: false, province: true })));
    const reported = results.filter((r) => r.firstAdmin !== null);
    expect(reported).toHaveLength(1);
    const account = await deps.store.findAccountByUsername('admin');
    expect(await verifyPassword(reported[0]!.firstAdmin!.oneTimePassword!, account!.passwordHash!)).toBe(true);
    expect(await deps.store.countAccounts()).toBe(1);
    await deps.store.close();
  });
});

describe('grantProvinceRole', () => {
  const now = () => 1_000;

  it('gives an existing account a province role and ends its sessions', async () => {
    const deps = await makeDeps({ centres: [] });
    await ensureDemoCentre(deps.store);
    await ensureAccounts(deps, { demo: true });
    await deps.store.insertSession({ idHash: 'h1', centreId: 'demo', staffId: 'ha', createdAtMs: 1, expiresAtMs: 10_000_000, revokedAtMs: null });
    const result = await grantProvinceRole({ store: deps.store, now }, { username: 'ha', role: 'province_manager' });
    expect(result).toEqual({ ok: true, centreId: 'demo', staffId: 'ha', previous: 'manager' });
    expect(await deps.store.getAccount('demo', 'ha')).toMatchObject({ role: 'province_manager', active: true });
    expect((await deps.store.getSession('h1'))!.revokedAtMs).toBe(1_000);
    // The password is untouched.
    expect(await verifyPassword(DEMO_PASSWORD, (await deps.store.findAccountByUsername('ha'))!.passwordHash!)).toBe(true);
    await deps.store.close();
  });

  it('refuses an unknown username and a role that is not a province role, changing nothing', async () => {
    const deps = await makeDeps({ centres: [] });
    await ensureDemoCentre(deps.store);
    await ensureAccounts(deps, { demo: true });
    expect(await grantProvinceRole({ store: deps.store, now }, { username: 'nobody', role: 'province_admin' })).toEqual({
      ok: false,
      problem: 'unknown-account',
    });
    expect(await grantProvinceRole({ store: deps.store, now }, { username: 'lan', role: 'staff' })).toEqual({ ok: false, problem: 'not-a-province-role' });
    expect(await deps.store.getAccount('demo', 'lan')).toMatchObject({ role: 'staff' });
    await deps.store.close();
  });
});

describe('loadSessionSecret', () => {
  it('makes a random secret once, in DATA_DIR/session.secret readable by the owner only, and reuses it', () => {
    const dir = tempDir('luot-secret');
    try {
      const secret = loadSessionSecret({ dataDir: dir.path });
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(statSync(join(dir.path, SESSION_SECRET_FILE)).mode & 0o777).toBe(0o600);
      expect(loadSessionSecret({ dataDir: dir.path })).toBe(secret);
      expect(loadSessionSecret({ dataDir: dir.path, configured: 'x'.repeat(40) })).toBe('x'.repeat(40));
      // A truncated file (a crash while writing) is replaced.
      writeFileSync(join(dir.path, SESSION_SECRET_FILE), 'short');
      const replaced = loadSessionSecret({ dataDir: dir.path });
      expect(replaced).not.toBe(secret);
      expect(replaced).toHaveLength(43);
    } finally {
      dir.remove();
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../server/compose.ts';
import { loadConfig } from '../../server/config.ts';
import { spawnChild, type Child } from '../helpers/child.ts';
import { loginHeaders, sessionCookieOf } from '../helpers/credentials.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { centreClient, connect } from '../helpers/sockets.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** A real centre's first start (no DEMO): a default centre, and one admin account. */
let server: TestServer | null = null;
let child: Child | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
  await child?.stop();
  child = null;
});

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, ...headers }, body: JSON.stringify(body) });

describe('first start outside demo mode', () => {
  it('creates centre "main" and an admin with a one-time password that must be changed first', async () => {
    server = await startTestServer({}, { DEMO: 'false' });
    const { accounts } = server;
    expect(accounts.defaultCentreCreated).toBe(true);
    expect(accounts.demoAccountsCreated).toBe(false);
    expect(accounts.firstAdmin).toMatchObject({ centreId: 'main', username: 'admin' });
    const password = accounts.firstAdmin!.oneTimePassword!;
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await server.deps.store.getCentre('main')).toEqual({
      id: 'main',
      name: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public Administrative Service Centre' },
      timeZone: 'Asia/Ho_Chi_Minh',
    });

    const login = await post(server.url, '/auth/login', { username: 'admin', password });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ kind: 'staff', account: { role: 'admin', mustChangePassword: true, centreId: 'main' } });
    const headers = { cookie: sessionCookieOf(login), origin: server.url };

    // Nothing but who-am-I and the password change until it is changed.
    for (const res of [
      await fetch(`${server.url}/api/centres/main/snapshot`, { headers }),
      await fetch(`${server.url}/api/centres/main/device-tokens`, { headers }),
      await post(server.url, '/centres/main/device-tokens', { kind: 'kiosk', name: 'Kiosk 1' }, headers),
    ]) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('auth.password_change_required');
    }
    const socket = centreClient(server.url, { centreId: 'main' }, { headers });
    await expect(connect(socket.socket)).rejects.toThrow('auth.password_change_required');
    socket.close();
    expect(await (await fetch(`${server.url}/api/auth/session`, { headers })).json()).toMatchObject({ account: { mustChangePassword: true } });

    // The one-time password cannot be kept as the new one.
    expect((await post(server.url, '/auth/password', { oldPassword: password, newPassword: password }, headers)).status).toBe(400);
    const changed = await post(server.url, '/auth/password', { oldPassword: password, newPassword: 'quản trị viên 2026' }, headers);
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ mustChangePassword: false });
    expect((await fetch(`${server.url}/api/centres/main/snapshot`, { headers })).status).toBe(200);
  });

  it('uses ADMIN_PASSWORD when set, with no forced change, and never makes a second admin', async () => {
    const dir = tempDir('luot-first');
    try {
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'from-the-environment' });
      const first = await startServer(config);
      try {
        expect(first.accounts.firstAdmin).toEqual({ centreId: 'main', username: 'admin', oneTimePassword: null, role: 'admin' });
        const headers = await loginHeaders(first.url, 'admin', 'from-the-environment');
        expect((await fetch(`${first.url}/api/centres/main/snapshot`, { headers })).status).toBe(200);
      } finally {
        await first.close();
      }
      const again = await startServer({ ...config, ADMIN_PASSWORD: 'another-password' });
      try {
        expect(again.accounts).toEqual({ defaultCentreCreated: false, demoAccountsCreated: false, firstAdmin: null });
        expect((await post(again.url, '/auth/login', { username: 'admin', password: 'another-password' })).status).toBe(401);
        expect((await post(again.url, '/auth/login', { username: 'admin', password: 'from-the-environment' })).status).toBe(200);
      } finally {
        await again.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('prints the one-time password once on stdout (never in the log), and not on the next start', async () => {
    const dir = tempDir('luot-first-main');
    try {
      const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, LOG_LEVEL: 'info', DEMO: 'false', ADMIN_PASSWORD: '' };
      child = spawnChild('node_modules/.bin/tsx', ['server/main.ts'], { env });
      const [, password] = await child.waitForLine(/One-time password of "admin": (\S+)/);
      expect(child.stderr()).not.toContain(password!);
      expect(child.stdout()).not.toContain('?pair=');
      await child.stop();
      child = spawnChild('node_modules/.bin/tsx', ['server/main.ts'], { env });
      await child.waitForLine(/API \(OpenAPI 3\.1\)/);
      expect(child.stdout()).not.toMatch(/One-time password/);
    } finally {
      dir.remove();
    }
  });
});

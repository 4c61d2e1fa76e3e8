import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSchema, StaffWithPasswordSchema } from '../../../protocol/index.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect } from '../../helpers/sockets.ts';

/**
 * Staff accounts edited by an admin over the real HTTP API: createStaff, updateStaff and
 * resetStaffPassword, their refusals (which change nothing on disk), and what they do to live
 * sessions and sockets.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const patch = (path: string, body: unknown, as: 'admin' | 'manager' = 'admin') => server.api(path, { method: 'PATCH', json: body, as });
const asCookie = (headers: Record<string, string>) => ({ headers });

/** The accounts and sessions tables as on disk. */
function accountsOnDisk() {
  const db = new BetterSqlite3(server.config.dbFile, { readonly: true, fileMustExist: true });
  try {
    return { staff: db.prepare('SELECT * FROM staff ORDER BY rowid').all(), sessions: db.prepare('SELECT * FROM sessions ORDER BY rowid').all() };
  } finally {
    db.close();
  }
}

async function expectRefused(res: Promise<Response>, status: number, code: string) {
  const before = accountsOnDisk();
  const answer = await res;
  expect(answer.status).toBe(status);
  expect((await answer.json()).error.code).toBe(code);
  expect(accountsOnDisk()).toEqual(before);
}

describe('createStaff', () => {
  it('makes an account whose one-time password logs in once and must be changed first', async () => {
    const res = await server.api('/centres/demo/staff', { json: { username: ' Mai.Pham ', name: 'Phạm Thị Mai', role: 'staff' } });
    expect(res.status).toBe(200);
    const created = StaffWithPasswordSchema.parse(await res.json());
    expect(created.account).toEqual({
      centreId: 'demo',
      staffId: 'mai-pham',
      name: 'Phạm Thị Mai',
      username: 'mai.pham',
      role: 'staff',
      active: true,
      mustChangePassword: true,
    });
    const listed = AccountSchema.array().parse(await (await server.api('/centres/demo/staff')).json());
    expect(listed.find((a) => a.username === 'mai.pham')).toEqual(created.account);
    expect(JSON.stringify(listed)).not.toContain(created.oneTimePassword);

    const mai = await loginHeaders(server.url, 'mai.pham', created.oneTimePassword!);
    const blocked = await fetch(`${server.url}/api/centres/demo/snapshot`, asCookie(mai));
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.code).toBe('auth.password_change_required');
    const changed = await fetch(`${server.url}/api/auth/password`, {
      method: 'POST',
      headers: { ...mai, 'content-type': 'application/json' },
      body: JSON.stringify({ oldPassword: created.oneTimePassword, newPassword: 'mai-da-doi-mat-khau' }),
    });
    expect(changed.status).toBe(200);
    expect((await fetch(`${server.url}/api/centres/demo/snapshot`, asCookie(mai))).status).toBe(200);
  });

  it('refuses a taken username (of any centre), a bad one, and a short password, changing nothing', async () => {
    await expectRefused(server.api('/centres/demo/staff', { json: { username: 'LAN', name: 'X', role: 'staff' } }), 409, 'staff.username_taken');
    await expectRefused(server.api('/centres/demo/staff', { json: { username: 'có dấu', name: 'X', role: 'staff' } }), 400, 'request.invalid_payload');
    await expectRefused(
      server.api('/centres/demo/staff', { json: { username: 'x1', name: 'X', role: 'staff', password: 'short' } }),
      400,
      'request.invalid_payload',
    );
    await expectRefused(server.api('/centres/demo/staff', { json: { username: 'x2', name: 'X', role: 'boss' } }), 400, 'request.invalid_payload');
  });

  it('is for admins only, and a manager learns nothing from a refused body', async () => {
    await server.credentials('manager'); // logged in before the tables are compared
    await expectRefused(server.api('/centres/demo/staff', { json: { username: 'nope' }, as: 'manager' }), 403, 'auth.forbidden');
  });
});

describe('updateStaff', () => {
  it("disabling ends the officer's sessions and live sockets at once; the counter they hold waits for a force-close", async () => {
    await server.openCounter('quay-2', 'hung');
    const hung = await loginHeaders(server.url, 'hung');
    const socket = centreClient(server.url, { centreId: 'demo' }, { headers: hung });
    await connect(socket.socket);
    const closed = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));

    const res = await patch('/centres/demo/staff/hung', { active: false });
    expect(res.status).toBe(200);
    expect(AccountSchema.parse(await res.json())).toMatchObject({ staffId: 'hung', active: false });
    expect(await closed).toBe('io server disconnect');
    expect((await fetch(`${server.url}/api/centres/demo/snapshot`, asCookie(hung))).status).toBe(401);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hung', password: 'luot-demo' }),
    });
    expect(login.status).toBe(401);
    // The counter stays his until an admin frees it (docs/admin.md).
    expect(await server.deps.store.counterHeldBy('demo', 'hung')).toBe('quay-2');
    expect((await server.api('/centres/demo/counters/quay-2/force-close', { json: {} })).status).toBe(200);
    expect(await server.deps.store.counterHeldBy('demo', 'hung')).toBeNull();

    expect((await patch('/centres/demo/staff/hung', { active: true })).status).toBe(200);
    await loginHeaders(server.url, 'hung');
  });

  it('a new role applies to the next request of a live session', async () => {
    const tuan = await loginHeaders(server.url, 'tuan');
    expect((await fetch(`${server.url}/api/centres/demo/settings`, asCookie(tuan))).status).toBe(403);
    expect((await patch('/centres/demo/staff/tuan', { role: 'admin' })).status).toBe(200);
    expect((await fetch(`${server.url}/api/centres/demo/settings`, asCookie(tuan))).status).toBe(200);
    expect((await patch('/centres/demo/staff/tuan', { role: 'staff', name: 'Lê Minh Tuấn' })).status).toBe(200);
    expect((await fetch(`${server.url}/api/centres/demo/settings`, asCookie(tuan))).status).toBe(403);
  });

  it("refuses an admin's own demotion or disabling, an unknown account and an empty change, changing nothing", async () => {
    await expectRefused(patch('/centres/demo/staff/admin', { role: 'staff' }), 409, 'staff.cannot_change_self');
    await expectRefused(patch('/centres/demo/staff/admin', { active: false, name: 'X' }), 409, 'staff.cannot_change_self');
    await expectRefused(patch('/centres/demo/staff/ghost', { name: 'X' }), 404, 'staff.not_found');
    await expectRefused(patch('/centres/demo/staff/lan', {}), 400, 'request.invalid_payload');
    await expectRefused(patch('/centres/demo/staff/lan', { username: 'other' }), 400, 'request.invalid_payload');
  });
});

describe('cross-site requests', () => {
  it("are refused for the admin's cookie, whatever the method, and change nothing", async () => {
    const admin = await server.credentials('admin');
    const evil = { ...admin, origin: 'http://evil.example', 'content-type': 'application/json' };
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}/api${path}`, { method, headers: evil, body: body === undefined ? undefined : JSON.stringify(body) });
    await expectRefused(send('PATCH', '/centres/demo/staff/lan', { active: false }), 403, 'auth.forbidden');
    await expectRefused(send('POST', '/centres/demo/staff', { username: 'evil', name: 'Evil', role: 'admin' }), 403, 'auth.forbidden');
    await expectRefused(send('POST', '/centres/demo/staff/lan/reset-password'), 403, 'auth.forbidden');
  });
});

describe('resetStaffPassword', () => {
  it('answers a one-time password once and logs the account out everywhere', async () => {
    const lan = await loginHeaders(server.url, 'lan');
    const res = await server.api('/centres/demo/staff/lan/reset-password', { method: 'POST' });
    expect(res.status).toBe(200);
    const reset = StaffWithPasswordSchema.parse(await res.json());
    expect(reset.account).toMatchObject({ staffId: 'lan', mustChangePassword: true });
    expect((await fetch(`${server.url}/api/centres/demo/snapshot`, asCookie(lan))).status).toBe(401);
    const again = await loginHeaders(server.url, 'lan', reset.oneTimePassword!);
    const blocked = await fetch(`${server.url}/api/centres/demo/snapshot`, asCookie(again));
    expect((await blocked.json()).error.code).toBe('auth.password_change_required');
  });

  it("refuses the admin's own account and an unknown one, changing nothing", async () => {
    await expectRefused(server.api('/centres/demo/staff/admin/reset-password', { method: 'POST' }), 409, 'staff.cannot_change_self');
    await expectRefused(server.api('/centres/demo/staff/ghost/reset-password', { method: 'POST' }), 404, 'staff.not_found');
  });
});

describe('OpenAPI', () => {
  it('documents the three operations as centre:admin', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const ops = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((m) => Object.values(m));
    for (const id of ['createStaff', 'updateStaff', 'resetStaffPassword']) {
      expect(ops.find((o) => o.operationId === id)?.['x-permission'], id).toBe('centre:admin');
    }
  });
});

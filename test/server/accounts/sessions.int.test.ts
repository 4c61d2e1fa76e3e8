import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionInfoSchema } from '../../../protocol/index.ts';
import { SESSION_TTL_MS } from '../../../server/accounts/accounts.usecases.ts';
import { DEMO_PASSWORD } from '../../../server/demo/demo-accounts.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { MORNING } from '../../fixtures/centres.ts';
import { sessionCookieOf } from '../../helpers/credentials.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

const clock = fakeClock(MORNING);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server?.stop());

const call = (path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) =>
  fetch(`${server.url}/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      origin: server.url,
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function login(username: string, password = DEMO_PASSWORD) {
  const res = await call('/auth/login', { body: { username, password } });
  expect(res.status).toBe(200);
  return { res, cookie: sessionCookieOf(res), body: SessionInfoSchema.parse(await res.json()) };
}
const whoAmI = async (cookie?: string) => SessionInfoSchema.parse(await (await call('/auth/session', { cookie })).json());
const canRead = async (cookie: string) => (await call('/centres/demo/snapshot', { cookie })).status;

describe('login', () => {
  it('sets a signed, httpOnly, SameSite=Strict cookie for 12 h and answers the account without its hash', async () => {
    const { res, body } = await login('lan');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('luot_session='))!;
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/; Secure/i); // plain http here; https gets Secure
    expect(new Date(/Expires=([^;]+)/i.exec(setCookie)![1]!).getTime()).toBe(Math.floor((clock.now().getTime() + SESSION_TTL_MS) / 1000) * 1000);
    expect(body).toEqual({
      kind: 'staff',
      account: { centreId: 'demo', staffId: 'lan', name: 'Nguyễn Thị Lan', username: 'lan', role: 'staff', active: true, mustChangePassword: false },
      expiresAt: new Date(clock.now().getTime() + SESSION_TTL_MS).toISOString(),
    });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|hash/i);
  });

  it('marks the cookie Secure when the browser talks https (through a TLS proxy)', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'lan', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('luot_session='))).toMatch(/; Secure/i);
  });

  it('stores only a hash of the session id', async () => {
    const { cookie } = await login('hung');
    const id = decodeURIComponent(cookie.slice('luot_session='.length)).split('.')[0]!;
    const rows = rawQuery<{ id: string }>(server.config.dbFile, 'SELECT id FROM sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id.includes(id))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });

  it('accepts the username in any case and with spaces around it', async () => {
    expect((await call('/auth/login', { body: { username: ' LAN ', password: DEMO_PASSWORD } })).status).toBe(200);
  });

  it.each([
    ['a wrong password', { username: 'lan', password: 'luot-demo!' }],
    ['an unknown username', { username: 'ghost', password: DEMO_PASSWORD }],
  ])('refuses %s with the same 401 auth.invalid_credentials and no cookie', async (_label, body) => {
    const res = await call('/auth/login', { body });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'auth.invalid_credentials', message: 'Wrong username or password.' } });
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('a session', () => {
  it('says who is logged in, and anonymous without a cookie', async () => {
    const { cookie } = await login('ha');
    expect(await whoAmI(cookie)).toMatchObject({ kind: 'staff', account: { username: 'ha', role: 'manager' } });
    expect(await whoAmI()).toEqual({ kind: 'anonymous' });
  });

  it('ends at logout: the same cookie is anonymous afterwards, and logout clears it', async () => {
    const { cookie } = await login('tuan');
    expect(await canRead(cookie)).toBe(200);
    const out = await call('/auth/logout', { method: 'POST', cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('luot_session='))).toMatch(/Max-Age=0/i);
    expect(await whoAmI(cookie)).toEqual({ kind: 'anonymous' });
    expect(await canRead(cookie)).toBe(401);
    // Logging out twice, or without a session, is harmless.
    expect((await call('/auth/logout', { method: 'POST', cookie })).status).toBe(204);
  });

  it('expires after 12 hours', async () => {
    const { cookie } = await login('lan');
    clock.advance(SESSION_TTL_MS - 1000);
    expect(await canRead(cookie)).toBe(200);
    clock.advance(1000);
    expect(await canRead(cookie)).toBe(401);
    expect(await whoAmI(cookie)).toEqual({ kind: 'anonymous' });
  });

  it('is anonymous with a tampered or unsigned cookie', async () => {
    const { cookie } = await login('lan');
    const value = decodeURIComponent(cookie.slice('luot_session='.length));
    const [id, signature] = [value.slice(0, value.lastIndexOf('.')), value.slice(value.lastIndexOf('.') + 1)];
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const bad of [
      `luot_session=${encodeURIComponent(`${flip(id)}.${signature}`)}`,
      `luot_session=${encodeURIComponent(`${id}.${flip(signature)}`)}`,
      `luot_session=${encodeURIComponent(id)}`,
      'luot_session=',
    ]) {
      expect(await whoAmI(bad), bad).toEqual({ kind: 'anonymous' });
      expect(await canRead(bad), bad).toBe(401);
    }
    expect(await canRead(cookie)).toBe(200);
  });
});

describe('changing the password', () => {
  it('needs the current password, ends the other sessions of the account and keeps this one', async () => {
    const here = await login('hung');
    const elsewhere = await login('hung');
    const other = await login('lan');

    const wrong = await call('/auth/password', { cookie: here.cookie, body: { oldPassword: 'nope-nope', newPassword: 'a-new-password' } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('auth.invalid_credentials');
    const short = await call('/auth/password', { cookie: here.cookie, body: { oldPassword: DEMO_PASSWORD, newPassword: 'short' } });
    expect(short.status).toBe(400);
    expect(await canRead(elsewhere.cookie)).toBe(200);

    const ok = await call('/auth/password', { cookie: here.cookie, body: { oldPassword: DEMO_PASSWORD, newPassword: 'Hung mới 2026' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ username: 'hung', mustChangePassword: false });
    expect(await canRead(here.cookie)).toBe(200);
    expect(await canRead(elsewhere.cookie)).toBe(401);
    expect(await canRead(other.cookie)).toBe(200);

    expect((await call('/auth/login', { body: { username: 'hung', password: DEMO_PASSWORD } })).status).toBe(401);
    await login('hung', 'Hung mới 2026');
  });

  it('is refused without a session', async () => {
    const res = await call('/auth/password', { body: { oldPassword: DEMO_PASSWORD, newPassword: 'whatever-long' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('auth.required');
  });
});

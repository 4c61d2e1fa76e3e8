import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { readRawDb } from '../../helpers/raw-db.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/**
 * Cross-site request forgery: state changes made with the session cookie must come from our
 * own pages. (SameSite=Strict keeps a cross-site browser from sending the cookie at all; these
 * requests carry it anyway, as a same-site neighbour or an older browser would.)
 */
let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = (await server.credentials('staff')).cookie!;
});
afterAll(() => server?.stop());

const issue = (headers: Record<string, string>, contentType = 'application/json') =>
  fetch(`${server.url}/api/centres/demo/tickets`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body: JSON.stringify({ serviceId: 'dat-dai' }),
  });

describe('a state-changing request with the session cookie', () => {
  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['another port of the same host (same-site)', { origin: 'http://127.0.0.1:1' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['neither Origin nor Sec-Fetch-Site', {}],
  ])('from %s is refused with 403 auth.forbidden and changes nothing', async (_label, headers) => {
    const before = readRawDb(server.config.dbFile);
    const res = await issue({ cookie, ...headers });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'auth.forbidden', message: 'Cross-site request refused.' } });
    expect(readRawDb(server.config.dbFile)).toEqual(before);
  });

  it('passes from our own origin (Origin or Sec-Fetch-Site: same-origin)', async () => {
    expect((await issue({ cookie, origin: server.url })).status).toBe(200);
    expect((await issue({ cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a cross-site form post that carries cookies before anything else (hono/csrf)', async () => {
    const res = await issue({ cookie, origin: 'http://evil.example' }, 'text/plain');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('auth.forbidden');
    const other = await issue({ cookie: 'tracking=1', origin: 'http://evil.example' }, 'application/x-www-form-urlencoded');
    expect(other.status).toBe(403);
  });
});

describe('logging in', () => {
  it.each([
    ['a form', 'application/x-www-form-urlencoded', `username=lan&password=${DEMO_PASSWORD}`],
    ['JSON', 'application/json', JSON.stringify({ username: 'lan', password: DEMO_PASSWORD })],
  ])('from another site (%s) is refused, so a page elsewhere cannot log the visitor in', async (_label, contentType, body) => {
    for (const headers of [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }] as Record<
      string,
      string
    >[]) {
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
      expect(login.status).toBe(403);
      expect(login.headers.getSetCookie()).toEqual([]);
    }
  });

  it('works from our own pages, and from scripts that are no browser', async () => {
    const body = JSON.stringify({ username: 'lan', password: DEMO_PASSWORD });
    for (const headers of [{ origin: server.url }, { 'sec-fetch-site': 'same-origin' }, {}] as Record<string, string>[]) {
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect(login.status).toBe(200);
    }
  });
});

describe('requests without the session cookie', () => {
  it('does not concern reads, nor requests made with a device token (no ambient credential)', async () => {
    expect((await fetch(`${server.url}/api/centres/demo/snapshot`, { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(200);
    expect((await issue({ authorization: `Bearer ${DEMO_TOKENS.kiosk}`, origin: 'http://evil.example' })).status).toBe(200);
    expect((await issue({ authorization: `Bearer ${DEMO_TOKENS.kiosk}` })).status).toBe(200);
  });

  it('answers no CORS headers, so another origin cannot read the API with the cookie either', async () => {
    const res = await fetch(`${server.url}/api/centres/demo/snapshot`, { headers: { cookie, origin: 'http://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.url}/api/centres/demo/tickets`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

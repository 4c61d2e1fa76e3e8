import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import type { Logger } from '../../../server/http/errors.ts';
import { fakeClock, type FakeClock } from '../../fakes/clock.fake.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/**
 * Login throttling on the real server (issue #10): growing locks per username and per client
 * address, 429 auth.throttled with Retry-After, audited in the log, the right password works
 * again once the lock ends, and devices are never throttled by someone else's guessing.
 */
let server: TestServer | null = null;
let clock: FakeClock;
let warnings: string[];
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function start(env: Record<string, string> = {}) {
  clock = fakeClock('2026-03-16T09:00:00+07:00');
  warnings = [];
  const log: Logger = { info: () => {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(`ERROR ${m}`) };
  server = await startTestServer({ clock, log }, env);
  return server;
}

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${server!.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

describe('login throttling', () => {
  it('locks a username after 5 failures, growing; audited; the right password works after the lock; devices unaffected', async () => {
    const s = await start();
    for (let i = 0; i < 5; i++) expect((await login('lan', 'wrong-password')).status).toBe(401);

    // Locked for 1 s: even the right password is refused, before it is checked.
    const refused = await login('lan', 'luot-demo');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = await refused.json();
    expect(body.error.code).toBe('auth.throttled');
    expect(body.error.message).toMatch(/try again in 1 s/);
    expect(warnings.some((w) => /^security: user:lan locked for 1 s after 5 failed logins \(username "lan", address 127\.0\.0\.1\)/.test(w))).toBe(true);
    expect(warnings.some((w) => /^security: login refused, user:lan is locked/.test(w))).toBe(true);

    // Another officer is not locked out by lan's lock (the address has a larger allowance).
    expect((await login('hung', 'luot-demo')).status).toBe(200);
    // Devices from the very same address carry on: they never log in.
    const issued = await s.api('/centres/demo/tickets', { json: { serviceId: 'dat-dai' }, as: 'kiosk' });
    expect(issued.status).toBe(200);
    const snapshot = await fetch(`${s.url}/api/centres/demo/snapshot`, { headers: { authorization: `Bearer ${DEMO_TOKENS.display}` } });
    expect(snapshot.status).toBe(200);

    // The next failure after the lock doubles it.
    clock.advance(1_000);
    expect((await login('lan', 'still-wrong')).status).toBe(401);
    const second = await login('lan', 'luot-demo');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('2');

    // After the lock, the right password works, and the count starts again.
    clock.advance(2_000);
    expect((await login('lan', 'luot-demo')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('lan', 'wrong-password')).status).toBe(401);
    expect((await login('lan', 'luot-demo')).status).toBe(200);

    // Audited in the store: each lock that started, for the centre's administrators only.
    const events = await s.api('/centres/demo/security-events', { as: 'admin' });
    expect(events.status).toBe(200);
    expect((await events.json()).map((e: Record<string, unknown>) => [e.kind, e.subject, e.username, e.address, e.failures, e.lockSeconds])).toEqual([
      ['login.locked', 'user:lan', 'lan', '127.0.0.1', 6, 2],
      ['login.locked', 'user:lan', 'lan', '127.0.0.1', 5, 1],
    ]);
    expect((await s.api('/centres/demo/security-events', { as: 'manager' })).status).toBe(403);
  });

  it('records a guessed username that no account has for no centre', async () => {
    const s = await start();
    for (let i = 0; i < 5; i++) expect((await login('nobody-here', 'guess')).status).toBe(401);
    expect((await login('nobody-here', 'guess')).status).toBe(429);
    expect(await (await s.api('/centres/demo/security-events', { as: 'admin' })).json()).toEqual([]);
  });

  it('locks a client address guessing across usernames; with TRUSTED_PROXIES, X-Forwarded-For names the client', async () => {
    await start({ TRUSTED_PROXIES: '127.0.0.1' });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 20; i++) expect((await login(`nobody-${i}`, 'guess', from('192.168.1.66'))).status).toBe(401);
    const locked = await login('lan', 'luot-demo', from('192.168.1.66'));
    expect(locked.status).toBe(429);
    expect(warnings.some((w) => /security: addr:192\.168\.1\.66 locked for 1 s after 20 failed logins/.test(w))).toBe(true);
    // Another client behind the same proxy logs in.
    expect((await login('lan', 'luot-demo', from('192.168.1.20'))).status).toBe(200);
    clock.advance(1_000);
    expect((await login('lan', 'luot-demo', from('192.168.1.66'))).status).toBe(200);
  });

  it('without TRUSTED_PROXIES a client cannot escape its address lock by sending X-Forwarded-For', async () => {
    await start();
    for (let i = 0; i < 20; i++) expect((await login(`nobody-${i}`, 'guess', { 'x-forwarded-for': `10.9.0.${i}` })).status).toBe(401);
    const locked = await login('lan', 'luot-demo', { 'x-forwarded-for': '10.9.9.9' });
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe('auth.throttled');
  });
});

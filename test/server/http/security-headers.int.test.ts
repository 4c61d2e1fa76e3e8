import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/**
 * Security headers (issue #10, docs/security.md): every page and API answer carries the CSP,
 * nosniff and no-referrer; API answers, which carry sessions, one-time passwords and device
 * tokens, are never cached.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

function expectSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
}

describe('security headers', () => {
  it.each(['/kiosk', '/t/some-ticket', '/counter', '/display', '/display/counter/1', '/admin', '/reports', '/rate/quay-1', '/nope'])(
    'page %s',
    async (path) => {
      const res = await fetch(`${server.url}${path}`);
      expectSecurityHeaders(res, path);
    },
  );

  it('API answers: the headers, and no-store on every answer that carries a secret', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'luot-demo' }),
    });
    expect(login.status).toBe(200);
    expectSecurityHeaders(login, 'login');
    expect(login.headers.get('cache-control')).toBe('no-store');

    const answers: [string, Response][] = [
      ['session', await server.api('/auth/session')],
      ['device token', await server.api('/centres/demo/device-tokens', { json: { kind: 'display', name: 'Headers' } })],
      ['new staff (one-time password)', await server.api('/centres/demo/staff', { json: { username: 'headers', name: 'Headers', role: 'staff' } })],
      ['device tokens', await server.api('/centres/demo/device-tokens')],
      ['snapshot (device)', await server.api('/centres/demo/snapshot', { as: 'display' })],
      ['issue (kiosk)', await server.api('/centres/demo/tickets', { json: { serviceId: 'dat-dai' }, as: 'kiosk' })],
      ['error', await server.api('/centres/demo/nothing-here')],
      ['refused', await fetch(`${server.url}/api/centres/demo/staff`, { headers: { authorization: `Bearer ${DEMO_TOKENS.kiosk}` } })],
      ['openapi', await fetch(`${server.url}/api/openapi.json`)],
    ];
    for (const [what, res] of answers) {
      expect(res.status, what).toBeLessThan(500);
      expectSecurityHeaders(res, what);
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
  });
});

describe('policyFor', () => {
  it("adds this host's websocket origins for older browsers, and nothing from a strange Host header", async () => {
    const { policyFor } = await import('../../../server/http/security-headers.ts');
    expect(policyFor('192.168.1.10:3000')).toContain("connect-src 'self' ws://192.168.1.10:3000 wss://192.168.1.10:3000;");
    expect(policyFor('[::1]:3000')).toContain("connect-src 'self' ws://[::1]:3000 wss://[::1]:3000;");
    expect(policyFor("evil; script-src 'unsafe-inline'")).toContain("connect-src 'self';");
    expect(policyFor(undefined)).toContain("connect-src 'self';");
  });
});

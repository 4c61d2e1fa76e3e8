import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../../helpers/sockets.ts';

/** Who may open `/centre`: devices by token, officers by their session cookie; centre:read in that centre. */
let server: TestServer;
const clients: RecordingClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(() => server?.stop());

function client(auth: unknown, headers?: Record<string, string>, transports?: ('websocket' | 'polling')[]) {
  const c = centreClient(server.url, auth, { headers, transports });
  clients.push(c);
  return c;
}
const refusal = (c: RecordingClient) =>
  connect(c.socket).then(
    () => 'connected',
    (e: Error) => e.message,
  );

describe('connecting to /centre', () => {
  it.each(['kiosk', 'display'] as const)('works with the %s device token and gets the snapshot first', async (kind) => {
    const c = client({ centreId: 'demo', token: DEMO_TOKENS[kind] });
    await connect(c.socket);
    expect((await c.waitFor((r) => r.event === 'state:snapshot')).payload.centre.id).toBe('demo');
    expect(c.received[0]!.event).toBe('state:snapshot');
  });

  it.each([['websocket'], ['polling']] as const)('works for an officer with the session cookie from our own origin (%s)', async (transport) => {
    const headers = await loginHeaders(server.url, 'lan');
    const c = client({ centreId: 'demo' }, headers, [transport]);
    await connect(c.socket);
    await c.waitFor((r) => r.event === 'state:snapshot');
  });

  it('refuses the cookie from another origin (cross-site WebSocket hijacking)', async () => {
    const { cookie } = await loginHeaders(server.url, 'lan');
    expect(await refusal(client({ centreId: 'demo' }, { cookie, origin: 'http://evil.example' }))).toBe('auth.forbidden');
    expect(await refusal(client({ centreId: 'demo' }, { cookie }))).toBe('auth.forbidden');
  });

  it('refuses nobody, a revoked-looking token, a tampered cookie, and another centre', async () => {
    expect(await refusal(client({ centreId: 'demo' }))).toBe('auth.required');
    expect(await refusal(client({ centreId: 'demo', token: 'luot_demo-kiosk.guess' }))).toBe('auth.required');
    const { cookie, origin } = await loginHeaders(server.url, 'lan');
    expect(await refusal(client({ centreId: 'demo' }, { cookie: cookie.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')), origin }))).toBe('auth.required');
    expect(await refusal(client({ centreId: 'other', token: DEMO_TOKENS.display }))).toBe('auth.forbidden');
  });

  it('refuses a bridge token: a bridge has no screen and talks only on /bridge (issue #10)', async () => {
    expect(await refusal(client({ centreId: 'demo', token: DEMO_TOKENS.bridge }))).toBe('auth.forbidden');
  });

  it('closes an officer’s socket at logout', async () => {
    const headers = await loginHeaders(server.url, 'hung');
    const c = client({ centreId: 'demo' }, headers);
    await connect(c.socket);
    await c.waitFor((r) => r.event === 'state:snapshot');
    const closed = new Promise<string>((resolve) => c.socket.once('disconnect', resolve));
    expect((await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(await refusal(c)).toBe('auth.required');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFingerprinter } from '../../helpers/db-fingerprint.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/**
 * Pairing with a short code over the real server (issue #15): the admin's token comes with a
 * code, a device without credentials redeems it once, refusals change nothing, the per-address
 * rate limit, withdrawal, PUBLIC_URL for the admin page, and the API document. The server trusts
 * 127.0.0.1 as a proxy so each test speaks from an address of its own (X-Forwarded-For).
 */
let server: TestServer;
let address = 0;

beforeAll(async () => {
  server = await startTestServer({}, { TRUSTED_PROXIES: '127.0.0.1' });
});
afterAll(() => server?.stop());

/** A client address of its own for each caller, so one test's rate limit does not reach the next. */
const newAddress = () => `198.51.100.${++address}`;

async function redeem(code: unknown, from: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/api/pairing/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ code, ...extra }),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function makeDevice(kind = 'kiosk', name = 'Kiosk sảnh A') {
  const res = await server.api('/centres/demo/device-tokens', { json: { kind, name } });
  expect(res.status).toBe(200);
  return res.json();
}

describe('pairing a device with a short code', () => {
  it('the admin gets a code with the token; the device exchanges it once for that token', async () => {
    const created = await makeDevice();
    expect(created.pairing.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const minutes = (Date.parse(created.pairing.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const from = newAddress();
    const first = await redeem(created.pairing.code.toLowerCase(), from, { kind: 'kiosk' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token: created.token, device: { id: created.device.id, kind: 'kiosk', name: 'Kiosk sảnh A' } });
    // The token works as a kiosk's.
    const session = await fetch(`${server.url}/api/auth/session`, { headers: { authorization: `Bearer ${first.body.token}` } });
    expect(await session.json()).toMatchObject({ kind: 'device', deviceKind: 'kiosk', deviceId: created.device.id });
    const again = await redeem(created.pairing.code, from);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('pairing.used');
    expect(again.body.token).toBeUndefined();
  });

  it('bridges and integrations get no code', async () => {
    expect((await makeDevice('bridge', 'Bộ kết nối')).pairing).toBeUndefined();
  });

  it('wrong, malformed, wrong-kind and withdrawn codes are refused with clear codes and change nothing', async () => {
    const created = await makeDevice('display', 'Màn hình sảnh');
    const other = await makeDevice('kiosk', 'Kiosk rút mã');
    const withdrawn = await server.api(`/centres/demo/device-tokens/${other.device.id}/pairing/revoke`, { json: {} });
    expect(await withdrawn.json()).toEqual({ revoked: 1 });
    const db = dbFingerprinter(server.config.dbFile, {
      device_tokens: { columns: ['last_seen_at'], why: 'bookkeeping of requests made with a token' },
    });
    try {
      const before = db.take();
      const from = newAddress();
      const cases: [unknown, Record<string, unknown>, number, string][] = [
        ['ZZZZ-ZZZZ', {}, 404, 'pairing.invalid'],
        ['not-a-code', {}, 404, 'pairing.invalid'],
        [created.pairing.code, { kind: 'kiosk' }, 409, 'pairing.wrong_kind'],
        [other.pairing.code, {}, 409, 'pairing.expired'],
        ['', {}, 400, 'request.invalid_payload'],
        [42, {}, 400, 'request.invalid_payload'],
      ];
      for (const [code, extra, status, error] of cases) {
        const res = await redeem(code, from, extra);
        expect({ code, status: res.status, error: res.body.error?.code }).toEqual({ code, status, error });
      }
      expect(db.take()).toEqual(before);
    } finally {
      db.close();
    }
    // Still usable by the right kind of device.
    expect((await redeem(created.pairing.code, newAddress(), { kind: 'display' })).status).toBe(200);
  });

  it('rate-limits redeeming per client address (429 pairing.rate_limited with Retry-After), whoever asks', async () => {
    const from = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await redeem('ZZZZ-ZZZZ', from)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    const limited = await redeem('ZZZZ-ZZZZ', from);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('pairing.rate_limited');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // A right code from the limited address waits too; from another address it works.
    const created = await makeDevice();
    expect((await redeem(created.pairing.code, from)).status).toBe(429);
    expect((await redeem(created.pairing.code, newAddress())).status).toBe(200);
  });

  it('tells the admin page that PUBLIC_URL is unset; only admins may ask or withdraw', async () => {
    const info = await server.api('/centres/demo/pairing-info');
    expect(await info.json()).toEqual({ publicUrl: null, codeMinutes: 15 });
    expect((await server.api('/centres/demo/pairing-info', { as: 'manager' })).status).toBe(403);
    expect((await server.api('/centres/demo/pairing-info', { as: 'anonymous' })).status).toBe(401);
    expect((await server.api('/centres/demo/device-tokens/no-such/pairing/revoke', { json: {} })).status).toBe(404);
  });

  it('the API document lists the new operations; redeeming is the one open to anybody', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const ops = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((m) => Object.values(m));
    const byId = Object.fromEntries(ops.map((o) => [o.operationId, o]));
    expect(byId.redeemPairingCode.security).toEqual([]);
    expect(byId.getPairingInfo['x-permission']).toBe('centre:admin');
    expect(byId.revokePairingCode['x-permission']).toBe('centre:admin');
    expect(doc.paths['/api/pairing/redeem'] ?? doc.paths['/pairing/redeem']).toBeDefined();
  });
});

describe('PUBLIC_URL for pairing addresses', () => {
  it('is given to the admin page when set', async () => {
    const other = await startTestServer({}, { PUBLIC_URL: 'http://192.168.1.10:3000' });
    try {
      const info = await other.api('/centres/demo/pairing-info');
      expect(await info.json()).toEqual({ publicUrl: 'http://192.168.1.10:3000', codeMinutes: 15 });
    } finally {
      await other.stop();
    }
  });
});

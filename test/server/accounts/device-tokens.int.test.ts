import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedDeviceTokenSchema, DeviceTokenSchema, SessionInfoSchema } from '../../../protocol/index.ts';
import { LAST_SEEN_EVERY_MS } from '../../../server/accounts/authenticator.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { MORNING } from '../../fixtures/centres.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect } from '../../helpers/sockets.ts';

const clock = fakeClock(MORNING);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server?.stop());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const create = async (kind: 'kiosk' | 'display' | 'bridge' | 'rating-screen', name: string, counterId?: string) => {
  const res = await server.api('/centres/demo/device-tokens', { json: { kind, name, ...(counterId ? { counterId } : {}) } });
  expect(res.status).toBe(200);
  return CreatedDeviceTokenSchema.parse(await res.json());
};
const list = async () => DeviceTokenSchema.array().parse(await (await server.api('/centres/demo/device-tokens')).json());

describe('device tokens', () => {
  it('are made by an admin; the secret is shown once and only its hash is stored', async () => {
    const made = await create('display', 'TV tầng 2');
    expect(made.token).toMatch(/^luot_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(made.token.startsWith(`luot_${made.device.id}.`)).toBe(true);
    expect(made.device).toEqual({
      id: made.device.id,
      centreId: 'demo',
      kind: 'display',
      name: 'TV tầng 2',
      createdAt: clock.now().toISOString(),
      createdBy: 'admin',
      revokedAt: null,
      lastSeenAt: null,
      counterId: null,
    });
    const secret = made.token.split('.')[1]!;
    const listed = await list();
    expect(listed.find((d) => d.id === made.device.id)).toEqual(made.device);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const row = rawQuery<Record<string, unknown>>(server.config.dbFile, 'SELECT * FROM device_tokens WHERE id = ?', made.device.id)[0]!;
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists the demo devices of the centre', async () => {
    expect((await list()).filter((d) => d.id.startsWith('demo-')).map((d) => [d.id, d.kind])).toEqual([
      ['demo-bridge', 'bridge'],
      ['demo-display', 'display'],
      ['demo-integration', 'integration'], // the dossier system's (issue #14)
      ['demo-kiosk', 'kiosk'],
      ...[1, 2, 3, 4, 5, 6].map((n) => [`demo-rate-${n}`, 'rating-screen']),
    ]);
  });

  it('bind a rating screen to one counter of the centre (issue #10), and no other kind', async () => {
    const made = await create('rating-screen', 'Màn hình đánh giá quầy 3', 'quay-3');
    expect(made.device).toMatchObject({ kind: 'rating-screen', counterId: 'quay-3' });
    const info = SessionInfoSchema.parse(await (await fetch(`${server.url}/api/auth/session`, { headers: bearer(made.token) })).json());
    expect(info).toMatchObject({ kind: 'device', deviceKind: 'rating-screen', counter: { id: 'quay-3', number: 3 } });
    const post = (body: unknown) => server.api('/centres/demo/device-tokens', { json: body });
    for (const body of [
      { kind: 'rating-screen', name: 'no counter' },
      { kind: 'display', name: 'a display', counterId: 'quay-1' },
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await post({ kind: 'rating-screen', name: 'nowhere', counterId: 'quay-99' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('counter.not_found');
  });

  it('authenticate their device, which says who it is', async () => {
    const made = await create('kiosk', 'Kiosk cổng phụ');
    const info = SessionInfoSchema.parse(await (await fetch(`${server.url}/api/auth/session`, { headers: bearer(made.token) })).json());
    expect(info).toEqual({ kind: 'device', centreId: 'demo', deviceId: made.device.id, deviceKind: 'kiosk', name: 'Kiosk cổng phụ' });
  });

  it('are anonymous when malformed or with a wrong secret', async () => {
    const made = await create('display', 'TV');
    const wrong = `${made.token.slice(0, -2)}xx`;
    for (const token of [wrong, 'luot_demo-display.', 'luot_.demo', 'demo', `${made.token}.x`]) {
      const res = await fetch(`${server.url}/api/centres/demo/snapshot`, { headers: bearer(token) });
      expect(res.status, token).toBe(401);
    }
  });

  it('record when a device was last seen, at most once a minute', async () => {
    const made = await create('display', 'TV quầy');
    const seen = async () => (await list()).find((d) => d.id === made.device.id)!.lastSeenAt;
    const read = () => fetch(`${server.url}/api/centres/demo/snapshot`, { headers: bearer(made.token) });
    const t0 = clock.now().toISOString();
    await read();
    expect(await seen()).toBe(t0);
    clock.advance(LAST_SEEN_EVERY_MS - 1);
    await read();
    expect(await seen()).toBe(t0);
    clock.advance(1);
    await read();
    expect(await seen()).toBe(clock.now().toISOString());
  });

  it('stop working at once when revoked, HTTP and live sockets alike', async () => {
    const made = await create('display', 'TV to revoke');
    expect((await fetch(`${server.url}/api/centres/demo/snapshot`, { headers: bearer(made.token) })).status).toBe(200);
    const display = centreClient(server.url, { centreId: 'demo', token: made.token });
    try {
      await connect(display.socket);
      await display.waitFor((r) => r.event === 'state:snapshot');
      const closed = new Promise<string>((resolve) => display.socket.once('disconnect', resolve));

      const res = await server.api(`/centres/demo/device-tokens/${made.device.id}/revoke`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: made.device.id, revokedAt: clock.now().toISOString() });
      expect(await closed).toBe('io server disconnect');
      expect((await fetch(`${server.url}/api/centres/demo/snapshot`, { headers: bearer(made.token) })).status).toBe(401);
      await expect(connect(display.socket)).rejects.toThrow('auth.required');
      // Revoking again is harmless and keeps the first time.
      const again = await server.api(`/centres/demo/device-tokens/${made.device.id}/revoke`, { method: 'POST' });
      expect((await again.json()).revokedAt).toBe(clock.now().toISOString());
    } finally {
      display.close();
    }
  });

  it('answers 404 device_token.not_found for an unknown token', async () => {
    const res = await server.api('/centres/demo/device-tokens/nope/revoke', { method: 'POST' });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('device_token.not_found');
  });

  it('validate what an admin sends', async () => {
    for (const body of [{ kind: 'printer', name: 'x' }, { kind: 'kiosk', name: '' }, { kind: 'kiosk' }, { kind: 'kiosk', name: 'x', secret: 'mine' }]) {
      expect((await server.api('/centres/demo/device-tokens', { json: body })).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('GET /api/centres/{centreId}/staff', () => {
  it('lists the accounts with their roles and never a hash, to accounts only (issue #10)', async () => {
    // No device screen shows the staff list: a display token is refused.
    expect((await server.api('/centres/demo/staff', { as: 'display' })).status).toBe(403);
    const res = await server.api('/centres/demo/staff', { as: 'staff' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.map((a: { username: string; role: string }) => [a.username, a.role])).toEqual([
      ['admin', 'admin'],
      ['ha', 'manager'],
      ['hung', 'staff'],
      ['lan', 'staff'],
      ['tuan', 'staff'],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/scrypt|hash/i);
  });
});

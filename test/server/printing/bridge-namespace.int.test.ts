import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_NAMESPACE } from '../../../protocol/index.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/** The `/bridge` namespace on its own: who may connect, what it accepts, revocation. */
let server: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

function bridgeSocket(auth: unknown): Socket {
  const s = io(`${server.url}${BRIDGE_NAMESPACE}`, { auth: auth as Record<string, unknown>, reconnection: false, forceNew: true, transports: ['websocket'] });
  sockets.push(s);
  return s;
}
const connected = (s: Socket) =>
  new Promise<string | null>((resolve) => {
    s.once('connect', () => resolve(null));
    s.once('connect_error', (e) => resolve(e.message));
  });

describe('/bridge', () => {
  it('lets in a bridge token only', async () => {
    expect(await connected(bridgeSocket({}))).toMatch(/^request\.invalid_payload/);
    expect(await connected(bridgeSocket({ token: 'luot_nobody.secret' }))).toBe('auth.required');
    expect(await connected(bridgeSocket({ token: DEMO_TOKENS.kiosk }))).toBe('auth.forbidden');
    expect(await connected(bridgeSocket({ token: DEMO_TOKENS.display }))).toBe('auth.forbidden');
    expect(await connected(bridgeSocket({ token: DEMO_TOKENS.bridge }))).toBeNull();
  });

  it('validates every payload and answers the hello with the heartbeat period', async () => {
    const s = bridgeSocket({ token: DEMO_TOKENS.bridge });
    await connected(s);
    expect(await s.emitWithAck('bridge:hello', { bridgeVersion: '1', devices: [{ id: 'p', kind: 'printer', status: 'ok' }] })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_payload' },
    });
    expect(
      await s.emitWithAck('bridge:hello', {
        bridgeVersion: '1',
        devices: [
          { id: 'p', kind: 'printer', kioskId: 'demo-kiosk', status: 'ok' },
          { id: 'p', kind: 'printer', kioskId: null, status: 'ok' },
        ],
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/unique/) },
    });
    expect(await s.emitWithAck('bridge:hello', { bridgeVersion: '1', devices: [{ id: 'p', kind: 'printer', kioskId: 'demo-kiosk', status: 'ok' }] })).toEqual({
      ok: true,
      data: { heartbeatMs: 15_000, devices: 1 },
    });
    expect(await s.emitWithAck('device:status', { deviceId: 'p', status: 'on fire' })).toMatchObject({ ok: false, error: { code: 'request.invalid_payload' } });
    expect(await s.emitWithAck('device:status', { deviceId: 'p', status: 'cover_open' })).toEqual({ ok: true, data: { recorded: true } });
    expect(await s.emitWithAck('bridge:heartbeat', { devices: [{ deviceId: 'p', status: 'ok' }] })).toEqual({ ok: true, data: { recorded: true } });
    const devices = await (await server.api('/centres/demo/devices', { as: 'staff' })).json();
    expect(devices).toEqual([expect.objectContaining({ deviceId: 'p', status: 'ok', connected: true })]);
  });

  it('closes a bridge whose token is revoked, and records its devices offline', async () => {
    const s = bridgeSocket({ token: DEMO_TOKENS.bridge });
    await connected(s);
    await s.emitWithAck('bridge:hello', { bridgeVersion: '1', devices: [{ id: 'p', kind: 'printer', kioskId: 'demo-kiosk', status: 'ok' }] });
    const gone = new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    expect((await server.api('/centres/demo/device-tokens/demo-bridge/revoke', { json: {} })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    await new Promise((r) => setTimeout(r, 100));
    const devices = await (await server.api('/centres/demo/devices', { as: 'staff' })).json();
    expect(devices).toEqual([expect.objectContaining({ deviceId: 'p', status: 'offline', connected: false })]);
  });
});

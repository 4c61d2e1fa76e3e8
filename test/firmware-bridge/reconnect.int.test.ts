import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../firmware-bridge/bridge.ts';
import { RETRY_MAX_MS } from '../../firmware-bridge/server-link.ts';
import { startTestBridge } from '../helpers/bridge.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/**
 * A server restart after a long outage: the bridge's reconnection delay is capped near 5 s
 * (with jitter), so it is back well within the 10 s print deadline — not 20–30 s later.
 */
const dir = tempDir('luot-bridge-reconnect');
const dataDir = join(dir.path, 'server');
let server: TestServer | null = null;
let bridge: RunningBridge | null = null;

afterAll(async () => {
  await bridge?.stop();
  await server?.stop();
  dir.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('bridge reconnection', () => {
  it('comes back within ~6 s of a server restart, even after 12 s away', { timeout: 60_000 }, async () => {
    server = await startTestServer({}, { DATA_DIR: dataDir });
    const port = server.port;
    bridge = await startTestBridge(server.url, join(dir.path, 'bridge'), { interface: 'simulate' });
    const manager = bridge.link.socket.io;
    expect(manager.reconnectionDelayMax()).toBe(RETRY_MAX_MS);
    expect(RETRY_MAX_MS).toBeLessThanOrEqual(5000);

    await server.stop();
    server = null;
    // Long enough for an uncapped backoff (1, 2, 4, 8, 16 s …) to reach delays far above 5 s.
    await sleep(12_000);
    expect(bridge.link.socket.connected).toBe(false);

    server = await startTestServer({}, { DATA_DIR: dataDir, PORT: String(port) });
    const restartedAt = Date.now();
    await bridge.link.welcomed();
    const gap = Date.now() - restartedAt;
    expect(gap).toBeLessThan(6000);
    // And the server knows the bridge's printer again.
    const devices = await (await server.api('/centres/demo/devices', { as: 'staff' })).json();
    expect(devices.find((d: { deviceId: string }) => d.deviceId === 'kiosk-printer')).toMatchObject({ connected: true });
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../../firmware-bridge/bridge.ts';
import type { Ticket } from '../../../protocol/index.ts';
import { startPtyPair, type PtyPair } from '../../helpers/pty.ts';
import { eventually, openTestKeypad, type TestKeypad } from '../../helpers/serial-keypad.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { serveAndFinish, startOfflineBridge } from './ratings.harness.ts';

/**
 * The network goes away: two counters finish a ticket each, the server stops, the citizens press
 * (the bridge ACKs them from its on-disk outbox), the bridge itself is restarted, the server comes
 * back on the same database — and each rating is stored exactly once, in the order pressed.
 */
const dir = tempDir('luot-keypad-outage');
const dataDir = join(dir.path, 'server');
const bridgeDir = join(dir.path, 'bridge');
const ptys: PtyPair[] = [];
const keypads: Record<string, TestKeypad> = {};
let server: TestServer;
let bridge: RunningBridge;
let url: string;
let port: number;
const tickets: Record<string, Ticket> = {};

const KEYPADS = [
  { id: 'kp-quay-1', path: join(dir.path, 'q1-bridge'), counterId: 'quay-1' },
  { id: 'kp-quay-2', path: join(dir.path, 'q2-bridge'), counterId: 'quay-2' },
];

beforeAll(async () => {
  for (const k of KEYPADS) ptys.push(await startPtyPair(k.path, `${k.path}-keypad`));
  server = await startTestServer({}, { DATA_DIR: dataDir });
  url = server.url;
  port = server.port;
  bridge = await startOfflineBridge(url, bridgeDir, KEYPADS);
  await bridge.link.welcomed();
  for (const k of KEYPADS) keypads[k.counterId] = await openTestKeypad(`${k.path}-keypad`, k.id);
});
afterAll(async () => {
  for (const k of Object.values(keypads)) await k.close();
  await bridge?.stop();
  for (const p of ptys) await p.kill();
  await server?.stop();
  dir.remove();
});

describe('keypad presses through a server outage and a bridge restart', () => {
  it('are kept, delivered once each when the server is back, in the order pressed', async () => {
    for (const counterId of ['quay-1', 'quay-2']) {
      tickets[counterId] = await serveAndFinish(server, counterId);
      await eventually(() => keypads[counterId]!.keypad.isLit(), 5000, `${counterId} armed`);
    }

    await server.stop(); // the server is gone (its database stays in dataDir)
    const q1 = keypads['quay-1']!.keypad;
    const q2 = keypads['quay-2']!.keypad;
    // One after the other (presses on two serial lines at the same instant have no order).
    const presses: number[] = [];
    for (const [keypad, level] of [
      [q1, 1],
      [q2, 4],
      [q1, 2],
    ] as const) {
      const seq = keypad.press(level);
      presses.push(seq);
      await eventually(() => !keypad.unacked.has(seq), 5000, 'ACKed by the bridge alone');
    }
    expect(bridge.keypads.outbox.pending().map((p) => [p.counterId, p.level])).toEqual([
      ['quay-1', 1],
      ['quay-2', 4],
      ['quay-1', 2],
    ]);

    // The bridge restarts while the server is still away: the outbox is on disk.
    await bridge.stop();
    bridge = await startOfflineBridge(url, bridgeDir, KEYPADS);
    expect(bridge.keypads.outbox.pending()).toHaveLength(3);
    // A retransmission of an ACKed press reaching the new bridge is ACKed and not added.
    q1.unacked.set(presses[0]!, { level: 1, pressedAt: Date.now() });
    await eventually(() => q1.unacked.size === 0, 5000, 'ACKed again');
    expect(bridge.keypads.outbox.pending()).toHaveLength(3);

    // The server comes back on the same port and database.
    server = await startTestServer({}, { DATA_DIR: dataDir, PORT: String(port) });
    await eventually(() => bridge.keypads.outbox.pending().length === 0, 15_000, 'outbox delivered');

    const r1 = await server.deps.store.getRatingOfTicket(tickets['quay-1']!.id);
    const r2 = await server.deps.store.getRatingOfTicket(tickets['quay-2']!.id);
    expect(r1).toMatchObject({ level: 1, grade: 'very_satisfied', source: 'keypad', staffId: 'lan' });
    expect(r2).toMatchObject({ level: 4, grade: 'dissatisfied', source: 'keypad', staffId: 'hung' });
    const decided = (await server.deps.store.listPresses('demo')).filter((p) => p.outcome !== 'duplicate').reverse();
    expect(decided.map((p) => [p.counterId, p.level, p.outcome])).toEqual([
      ['quay-1', 1, 'accepted'],
      ['quay-2', 4, 'accepted'],
      ['quay-1', 2, 'rejected_already_rated'],
    ]);
    expect(await server.deps.store.listRatings('demo')).toHaveLength(2);
  });

  it('sends nothing again after another bridge restart: each press was counted once', async () => {
    await bridge.stop();
    bridge = await startOfflineBridge(url, bridgeDir, KEYPADS);
    await bridge.link.welcomed();
    await new Promise((r) => setTimeout(r, 300));
    expect(bridge.keypads.outbox.pending()).toEqual([]);
    const all = await server.deps.store.listPresses('demo');
    expect(all.filter((p) => p.outcome !== 'duplicate')).toHaveLength(3);
    expect(await server.deps.store.listRatings('demo')).toHaveLength(2);
  });
});

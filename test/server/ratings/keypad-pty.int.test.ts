import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../../firmware-bridge/bridge.ts';
import type { DeviceView } from '../../../protocol/index.ts';
import { startPtyPair, type PtyPair } from '../../helpers/pty.ts';
import { eventually, openTestKeypad, type TestKeypad } from '../../helpers/serial-keypad.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../../helpers/sockets.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { serveAndFinish, startKeypadBridge } from './ratings.harness.ts';

/**
 * A rating keypad on a real serial line: socat makes two linked ptys, the bridge opens one like
 * a USB-serial port, a test keypad (the keypad emulator) speaks the protocol on the other. The
 * officer finishes a ticket, the keypad is armed with its number, the citizen presses, the bridge
 * ACKs, and the server records the rating against that ticket. Then the cable is pulled (socat
 * killed) and plugged back: the bridge recovers by itself.
 */
const dir = tempDir('luot-keypad-pty');
const A = join(dir.path, 'bridge-end');
const B = join(dir.path, 'keypad-end');
let server: TestServer;
let bridge: RunningBridge;
let pty: PtyPair;
let keypad: TestKeypad;
let consoleSocket: RecordingClient;

beforeAll(async () => {
  pty = await startPtyPair(A, B);
  server = await startTestServer();
  bridge = await startKeypadBridge(server.url, join(dir.path, 'bridge'), [{ id: 'kp-quay-1', path: A, counterId: 'quay-1' }]);
  keypad = await openTestKeypad(B, 'kp-quay-1');
  consoleSocket = centreClient(server.url, { centreId: 'demo' }, { headers: await server.credentials('lan') });
  await connect(consoleSocket.socket);
});
afterAll(async () => {
  consoleSocket?.close();
  await keypad?.close();
  await bridge?.stop();
  await pty?.kill();
  await server?.stop();
  dir.remove();
});

const keypadDevice = async (): Promise<DeviceView | undefined> =>
  ((await (await server.api('/centres/demo/devices', { as: 'staff' })).json()) as DeviceView[]).find((d) => d.deviceId === 'kp-quay-1');

describe('a rating keypad on a serial line', () => {
  it('is announced to the server and reported ok once it says HELLO', async () => {
    const device = await eventually(async () => ((await keypadDevice())?.status === 'ok' ? keypadDevice() : null), 8000, 'keypad ok');
    expect(device).toMatchObject({ bridgeId: 'demo-bridge', kind: 'keypad', status: 'ok', connected: true });
  });

  it('is armed when a ticket is finished at its counter, and its press becomes that ticket’s rating', async () => {
    const from = consoleSocket.received.length;
    const ticket = await serveAndFinish(server, 'quay-1');
    await eventually(() => keypad.keypad.isLit(), 5000, 'keypad armed');
    expect(keypad.keypad.armed).toMatchObject({ type: 'ARM', keypadId: 'kp-quay-1', levels: 4, ticket: ticket.number, counter: 1 });
    expect(keypad.keypad.armed!.seconds).toBeGreaterThanOrEqual(59);
    await consoleSocket.waitFor((r) => r.event === 'rating:armed' && r.payload.ticketId === ticket.id, { from });

    const seq = keypad.keypad.press(2);
    await eventually(() => !keypad.keypad.unacked.has(seq), 5000, 'press ACKed');
    const recorded = await consoleSocket.waitFor((r) => r.event === 'rating:recorded' && r.payload.rating.ticketId === ticket.id, { from });
    expect(recorded.payload.rating).toMatchObject({
      number: ticket.number,
      counterId: 'quay-1',
      staffId: 'lan',
      level: 2,
      grade: 'satisfied',
      source: 'keypad',
    });
    const stored = await server.deps.store.getRatingOfTicket(ticket.id);
    expect(stored).toMatchObject({ level: 2, satisfied: true, idempotencyKey: `keypad:demo-bridge:kp-quay-1:${keypad.keypad.bootId}:${seq}` });
    // The server disarmed it after the rating.
    await eventually(() => keypad.keypad.received.some((m) => m.type === 'DISARM'), 5000, 'DISARM');
    expect(keypad.keypad.isLit()).toBe(false);
  });

  it('records a second press as rejected, and a retransmission once', async () => {
    const ticket = await serveAndFinish(server, 'quay-1');
    await eventually(() => keypad.keypad.isLit(), 5000, 'armed');
    keypad.keypad.press(1);
    const second = keypad.keypad.press(4);
    await eventually(() => !keypad.keypad.unacked.has(second), 5000, 'ACKed');
    // The ACK got lost: the keypad sends the same press again.
    keypad.keypad.unacked.set(second, { level: 4, pressedAt: Date.now() });
    await eventually(() => !keypad.keypad.unacked.has(second), 5000, 'ACKed again');
    await eventually(
      async () => (await server.deps.store.listPresses('demo', { counterId: 'quay-1' })).some((p) => p.outcome === 'rejected_already_rated'),
      5000,
      'second press recorded',
    );
    const presses = (await server.deps.store.listPresses('demo', { counterId: 'quay-1' })).filter((p) => p.ticketId === ticket.id);
    expect(presses.map((p) => p.outcome).sort()).toEqual(['accepted', 'rejected_already_rated']);
    expect((await server.deps.store.getRatingOfTicket(ticket.id))?.level).toBe(1);
  });

  it('recovers by itself when the cable is pulled and plugged back in', async () => {
    await pty.kill(); // pulled: both ptys disappear
    const offline = await eventually(async () => ((await keypadDevice())?.status === 'offline' ? keypadDevice() : null), 8000, 'keypad offline');
    expect(offline?.detail).toMatch(/closed|cannot open/);

    pty = await startPtyPair(A, B); // plugged back in (new ptys behind the same names)
    await keypad.reattach(B);
    await eventually(async () => (await keypadDevice())?.status === 'ok', 8000, 'keypad ok again');

    const ticket = await serveAndFinish(server, 'quay-1');
    await eventually(() => keypad.keypad.isLit(), 5000, 'armed after the replug');
    keypad.keypad.press(3);
    const rating = await eventually(() => server.deps.store.getRatingOfTicket(ticket.id), 5000, 'rating after the replug');
    expect(rating).toMatchObject({ level: 3, grade: 'neutral' });
  });

  it('arms a keypad again after it reboots while its counter is still armed', async () => {
    const ticket = await serveAndFinish(server, 'quay-1');
    await eventually(() => keypad.keypad.isLit(), 5000, 'armed');
    keypad.keypad.reboot(); // power cut: RAM and lights lost, new boot id, sequence from 1
    expect(keypad.keypad.isLit()).toBe(false);
    await eventually(() => keypad.keypad.isLit(), 5000, 'armed again after the reboot');
    expect(keypad.keypad.armed?.ticket).toBe(ticket.number);
    expect(keypad.keypad.press(1)).toBe(1);
    const rating = await eventually(() => server.deps.store.getRatingOfTicket(ticket.id), 5000, 'rating after the reboot');
    expect(rating?.idempotencyKey).toBe(`keypad:demo-bridge:kp-quay-1:${keypad.keypad.bootId}:1`);
  });

  it('puts the lights out with DISARM when the arming window ends without a press', async () => {
    // A 1 s window (the server's is ratingWindowSeconds; the bridge times whatever ARM says).
    bridge.keypads.arm({ counterId: 'quay-1', ticketId: 'window-ends', number: 'A999', counterNumber: 1, seconds: 1, scale: 4 });
    const armedAt = () => keypad.keypad.received.findIndex((m) => m.type === 'ARM' && m.ticket === 'A999');
    await eventually(() => armedAt() >= 0, 3000, 'ARM');
    const after = () => keypad.keypad.received.slice(armedAt() + 1).filter((m) => m.type !== 'ACK');
    await eventually(() => after().some((m) => m.type === 'DISARM'), 3000, 'DISARM when the window ends');
    expect(after().map((m) => m.type)).toEqual(['DISARM']);
  });
});

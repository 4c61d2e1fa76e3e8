import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BRIDGE_NAMESPACE,
  TICKET_NAMESPACE,
  type DeviceView,
  type KeypadArm,
  type PrintJob,
  type PrintJobView,
  type TicketView,
} from '../../../protocol/index.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { findPgBin, startCluster, type PgCluster } from '../../helpers/postgres-cluster.ts';
import { kioskIssues } from '../../helpers/print-stack.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../../helpers/sockets.ts';
import { serveAndFinish } from '../ratings/ratings.harness.ts';
import { issue, startInstances, until } from './instances.helpers.ts';

/**
 * Issue #13: firmware bridges, keypads, ticket followers and revocations through any instance.
 * Three real servers (A, B, C) on one PostgreSQL database, no Redis; the bridge is a socket.io
 * client speaking the `/bridge` protocol (docs/firmware-bridge.md), so that every job it is handed
 * is counted.
 */
const installed = findPgBin() !== null;
if (!installed) {
  const message = 'PostgreSQL is not installed (apt-get install postgresql): instances.bridges.int.test.ts is SKIPPED.';
  if (process.env.CI === 'true') throw new Error(`${message} CI=true requires it.`);
  console.warn(`\n*** ${message} ***\n`);
}

const PRINTER = { id: 'kiosk-printer', kind: 'printer' as const, kioskId: 'demo-kiosk', status: 'ok' as const };
const KEYPAD = { id: 'kp-quay-5', kind: 'keypad' as const, counterId: 'quay-5', status: 'ok' as const };

/** A bridge speaking the protocol: claims each job before "printing" it, and records what it was sent. */
interface FakeBridge {
  socket: Socket;
  /** Every `print:job` received, in order (a job id twice would be a second delivery). */
  jobs: PrintJob[];
  /** Job ids it printed (claimed, then answered printed). */
  printed: string[];
  arms: KeypadArm[];
  disarms: unknown[];
  close(): void;
}

async function connectBridge(server: TestServer, devices: unknown[]): Promise<FakeBridge> {
  const socket = io(`${server.url}${BRIDGE_NAMESPACE}`, {
    auth: { token: DEMO_TOKENS.bridge },
    reconnection: false,
    forceNew: true,
    transports: ['websocket'],
  });
  const bridge: FakeBridge = { socket, jobs: [], printed: [], arms: [], disarms: [], close: () => void socket.disconnect() };
  socket.on('print:job', async (job: PrintJob, ack: (answer: unknown) => void) => {
    bridge.jobs.push(job);
    const claim = (await socket.emitWithAck('print:claim', { jobId: job.jobId })) as { ok: boolean; data?: { print: boolean } };
    if (!claim.ok || !claim.data?.print) return ack({ ok: false, error: { code: 'printer.error', message: 'not claimed' } });
    bridge.printed.push(job.jobId);
    ack({ ok: true, data: { printed: true } });
  });
  socket.on('keypad:arm', (arm: KeypadArm) => void bridge.arms.push(arm));
  socket.on('keypad:disarm', (disarm: unknown) => void bridge.disarms.push(disarm));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const welcome = (await socket.emitWithAck('bridge:hello', { bridgeVersion: 'test', devices })) as { ok: boolean };
  expect(welcome.ok).toBe(true);
  return bridge;
}

async function devicesOn(server: TestServer): Promise<DeviceView[]> {
  const res = await server.api('/centres/demo/devices', { as: 'staff' });
  expect(res.status).toBe(200);
  return res.json();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cluster: PgCluster;
let url: string;
let A: TestServer, B: TestServer, C: TestServer;
const closers: (() => void)[] = [];

beforeAll(async () => {
  if (!installed) return;
  cluster = await startCluster();
  url = await cluster.createDatabase();
  [A, B, C] = (await startInstances(3, { DATABASE_URL: url })) as [TestServer, TestServer, TestServer];
}, 90_000);
afterAll(async () => {
  for (const close of closers.splice(0)) close();
  await Promise.all([A, B, C].filter(Boolean).map((s) => s.stop()));
  await cluster?.stop();
});

describe.skipIf(!installed)('bridges, keypads, followers and revocations through any of three instances', () => {
  it('prints a ticket a kiosk on A issues on the bridge connected to B, exactly once, and the kiosk hears it printed', async () => {
    const bridge = await connectBridge(B, [PRINTER]);
    closers.push(bridge.close);
    const kiosk: RecordingClient = centreClient(A.url, { centreId: 'demo', token: DEMO_TOKENS.kiosk });
    closers.push(() => kiosk.close());
    await connect(kiosk.socket);

    const issued = await kioskIssues(A);
    expect(issued.printJob).toEqual({ id: expect.any(String), status: 'pending' });
    const jobId = issued.printJob!.id;
    const printed = await kiosk.waitFor(
      (r) => r.event === 'print:status' && (r.payload as PrintJobView).id === jobId && (r.payload as PrintJobView).status === 'printed',
    );
    expect(printed.payload).toMatchObject({ id: jobId, status: 'printed', attempts: 1, error: null });
    // Long enough for every instance's sweep (the fast path's safety net) to have looked at it.
    await pause(2_500);
    expect(bridge.jobs.map((j) => j.jobId)).toEqual([jobId]);
    expect(bridge.printed).toEqual([jobId]);
    expect(await C.deps.store.getPrintJob(jobId)).toMatchObject({ status: 'printed', attempts: 1 });
  });

  it('prints a burst of kiosk tickets issued through A and C once each on the bridge connected to B', async () => {
    const bridge = await connectBridge(B, [PRINTER]); // replaces the previous connection (same token)
    closers.push(bridge.close);
    const issued = await Promise.all([A, C, A, C, A, C].map((s) => kioskIssues(s)));
    const ids = issued.map((t) => t.printJob!.id);
    await until(() => ids.every((id) => bridge.printed.includes(id)), 'every job printed', 15_000);
    await pause(2_500);
    expect(bridge.jobs.map((j) => j.jobId).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await A.deps.store.getPrintJob(id)).toMatchObject({ status: 'printed', attempts: 1 });
  });

  it('does not mark B’s bridge disconnected when instance C restarts', async () => {
    expect((await devicesOn(A)).find((d) => d.deviceId === PRINTER.id)).toMatchObject({ connected: true, status: 'ok' });
    await C.stop();
    C = await startTestServer({}, { DATABASE_URL: url });
    for (const server of [A, B, C]) expect((await devicesOn(server)).find((d) => d.deviceId === PRINTER.id)).toMatchObject({ connected: true, status: 'ok' });
    // And C, new, hands its kiosk's job to the bridge on B.
    const issued = await kioskIssues(C);
    const jobId = issued.printJob!.id;
    const deadline = Date.now() + 10_000;
    while ((await A.deps.store.getPrintJob(jobId))?.status !== 'printed' && Date.now() < deadline) await pause(50);
    expect(await A.deps.store.getPrintJob(jobId)).toMatchObject({ status: 'printed', attempts: 1 });
  });

  it('arms the keypad of a bridge on A when a ticket is finished on C, and records the press made through A', async () => {
    for (const close of closers.splice(0)) close();
    const bridge = await connectBridge(A, [PRINTER, KEYPAD]);
    closers.push(bridge.close);
    const ticket = await serveAndFinish(C, 'quay-5');
    await until(() => bridge.arms.some((a) => a.ticketId === ticket.id), 'the keypad armed on A');
    expect(bridge.arms.find((a) => a.ticketId === ticket.id)).toMatchObject({ counterId: 'quay-5', number: ticket.number });

    const answer = (await bridge.socket.emitWithAck('rating:press', {
      keypadId: KEYPAD.id,
      counterId: 'quay-5',
      bootId: 'A13',
      seq: 1,
      level: 4,
      ageMs: 0,
    })) as {
      ok: boolean;
      data?: { outcome: string; rating: { ticketId: string } | null };
    };
    expect(answer).toMatchObject({ ok: true, data: { outcome: 'accepted', rating: { ticketId: ticket.id } } });
    await until(() => bridge.disarms.length > 0, 'the keypad disarmed');
  });

  it('tells a follower on C that its ticket was called on A', async () => {
    const ticket = await issue(A, 'dat-dai', 'admin');
    const follower = io(`${C.url}${TICKET_NAMESPACE}`, { auth: { ticketId: ticket.id }, reconnection: false, forceNew: true, transports: ['websocket'] });
    closers.push(() => void follower.disconnect());
    const views: TicketView[] = [];
    follower.on('ticket:status', (view: TicketView) => void views.push(view));
    await until(() => views.length > 0, 'the first view');
    expect(views[0]!.ticket.state).toBe('waiting');

    await A.openCounter('quay-3');
    const called = await A.api('/centres/demo/counters/quay-3/call-next', { json: {}, as: 'tuan' });
    expect(called.status).toBe(200);
    expect(((await called.json()) as { ticket: { id: string } }).ticket.id).toBe(ticket.id);
    await until(() => views.some((v) => v.ticket.state === 'called'), 'the call on the follower on C', 5_000);
    expect(views.at(-1)).toMatchObject({ ticket: { id: ticket.id, state: 'called', counterId: 'quay-3' } });
  });

  it('disconnects the bridge on B when its token is revoked through A', async () => {
    for (const close of closers.splice(0)) close();
    const bridge = await connectBridge(B, [PRINTER]);
    closers.push(bridge.close);
    const gone = new Promise<string>((resolve) => bridge.socket.once('disconnect', (reason) => resolve(reason)));
    expect((await A.api('/centres/demo/device-tokens/demo-bridge/revoke', { json: {} })).status).toBe(200);
    expect(await Promise.race([gone, pause(5_000).then(() => 'still connected')])).toBe('io server disconnect');
  });
});

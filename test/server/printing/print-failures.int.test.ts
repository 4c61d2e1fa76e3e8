import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../../firmware-bridge/bridge.ts';
import type { DeviceView, IssuedTicket, PrintJobView } from '../../../protocol/index.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { decodeEscPos } from '../../escpos/decoder.ts';
import { startFakePrinter, type FakeEscposPrinter } from '../../fakes/escpos-printer.ts';
import { startTestBridge } from '../../helpers/bridge.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../../helpers/sockets.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/**
 * When the paper does not come out: the printer is out of paper, the bridge is away (and comes
 * back in time, or not). The ticket stays valid in every case; staff see why and reprint.
 */
const TIMEOUT_MS = 4000;
let server: TestServer;
let printer: FakeEscposPrinter;
let bridge: RunningBridge | null = null;
let kiosk: RecordingClient;
const dir = tempDir('luot-bridge');

beforeAll(async () => {
  server = await startTestServer({}, { PRINT_TIMEOUT_MS: String(TIMEOUT_MS) });
  printer = await startFakePrinter();
  kiosk = centreClient(server.url, { centreId: 'demo', token: DEMO_TOKENS.kiosk });
  await connect(kiosk.socket);
});
afterEach(() => {
  printer.setPaper('ok');
});
afterAll(async () => {
  kiosk?.close();
  await bridge?.stop();
  await printer?.close();
  await server?.stop();
  dir.remove();
});

const startBridge = async () => {
  bridge = await startTestBridge(server.url, dir.path, { interface: printer.url });
};
const stopBridge = async () => {
  await bridge?.stop();
  bridge = null;
  // The server has seen it go: its printer reads offline.
  await until(async () => (await devices())[0]?.connected === false);
};
const devices = async (): Promise<DeviceView[]> => (await server.api('/centres/demo/devices', { as: 'staff' })).json();

async function until(check: () => Promise<boolean>, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function kioskIssues(serviceId: string): Promise<IssuedTicket> {
  const res = await server.api('/centres/demo/tickets', { json: { serviceId }, as: 'kiosk' });
  expect(res.status).toBe(200);
  return res.json();
}

const printStatus = (jobId: string, status: string, timeoutMs = 10_000) =>
  kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === jobId && r.payload.status === status, { timeoutMs });

const ticketState = async (ticketId: string) => (await (await server.api(`/tickets/${ticketId}`, { as: 'anonymous' })).json()).ticket.state;

describe('print failures', () => {
  it('paper out: the kiosk is told at once, the ticket stays valid, staff see it and reprint once paper is back', async () => {
    await startBridge();
    printer.setPaper('out');
    const before = printer.jobs.length;
    const issued = await kioskIssues('tu-phap-ho-tich');
    const failed = await printStatus(issued.printJob!.id, 'failed');
    expect(failed.payload.error).toMatchObject({ code: 'printer.paper_out' });
    expect(await ticketState(issued.ticket.id)).toBe('waiting');
    expect(printer.jobs.length).toBe(before);

    // Staff and managers see the failed job and the printer's state.
    const jobs: PrintJobView[] = await (await server.api('/centres/demo/print-jobs?status=failed', { as: 'staff' })).json();
    expect(jobs.map((j) => j.ticketId)).toContain(issued.ticket.id);
    await until(async () => (await devices())[0]?.status === 'paper_out');

    printer.setPaper('ok');
    const res = await server.api(`/centres/demo/tickets/${issued.ticket.id}/reprint`, { json: {}, as: 'staff' });
    expect(res.status).toBe(200);
    const reprint: PrintJobView = await res.json();
    expect(reprint).toMatchObject({ reprint: true, ticketId: issued.ticket.id, kioskId: 'demo-kiosk' });
    await printStatus(reprint.id, 'printed');
    const [paper] = (await printer.waitForJobs(before + 1)).slice(before);
    expect(decodeEscPos(paper!.bytes).cuts).toBe(1);
    await until(async () => (await devices())[0]?.status === 'ok');
  });

  it('bridge down, then up in time: the pending job is printed, exactly once', async () => {
    await stopBridge();
    const before = printer.jobs.length;
    const issued = await kioskIssues('dat-dai');
    const jobId = issued.printJob!.id;
    expect(((await (await server.api(`/print-jobs/${jobId}`, { as: 'kiosk' })).json()) as PrintJobView).status).toBe('pending');
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.jobs.length).toBe(before);

    await startBridge();
    await printStatus(jobId, 'printed');
    await printer.waitForJobs(before + 1);
    // A reconnection does not bring it again.
    bridge!.link.socket.disconnect();
    bridge!.link.socket.connect();
    await bridge!.link.welcomed();
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.jobs.length).toBe(before + 1);
  });

  it('no bridge within the timeout: abandoned, the kiosk shows the number, and it never prints later', async () => {
    await stopBridge();
    const before = printer.jobs.length;
    const issued = await kioskIssues('xay-dung');
    const abandoned = await printStatus(issued.printJob!.id, 'abandoned', TIMEOUT_MS + 5000);
    expect(abandoned.payload.error).toMatchObject({ code: 'print.no_bridge' });
    expect(await ticketState(issued.ticket.id)).toBe('waiting');

    await startBridge();
    await new Promise((r) => setTimeout(r, 800));
    expect(printer.jobs.length).toBe(before);
    expect(((await (await server.api(`/print-jobs/${issued.printJob!.id}`, { as: 'staff' })).json()) as PrintJobView).status).toBe('abandoned');
  });

  it('a kiosk only follows its own jobs; reprint names a kiosk with a printer', async () => {
    const issued = await kioskIssues('tra-ket-qua');
    await printStatus(issued.printJob!.id, 'printed');
    expect((await server.api(`/print-jobs/${issued.printJob!.id}`, { as: 'display' })).status).toBe(403);
    const other = await server.api(`/centres/demo/tickets/${issued.ticket.id}/reprint`, { json: { kioskId: 'no-such-kiosk' }, as: 'staff' });
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('print.no_printer');
  });
});

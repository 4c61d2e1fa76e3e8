import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../firmware-bridge/bridge.ts';
import { parseBridgeConfig } from '../../firmware-bridge/config.ts';
import { emptyBitmap } from '../../firmware-bridge/printer/bitmap.ts';
import { createEscposPrinter } from '../../firmware-bridge/printer/escpos.printer.ts';
import type { IssuedTicket, PrintJobView } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { decodeEscPos } from '../escpos/decoder.ts';
import { startFakePrinter, type FakeEscposPrinter } from '../fakes/escpos-printer.ts';
import { startTestBridge } from '../helpers/bridge.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../helpers/sockets.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/**
 * "Printed" means the printer has every byte: a network printer reading 20 kB/s takes seconds
 * to take a raster ticket, and the kiosk hears "printed" only after it has; a printer that dies
 * in the middle of the ticket leaves the job failed, never printed.
 */
let server: TestServer;
let printer: FakeEscposPrinter;
let bridge: RunningBridge;
let kiosk: RecordingClient;
const dir = tempDir('luot-slow-printer');

beforeAll(async () => {
  server = await startTestServer({}, { PRINT_TIMEOUT_MS: '10000' });
  printer = await startFakePrinter();
  bridge = await startTestBridge(server.url, dir.path, { interface: printer.url, width: 80, mode: 'raster' });
  kiosk = centreClient(server.url, { centreId: 'demo', token: DEMO_TOKENS.kiosk });
  await connect(kiosk.socket);
});
afterEach(() => printer.setReadRate(null));
afterAll(async () => {
  kiosk?.close();
  await bridge?.stop();
  await printer?.close();
  await server?.stop();
  dir.remove();
});

async function kioskIssues(serviceId = 'tu-phap-ho-tich'): Promise<IssuedTicket> {
  const res = await server.api('/centres/demo/tickets', { json: { serviceId }, as: 'kiosk' });
  expect(res.status).toBe(200);
  return res.json();
}
const final = (jobId: string) =>
  kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === jobId && ['printed', 'failed', 'abandoned'].includes(r.payload.status), {
    timeoutMs: 20_000,
  });

describe('a network printer not asked for status (Star Line Mode, statusQuery: false)', () => {
  const port = () => {
    const [config] = parseBridgeConfig({ serverUrl: 'http://s.test', token: 'luot_b.x', printers: [{ id: 'p', kioskId: null, interface: printer.url, statusQuery: false }] }).printers;
    return createEscposPrinter(config!);
  };
  const job = { jobId: 'direct', bytes: new Uint8Array(40_000).fill(0x41), preview: () => emptyBitmap(8, 1) };

  it('is done when the printer has read everything and closed its side', { timeout: 20_000 }, async () => {
    printer.setReadRate(20_000);
    const before = printer.jobs.length;
    await port().print(job);
    const doneAt = performance.now();
    const [paper] = printer.jobs.slice(before);
    expect(paper?.bytes.length).toBe(40_000);
    expect(doneAt).toBeGreaterThanOrEqual(paper!.lastByteAt);
    expect(paper!.lastByteAt - paper!.firstByteAt).toBeGreaterThan(1000);
  });

  it('fails when the printer dies mid-ticket', { timeout: 20_000 }, async () => {
    printer.setReadRate(20_000);
    printer.killNextJobAfterMs(500);
    const cut = printer.cutJobs.length;
    await expect(port().print(job)).rejects.toMatchObject({ code: 'printer.offline' });
    expect(printer.cutJobs.length).toBe(cut + 1);
  });
});

describe('a slow or dying network printer', () => {
  it('is reported printed only after it has read the whole ticket', { timeout: 30_000 }, async () => {
    printer.setReadRate(20_000);
    const before = printer.jobs.length;
    const issued = await kioskIssues();
    const answer = await final(issued.printJob!.id);
    const toldAt = performance.now();
    expect(answer.payload.status).toBe('printed');
    const [job] = printer.jobs.slice(before);
    expect(job, 'the printer has the whole job when the kiosk is told').toBeDefined();
    expect(job!.bytes.length).toBeGreaterThan(40_000);
    // ~2 s or more at 20 kB/s; "printed" came after the last byte was read, not at connection.
    expect(job!.lastByteAt - job!.firstByteAt).toBeGreaterThan(1500);
    expect(toldAt).toBeGreaterThan(job!.lastByteAt);
    expect(decodeEscPos(job!.bytes).cuts).toBe(1);
  });

  it('leaves a job cut mid-ticket failed, not printed', { timeout: 30_000 }, async () => {
    printer.setReadRate(20_000);
    printer.killNextJobAfterMs(1000);
    const before = printer.jobs.length;
    const cut = printer.cutJobs.length;
    const issued = await kioskIssues();
    const answer = await final(issued.printJob!.id);
    expect(answer.payload.status).toBe('failed');
    expect(answer.payload.error).toMatchObject({ code: 'printer.offline' });
    expect(printer.cutJobs.length).toBe(cut + 1);
    expect(printer.jobs.length).toBe(before);
    const job: PrintJobView = await (await server.api(`/print-jobs/${issued.printJob!.id}`, { as: 'staff' })).json();
    expect(job.status).toBe('failed');
  });
});

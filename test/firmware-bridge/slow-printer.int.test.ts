import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseBridgeConfig } from '../../firmware-bridge/config.ts';
import { emptyBitmap } from '../../firmware-bridge/printer/bitmap.ts';
import { createEscposPrinter } from '../../firmware-bridge/printer/escpos.printer.ts';
import type { PrintJobView } from '../../protocol/index.ts';
import { decodeEscPos } from '../escpos/decoder.ts';
import type { FakeEscposPrinter } from '../fakes/escpos-printer.ts';
import { kioskIssues, startPrintStack, type PrintStack } from '../helpers/print-stack.ts';
import type { TestServer } from '../helpers/server.ts';
import type { RecordingClient } from '../helpers/sockets.ts';

/**
 * "Printed" means the printer has every byte: a network printer reading 20 kB/s takes seconds
 * to take a raster ticket, and the kiosk hears "printed" only after it has; a printer that dies
 * in the middle of the ticket leaves the job failed, never printed.
 */
let stack: PrintStack;
let server: TestServer;
let printer: FakeEscposPrinter;
let kiosk: RecordingClient;

beforeAll(async () => {
  stack = await startPrintStack({ dirPrefix: 'luot-slow-printer', serverEnv: { PRINT_TIMEOUT_MS: '10000' }, printer: { width: 80, mode: 'raster' } });
  ({ server, printer, kiosk } = stack);
});
afterEach(() => printer.setReadRate(null));
afterAll(() => stack?.stop());

const final = (jobId: string) =>
  kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === jobId && ['printed', 'failed', 'abandoned'].includes(r.payload.status), {
    timeoutMs: 20_000,
  });

describe('a network printer not asked for status (Star Line Mode, statusQuery: false)', () => {
  const port = () => {
    const [config] = parseBridgeConfig({
      serverUrl: 'http://s.test',
      token: 'luot_b.x',
      printers: [{ id: 'p', kioskId: null, interface: printer.url, statusQuery: false }],
    }).printers;
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
    const issued = await kioskIssues(server);
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
    const issued = await kioskIssues(server);
    const answer = await final(issued.printJob!.id);
    expect(answer.payload.status).toBe('failed');
    expect(answer.payload.error).toMatchObject({ code: 'printer.offline' });
    expect(printer.cutJobs.length).toBe(cut + 1);
    expect(printer.jobs.length).toBe(before);
    const job: PrintJobView = await (await server.api(`/print-jobs/${issued.printJob!.id}`, { as: 'staff' })).json();
    expect(job.status).toBe('failed');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../firmware-bridge/bridge.ts';
import type { PrintJobView } from '../../protocol/index.ts';
import type { FakeEscposPrinter } from '../fakes/escpos-printer.ts';
import { kioskIssues, startPrintStack, type PrintStack } from '../helpers/print-stack.ts';
import type { TestServer } from '../helpers/server.ts';
import type { RecordingClient } from '../helpers/sockets.ts';

/**
 * "Abandoned" is final: a printer that answers its status late must not print a ticket the
 * kiosk was already told about; a ticket that started in time and takes long to go out is
 * printed, and never shown as abandoned first.
 */
const TIMEOUT_MS = 3000;
let stack: PrintStack;
let server: TestServer;
let printer: FakeEscposPrinter;
let bridge: RunningBridge;
let kiosk: RecordingClient;

beforeAll(async () => {
  stack = await startPrintStack({ dirPrefix: 'luot-abandon', serverEnv: { PRINT_TIMEOUT_MS: String(TIMEOUT_MS) }, printer: { mode: 'raster' } });
  ({ server, printer, bridge, kiosk } = stack);
});
afterEach(() => {
  printer.setStatusDelay(0);
  printer.setReadRate(null);
});
afterAll(() => stack?.stop());

const statusesOf = (jobId: string) => kiosk.received.filter((r) => r.event === 'print:status' && r.payload.id === jobId).map((r) => r.payload.status as string);
const jobView = async (jobId: string): Promise<PrintJobView> => (await server.api(`/print-jobs/${jobId}`, { as: 'staff' })).json();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the print deadline against a slow printer', () => {
  it('prints nothing once the deadline passed while the printer answered its status late', { timeout: 20_000 }, async () => {
    printer.setStatusDelay(1600); // two questions before a ticket: 3.2 s, past the 3 s deadline
    const before = printer.jobsStarted;
    const issued = await kioskIssues(server);
    const jobId = issued.printJob!.id;
    await kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === jobId && ['abandoned', 'failed'].includes(r.payload.status), {
      timeoutMs: 8000,
    });
    await sleep(3000); // well after the status answers came in
    expect(printer.jobsStarted, 'no byte of the ticket reached the printer').toBe(before);
    expect(statusesOf(jobId)).not.toContain('printed');
    expect(['abandoned', 'failed']).toContain((await jobView(jobId)).status);
  });

  it('tells the bridge when it abandons a job waiting behind a slow one, and that job never prints', { timeout: 30_000 }, async () => {
    printer.setReadRate(20_000); // the first ticket holds the printer ~4 s
    const cancels: string[] = [];
    bridge.link.socket.on('print:cancel', (c: { jobId: string }) => cancels.push(c.jobId));
    const started = printer.jobsStarted;
    const first = await kioskIssues(server);
    const second = await kioskIssues(server);
    const secondId = second.printJob!.id;
    await kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === secondId && r.payload.status === 'abandoned', { timeoutMs: 10_000 });
    await kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === first.printJob!.id && r.payload.status === 'printed', { timeoutMs: 15_000 });
    await sleep(500);
    expect(cancels).toContain(secondId);
    expect(printer.jobsStarted - started).toBe(1);
    expect(statusesOf(secondId)).toEqual(['pending', 'sent', 'abandoned']);
  });

  it('lets a ticket that started in time finish after the deadline: printed, never abandoned first', { timeout: 30_000 }, async () => {
    printer.setStatusDelay(500);
    printer.setReadRate(20_000); // ~75 kB: the bytes go out until well after the 3 s deadline
    const issued = await kioskIssues(server);
    const jobId = issued.printJob!.id;
    await kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === jobId && ['printed', 'failed', 'abandoned'].includes(r.payload.status), {
      timeoutMs: 20_000,
    });
    const job = printer.jobs.at(-1)!;
    expect(job.lastByteAt - job.firstByteAt).toBeGreaterThan(TIMEOUT_MS / 2);
    expect(statusesOf(jobId)).toEqual(['pending', 'sent', 'printed']);
    await sleep(1500); // the sweep runs every second: it leaves the printed job alone
    expect((await jobView(jobId)).status).toBe('printed');
  });
});

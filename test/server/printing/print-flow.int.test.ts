import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView, IssuedTicket, PrintJobView } from '../../../protocol/index.ts';
import { readQr } from '../../escpos/bitmap-compare.ts';
import { decodeEscPos } from '../../escpos/decoder.ts';
import type { FakeEscposPrinter } from '../../fakes/escpos-printer.ts';
import { kioskIssues, startPrintStack, type PrintStack } from '../../helpers/print-stack.ts';
import type { TestServer } from '../../helpers/server.ts';
import type { RecordingClient } from '../../helpers/sockets.ts';

/**
 * Print-confirmed issuance end to end: the kiosk issues over HTTP with its token → the server
 * stores the job with the ticket → the real bridge (through socket.io) prints on a fake network
 * printer → the kiosk is told "printed".
 */
const PUBLIC_URL = 'http://192.168.1.10:3000';
let stack: PrintStack;
let server: TestServer;
let printer: FakeEscposPrinter;
let kiosk: RecordingClient;

beforeAll(async () => {
  stack = await startPrintStack({ dirPrefix: 'luot-bridge', serverEnv: { PUBLIC_URL, PRINT_TIMEOUT_MS: '8000' } });
  ({ server, printer, kiosk } = stack);
});
afterAll(() => stack?.stop());

const printStatus = (jobId: string, status: string) =>
  kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === jobId && r.payload.status === status, { timeoutMs: 10_000 });

describe('a kiosk ticket through the bridge', () => {
  it('prints on the kiosk’s printer and tells the kiosk', async () => {
    const before = printer.jobs.length;
    const issued = await kioskIssues(server);
    expect(issued.printJob).toMatchObject({ id: expect.any(String), status: 'pending' });
    const jobId = issued.printJob!.id;

    const fact = await printStatus(jobId, 'printed');
    expect(fact.payload).toMatchObject({
      ticketId: issued.ticket.id,
      number: issued.ticket.number,
      kioskId: 'demo-kiosk',
      printerId: 'kiosk-printer',
      error: null,
    });
    const polled: PrintJobView = await (await server.api(`/print-jobs/${jobId}`, { as: 'kiosk' })).json();
    expect(polled).toMatchObject({ status: 'printed', attempts: 1 });

    const [job] = (await printer.waitForJobs(before + 1)).slice(before);
    const decoded = decodeEscPos(job!.bytes);
    expect(decoded.cuts).toBe(1);
    expect(decoded.raster!.width).toBe(576);
    // The QR code leads to the status page at the address phones reach (PUBLIC_URL).
    expect(readQr(decoded.raster!)).toBe(`${PUBLIC_URL}/t/${issued.ticket.id}`);
  });

  it('prints nothing for a ticket staff issue at a counter', async () => {
    const res = await server.api('/centres/demo/tickets', { json: { serviceId: 'dat-dai' }, as: 'staff' });
    expect((await res.json()).printJob).toBeNull();
  });

  it('never prints a redelivered job twice, even after the bridge restarts', async () => {
    const before = printer.jobs.length;
    const issued = await kioskIssues(server, 'dat-dai');
    await printStatus(issued.printJob!.id, 'printed');
    const count = (await printer.waitForJobs(before + 1)).length;
    const record = (await server.deps.store.getPrintJob(issued.printJob!.id))!;
    const again = {
      jobId: record.id,
      ticketId: record.ticketId,
      printerId: record.printerId,
      reprint: false,
      deadlineMs: 5000,
      ticket: { ...(await bridgeTicket(issued)) },
    };
    const ref = { centreId: 'demo', bridgeId: 'demo-bridge' };
    expect(await server.printing.transport.send(ref, again, 5000)).toEqual({ ok: true, data: { printed: true } });

    await stack.restartBridge();
    expect(await server.printing.transport.send(ref, again, 5000)).toEqual({ ok: true, data: { printed: true } });
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.jobs.length).toBe(count);
  });

  it('lets staff and managers see the printer, its kiosk and the jobs; not displays', async () => {
    const devices: DeviceView[] = await (await server.api('/centres/demo/devices', { as: 'staff' })).json();
    expect(devices).toEqual([
      expect.objectContaining({ bridgeId: 'demo-bridge', deviceId: 'kiosk-printer', kind: 'printer', kioskId: 'demo-kiosk', status: 'ok', connected: true }),
    ]);
    const jobs: PrintJobView[] = await (await server.api('/centres/demo/print-jobs?status=printed', { as: 'manager' })).json();
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    expect(jobs.every((j) => j.status === 'printed')).toBe(true);
    expect((await server.api('/centres/demo/devices', { as: 'display' })).status).toBe(403);
  });
});

/** The ticket part of a job, as the server would lay it (read back through the public view). */
async function bridgeTicket(issued: IssuedTicket) {
  const view = await (await server.api(`/tickets/${issued.ticket.id}`, { as: 'anonymous' })).json();
  return {
    centreName: { vi: 'Trung tâm', en: 'Centre' },
    serviceName: { vi: 'Đất đai', en: 'Land' },
    number: view.ticket.number,
    issuedAt: view.ticket.issuedAt,
    timeZone: 'Asia/Ho_Chi_Minh',
    peopleAhead: 0,
    estimatedWaitMinutes: null,
    statusUrl: `${PUBLIC_URL}/t/${issued.ticket.id}`,
    priorityGroupName: null,
    footer: null,
  };
}

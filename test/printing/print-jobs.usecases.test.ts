import { beforeEach, describe, expect, it } from 'vitest';
import type { PrintAck, PrintJob, PrintJobView } from '../../protocol/index.ts';
import { bridgeHello, heartbeat } from '../../server/bridge-devices.usecases.ts';
import { abandonOverdue, printOnIssue, reprintTicket } from '../../server/print-jobs.usecases.ts';
import type { PrintDeps, Undelivered } from '../../server/printing.ports.ts';
import { issueTicket } from '../../server/tickets.usecases.ts';
import { makeDeps } from '../helpers/deps.ts';

/**
 * The print use cases over a real (in-memory SQLite) store, a fixed clock and a fake bridge
 * transport: what is stored with a ticket, when a job is abandoned, who may reprint what.
 */
const HCM = 'hcm';
const BRIDGE = { centreId: HCM, bridgeId: 'bridge-1' };
const TIMEOUT = 10_000;

interface FakeTransport {
  connected: boolean;
  sent: PrintJob[];
  answer: PrintAck | Undelivered;
}

let pd: PrintDeps;
let transport: FakeTransport;
let statuses: PrintJobView[];

beforeEach(async () => {
  const deps = await makeDeps();
  transport = { connected: true, sent: [], answer: { ok: true, data: { printed: true } } };
  statuses = [];
  pd = {
    ...deps,
    transport: {
      isConnected: () => transport.connected,
      send: async (_b, job) => {
        transport.sent.push(job);
        return transport.answer;
      },
    },
    printNotifier: { printStatus: (j) => statuses.push(j), deviceUpdated: () => {} },
    printTimeoutMs: TIMEOUT,
    heartbeatMs: 15_000,
    publicUrl: () => 'http://192.168.1.10:3000/',
    log: { info: () => {}, warn: () => {}, error: () => {} },
  };
  deps.ticketIssued = printOnIssue(pd);
  pd.ticketIssued = deps.ticketIssued;
  await bridgeHello(pd, BRIDGE, { bridgeVersion: 't', devices: [{ id: 'p1', kind: 'printer', kioskId: 'kiosk-1', status: 'ok' }] });
});

/** Resolves once the job has a final status (delivery runs after commit, in the background). */
async function settled(jobId: string) {
  for (let i = 0; i < 100; i++) {
    const job = await pd.store.getPrintJob(jobId);
    if (job && ['printed', 'failed', 'abandoned'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 5));
  }
  return pd.store.getPrintJob(jobId);
}

describe('print jobs with the ticket', () => {
  it('stores a job with a kiosk’s ticket, sends the bridge what the ticket shows, and records "printed"', async () => {
    const issued = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    expect(issued.printJob).toEqual({ id: expect.any(String), status: 'pending' });
    const job = await settled(issued.printJob!.id);
    expect(job).toMatchObject({ status: 'printed', attempts: 1, kioskId: 'kiosk-1', printerId: 'p1', bridgeId: 'bridge-1', number: issued.ticket.number });
    expect(transport.sent[0]).toMatchObject({
      jobId: issued.printJob!.id,
      printerId: 'p1',
      reprint: false,
      deadlineMs: TIMEOUT,
      ticket: { number: issued.ticket.number, statusUrl: `http://192.168.1.10:3000/t/${issued.ticket.id}`, peopleAhead: 0, priorityGroupName: null, footer: null },
    });
    expect(statuses.map((s) => s.status)).toEqual(['pending', 'sent', 'printed']);
  });

  it('stores no job for staff-issued tickets or kiosks without a printer', async () => {
    expect((await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich' })).printJob).toBeNull();
    expect((await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-2' })).printJob).toBeNull();
  });

  it('writes nothing when the ticket is refused (same transaction)', async () => {
    await issueTicket(pd, { centreId: HCM, serviceId: 'tiny', kioskId: 'kiosk-1' });
    await issueTicket(pd, { centreId: HCM, serviceId: 'tiny', kioskId: 'kiosk-1' });
    await expect(issueTicket(pd, { centreId: HCM, serviceId: 'tiny', kioskId: 'kiosk-1' })).rejects.toMatchObject({ code: 'service.numbers_exhausted' });
    expect(await pd.store.listPrintJobs(HCM, { limit: 10 })).toHaveLength(2);
  });

  it('records the printer’s refusal as failed, with its code', async () => {
    transport.answer = { ok: false, error: { code: 'printer.paper_out', message: 'Out of paper' } };
    const issued = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    expect(await settled(issued.printJob!.id)).toMatchObject({ status: 'failed', error: 'printer.paper_out', errorMessage: 'Out of paper' });
  });

  it('keeps a job pending without a bridge, abandons it at the deadline, and records a late "printed" as the truth', async () => {
    transport.connected = false;
    const issued = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    await new Promise((r) => setTimeout(r, 20));
    expect((await pd.store.getPrintJob(issued.printJob!.id))!.status).toBe('pending');
    expect(transport.sent).toEqual([]);
    (pd.clock as unknown as { advance(ms: number): void }).advance(TIMEOUT - 1);
    expect(await abandonOverdue(pd)).toBe(0);
    (pd.clock as unknown as { advance(ms: number): void }).advance(1);
    expect(await abandonOverdue(pd)).toBe(1);
    expect(await pd.store.getPrintJob(issued.printJob!.id)).toMatchObject({ status: 'abandoned', error: 'print.no_bridge' });
    // Never delivered again:
    transport.connected = true;
    expect(await pd.store.listDeliverableJobs(HCM, 'bridge-1', pd.clock.now().getTime())).toEqual([]);
    // A ticket that was in flight and came out just after: printed wins over abandoned.
    expect(await pd.store.updatePrintJob(issued.printJob!.id, { status: 'printed', atMs: 0 }, ['pending', 'sent', 'abandoned'])).toBe(true);
  });

  it('reprints on the issuing kiosk’s printer, or another’s; refuses finished tickets and kiosks without printers', async () => {
    const actor = { staffId: 'lan', role: 'staff' as const };
    const issued = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    await settled(issued.printJob!.id);
    const again = await reprintTicket(pd, { centreId: HCM, ticketId: issued.ticket.id, actor });
    expect(again).toMatchObject({ reprint: true, kioskId: 'kiosk-1', printerId: 'p1' });
    await settled(again.id);
    expect(transport.sent.at(-1)).toMatchObject({ jobId: again.id, reprint: true });

    await expect(reprintTicket(pd, { centreId: HCM, ticketId: issued.ticket.id, actor, kioskId: 'kiosk-9' })).rejects.toMatchObject({ code: 'print.no_printer' });
    const staffIssued = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich' });
    await expect(reprintTicket(pd, { centreId: HCM, ticketId: staffIssued.ticket.id, actor })).rejects.toMatchObject({ code: 'print.no_printer' });
    await expect(reprintTicket(pd, { centreId: 'hn', ticketId: issued.ticket.id, actor })).rejects.toMatchObject({ code: 'ticket.not_found' });
    await pd.store.immediate(async (tx) => {
      const t = (await tx.getTicket(issued.ticket.id))!;
      await tx.updateTicket({ ...t, state: 'expired' }, 'waiting');
    });
    await expect(reprintTicket(pd, { centreId: HCM, ticketId: issued.ticket.id, actor })).rejects.toMatchObject({ code: 'ticket.invalid_transition' });
  });

  it('keeps device status from hello and heartbeats', async () => {
    await heartbeat(pd, BRIDGE, { devices: [{ deviceId: 'p1', status: 'paper_low', detail: 'roll near end' }, { deviceId: 'ghost', status: 'ok' }] });
    const devices = await pd.store.listDevices(HCM);
    expect(devices).toEqual([expect.objectContaining({ deviceId: 'p1', kioskId: 'kiosk-1', status: 'paper_low', detail: 'roll near end', connected: true })]);
  });
});

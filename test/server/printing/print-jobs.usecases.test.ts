import { beforeEach, describe, expect, it } from 'vitest';
import type { PrintAck, PrintJob, PrintJobView } from '../../../protocol/index.ts';
import { bridgeHello, heartbeat } from '../../../server/printing/bridge-devices.usecases.ts';
import { claimPrintJob, PRINT_TRANSFER_GRACE_MS } from '../../../server/printing/print-claims.ts';
import { abandonOverdue, printOnIssue, reprintTicket } from '../../../server/printing/print-jobs.usecases.ts';
import type { PrintDeps, Undelivered } from '../../../server/printing/printing.deps.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { makeDeps } from '../../helpers/deps.ts';

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
  /** While set, answers wait for it (a job whose bytes are still going out). */
  gate: Promise<void> | null;
  cancelled: string[];
}

let pd: PrintDeps;
let transport: FakeTransport;
let statuses: PrintJobView[];

beforeEach(async () => {
  const deps = await makeDeps();
  transport = { connected: true, sent: [], answer: { ok: true, data: { printed: true } }, gate: null, cancelled: [] };
  statuses = [];
  pd = {
    ...deps,
    transport: {
      isConnected: () => transport.connected,
      send: async (_b, job) => {
        transport.sent.push(job);
        if (transport.gate) await transport.gate;
        return transport.answer;
      },
      cancel: (_b, jobId) => transport.cancelled.push(jobId),
    },
    printNotifier: { printStatus: (j) => statuses.push(j), deviceUpdated: () => {} },
    printTimeoutMs: TIMEOUT,
    heartbeatMs: 15_000,
    publicUrl: () => 'http://192.168.1.10:3000/',
    log: { info: () => {}, warn: () => {}, error: () => {} },
  };
  deps.subscribers = [printOnIssue(pd)];
  pd.subscribers = deps.subscribers;
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
      ticket: {
        number: issued.ticket.number,
        statusUrl: `http://192.168.1.10:3000/t/${issued.ticket.id}`,
        peopleAhead: 0,
        priorityGroupName: null,
        footer: null,
      },
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

  it('keeps "abandoned" final: a late "printed" does not change it, and the bridge is told to cancel', async () => {
    let open!: () => void;
    transport.gate = new Promise((r) => (open = r));
    const issued = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    const jobId = issued.printJob!.id;
    while (transport.sent.length === 0) await new Promise((r) => setTimeout(r, 5));
    (pd.clock as unknown as { advance(ms: number): void }).advance(TIMEOUT);
    expect(await abandonOverdue(pd)).toBe(1);
    expect(transport.cancelled).toEqual([jobId]);
    // The bridge may not start it any more …
    expect(await claimPrintJob(pd, BRIDGE, jobId)).toMatchObject({ print: false });
    // … and an answer "printed" arriving now leaves it abandoned.
    open();
    await new Promise((r) => setTimeout(r, 30));
    expect(await pd.store.getPrintJob(jobId)).toMatchObject({ status: 'abandoned', error: 'print.timeout' });
    expect(statuses.map((s) => s.status)).toEqual(['pending', 'sent', 'abandoned']);
  });

  it('does not abandon a job its bridge claimed in time while its bytes go out; the claim runs out after the grace', async () => {
    let open!: () => void;
    transport.gate = new Promise((r) => (open = r));
    const clock = pd.clock as unknown as { advance(ms: number): void };
    const first = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    const second = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    while (transport.sent.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(await claimPrintJob(pd, BRIDGE, first.printJob!.id)).toEqual({ print: true });
    expect(await claimPrintJob(pd, { centreId: HCM, bridgeId: 'other' }, second.printJob!.id)).toMatchObject({ print: false });
    clock.advance(TIMEOUT);
    // The claimed job waits for its answer; the other one is abandoned, and cannot be claimed late.
    expect(await abandonOverdue(pd)).toBe(1);
    expect(await claimPrintJob(pd, BRIDGE, second.printJob!.id)).toMatchObject({ print: false });
    expect((await pd.store.getPrintJob(first.printJob!.id))!.status).toBe('sent');
    open();
    expect(await settled(first.printJob!.id)).toMatchObject({ status: 'printed' });

    // A claim whose answer never comes runs out: then the job is abandoned like any other.
    transport.gate = new Promise(() => {});
    const third = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    while (transport.sent.length < 3) await new Promise((r) => setTimeout(r, 5));
    expect(await claimPrintJob(pd, BRIDGE, third.printJob!.id)).toEqual({ print: true });
    clock.advance(TIMEOUT + 1);
    expect(await abandonOverdue(pd)).toBe(0);
    clock.advance(PRINT_TRANSFER_GRACE_MS);
    expect(await abandonOverdue(pd)).toBe(1);
    expect((await pd.store.getPrintJob(third.printJob!.id))!.status).toBe('abandoned');
  });

  it('keeps a job pending without a bridge, abandons it at the deadline, and never delivers it again', async () => {
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
  });

  it('reprints on the issuing kiosk’s printer, or another’s; refuses finished tickets and kiosks without printers', async () => {
    const actor = { staffId: 'lan', role: 'staff' as const };
    const issued = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    await settled(issued.printJob!.id);
    const again = await reprintTicket(pd, { centreId: HCM, ticketId: issued.ticket.id, actor });
    expect(again).toMatchObject({ reprint: true, kioskId: 'kiosk-1', printerId: 'p1' });
    await settled(again.id);
    expect(transport.sent.at(-1)).toMatchObject({ jobId: again.id, reprint: true });

    await expect(reprintTicket(pd, { centreId: HCM, ticketId: issued.ticket.id, actor, kioskId: 'kiosk-9' })).rejects.toMatchObject({
      code: 'print.no_printer',
    });
    const staffIssued = await issueTicket(pd, { centreId: HCM, serviceId: 'ho-tich' });
    await expect(reprintTicket(pd, { centreId: HCM, ticketId: staffIssued.ticket.id, actor })).rejects.toMatchObject({ code: 'print.no_printer' });
    await expect(reprintTicket(pd, { centreId: 'hn', ticketId: issued.ticket.id, actor })).rejects.toMatchObject({ code: 'ticket.not_found' });
    await pd.store.runInTx({ centreId: HCM }, async (tx) => {
      const t = (await tx.getTicket(issued.ticket.id))!;
      await tx.updateTicket({ ...t, state: 'expired' }, 'waiting');
    });
    await expect(reprintTicket(pd, { centreId: HCM, ticketId: issued.ticket.id, actor })).rejects.toMatchObject({ code: 'ticket.invalid_transition' });
  });

  it('keeps device status from hello and heartbeats', async () => {
    await heartbeat(pd, BRIDGE, {
      devices: [
        { deviceId: 'p1', status: 'paper_low', detail: 'roll near end' },
        { deviceId: 'ghost', status: 'ok' },
      ],
    });
    const devices = await pd.store.listDevices(HCM);
    expect(devices).toEqual([expect.objectContaining({ deviceId: 'p1', kioskId: 'kiosk-1', status: 'paper_low', detail: 'roll near end', connected: true })]);
  });
});

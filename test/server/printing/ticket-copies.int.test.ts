import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreSettings, IssuedTicket } from '../../../protocol/index.ts';
import { decodeCp1258 } from '../../../firmware-bridge/printer/cp1258.ts';
import { decodeEscPos, type DecodedJob } from '../../escpos/decoder.ts';
import type { FakeEscposPrinter } from '../../fakes/escpos-printer.ts';
import { kioskIssues, startPrintStack, type PrintStack } from '../../helpers/print-stack.ts';
import type { TestServer } from '../../helpers/server.ts';

/**
 * Issue #15 end to end: the centre's `ticketCopies` and `largePrint` settings → the server's print
 * job → the real bridge → the bytes a network printer (a fake one on TCP) receives, decoded.
 * The printer prints in cp1258 text mode on 58 mm, so the decoded lines are readable text.
 */
const PUBLIC_URL = 'http://192.168.1.10:3000';
let stack: PrintStack;
let server: TestServer;
let printer: FakeEscposPrinter;

beforeAll(async () => {
  stack = await startPrintStack({
    dirPrefix: 'luot-bridge-copies',
    serverEnv: { PUBLIC_URL, PRINT_TIMEOUT_MS: '8000' },
    printer: { width: 58, mode: 'cp1258' },
  });
  ({ server, printer } = stack);
});
afterAll(() => stack?.stop());

async function settings(change: Partial<CentreSettings>): Promise<void> {
  const current: CentreSettings = await (await server.api('/centres/demo/settings')).json();
  const res = await server.api('/centres/demo/settings', { method: 'PUT', json: { ...current, ...change } });
  expect(res.status).toBe(200);
}

const printStatus = (jobId: string, status: string) =>
  stack.kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === jobId && r.payload.status === status, { timeoutMs: 10_000 });

/** Issues at the kiosk, waits for "printed", and returns what the printer received for it. */
async function printOne(serviceId?: string): Promise<{ issued: IssuedTicket; job: DecodedJob }> {
  const before = printer.jobs.length;
  const issued = await kioskIssues(server, serviceId);
  await printStatus(issued.printJob!.id, 'printed');
  const jobs = (await printer.waitForJobs(before + 1)).slice(before);
  expect(jobs).toHaveLength(1);
  return { issued, job: decodeEscPos(jobs[0]!.bytes) };
}

/** Decoded lines split at the cuts: one list per paper. */
function papers(job: DecodedJob): { text: string; size: [number, number] }[][] {
  const cuts = job.commands.flatMap((c, i) => (c.name === 'GS V' ? [i] : []));
  return cuts.map((cut, k) =>
    job.lines.filter((l) => l.at < cut && (k === 0 || l.at > cuts[k - 1]!) && l.bytes.length > 0).map((l) => ({ text: decodeCp1258(l.bytes), size: l.size })),
  );
}

describe('two copies and large print through the bridge (issue #15)', () => {
  it('by default: one paper, one cut, normal size', async () => {
    const { job } = await printOne();
    expect(job.cuts).toBe(1);
    const ahead = papers(job)[0]!.find((l) => l.text.startsWith('Số người chờ'))!;
    expect(ahead.size).toEqual([1, 1]);
  });

  it('ticketCopies 2: one job, the citizen ticket, a cut, the desk copy marked "Liên lưu tại quầy", a cut', async () => {
    await settings({ ticketCopies: 2 });
    const { issued, job } = await printOne('dat-dai');
    expect(job.cuts).toBe(2);
    expect(job.commands.at(-1)!.name).toBe('GS V');
    const [citizen, desk] = papers(job);
    expect(citizen!.map((l) => l.text)).toContain(issued.ticket.number);
    expect(citizen!.map((l) => l.text).join(' ')).toContain('Liên giao công dân');
    expect(desk!.map((l) => l.text)).toEqual(expect.arrayContaining(['LIÊN LƯU TẠI QUẦY', 'Desk copy', issued.ticket.number]));
    expect(desk!.map((l) => l.text).join('')).toContain(issued.ticket.id);
    // The QR code once, on the citizen's paper.
    expect(job.qr).toEqual([`${PUBLIC_URL}/t/${issued.ticket.id}`]);

    // Redelivered (its answer lost), then again after the bridge restarts: answered from the
    // journal, nothing printed — no third copy.
    const record = (await server.deps.store.getPrintJob(issued.printJob!.id))!;
    const again = {
      jobId: record.id,
      ticketId: record.ticketId,
      printerId: record.printerId,
      reprint: false,
      deadlineMs: 5000,
      ticket: {
        centreName: { vi: 'Trung tâm', en: 'Centre' },
        serviceName: { vi: 'Đất đai', en: 'Land' },
        number: issued.ticket.number,
        issuedAt: issued.ticket.issuedAt,
        timeZone: 'Asia/Ho_Chi_Minh',
        peopleAhead: 0,
        estimatedWaitMinutes: null,
        statusUrl: `${PUBLIC_URL}/t/${issued.ticket.id}`,
        priorityGroupName: null,
        footer: null,
        copies: 2 as const,
      },
    };
    const count = printer.jobs.length;
    const ref = { centreId: 'demo', bridgeId: 'demo-bridge' };
    expect(await server.printing.transport.send(ref, again, 5000)).toEqual({ ok: true, data: { printed: true } });
    await stack.restartBridge();
    expect(await server.printing.transport.send(ref, again, 5000)).toEqual({ ok: true, data: { printed: true } });
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.jobs.length).toBe(count);
    expect(printer.jobsStarted).toBe(count);
    expect(await (await server.api(`/print-jobs/${record.id}`, { as: 'kiosk' })).json()).toMatchObject({ status: 'printed', attempts: 1 });
  });

  it('largePrint: the lines but the number in double width and height, still one cut per copy', async () => {
    await settings({ ticketCopies: 1, largePrint: true });
    const { issued, job } = await printOne();
    expect(job.cuts).toBe(1);
    const [paper] = papers(job);
    expect(paper!.find((l) => l.text.startsWith('Số người chờ'))!.size).toEqual([2, 2]);
    expect(paper!.find((l) => l.text.startsWith('Giờ lấy số'))!.size).toEqual([2, 2]);
    // GS ! 0x11 on the wire; every line within the 32 columns of 58 mm at its width.
    expect(job.commands.some((c) => c.name === 'GS !' && c.args[0] === 0x11)).toBe(true);
    for (const l of paper!) expect([...l.text].length * l.size[0], l.text).toBeLessThanOrEqual(32);
    expect(paper!.find((l) => l.text === issued.ticket.number)!.size[0]).toBeGreaterThanOrEqual(2);
  });
});

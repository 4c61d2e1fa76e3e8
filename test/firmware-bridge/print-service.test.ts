import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBridgeConfig } from '../../firmware-bridge/config.ts';
import { JobJournal } from '../../firmware-bridge/job-journal.ts';
import { createBridgeLogger } from '../../firmware-bridge/log.ts';
import { PrintService } from '../../firmware-bridge/print-service.ts';
import { PrinterError, type PrinterJob, type PrinterPort, type PrinterReading } from '../../firmware-bridge/printer/printer.port.ts';
import { DEFAULT_TEMPLATE } from '../../firmware-bridge/printer/ticket-layout.ts';
import type { DeviceStatusReport } from '../../protocol/index.ts';
import { sampleJob } from '../fixtures/print-job.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** A printer in memory: a status to report, an optional failure, a gate to hold a job mid-print. */
function memoryPrinter() {
  const printed: PrinterJob[] = [];
  const state: { reading: PrinterReading; fail: PrinterError | null; gate: Promise<void> | null } = { reading: { status: 'ok' }, fail: null, gate: null };
  const port: PrinterPort = {
    description: 'memory',
    status: async () => state.reading,
    async print(job) {
      if (state.gate) await state.gate;
      if (state.fail) throw state.fail;
      printed.push(job);
    },
    close: async () => {},
  };
  return { port, printed, state };
}

let dir: ReturnType<typeof tempDir>;
let printer: ReturnType<typeof memoryPrinter>;
let service: PrintService;
let reports: DeviceStatusReport[];
let now: number;

const config = parseBridgeConfig({ serverUrl: 'http://s.test', token: 'luot_b.x', printers: [{ id: 'printer-1', kioskId: 'kiosk-1', interface: 'simulate' }] });

function makeService(claim?: (jobId: string) => Promise<boolean>) {
  return new PrintService(
    [
      {
        config: config.printers[0]!,
        port: printer.port,
        profile: { commandSet: 'epson', paperMm: 80, mode: 'cp1258', codePage: 52, template: DEFAULT_TEMPLATE, images: {} },
      },
    ],
    new JobJournal(dir.path),
    createBridgeLogger('silent'),
    (r) => reports.push(r),
    () => now,
    claim,
  );
}

beforeEach(() => {
  dir = tempDir('luot-print-service');
  printer = memoryPrinter();
  reports = [];
  now = 1_000_000;
  service = makeService();
});
afterEach(async () => {
  await service.close().catch(() => {});
  dir.remove();
});

describe('the bridge print service', () => {
  it('prints a job once and says so', async () => {
    expect(await service.handle(sampleJob())).toEqual({ ok: true, data: { printed: true } });
    expect(printer.printed).toHaveLength(1);
    expect(printer.printed[0]!.jobId).toBe('job-1');
    expect(printer.printed[0]!.bytes[0]).toBe(0x1b);
  });

  it('never prints a job id twice: concurrent deliveries share one print, later ones are answered from the journal', async () => {
    let open!: () => void;
    printer.state.gate = new Promise((r) => (open = r));
    const a = service.handle(sampleJob());
    const b = service.handle(sampleJob());
    open();
    expect(await a).toEqual(await b);
    expect(await service.handle(sampleJob())).toEqual({ ok: true, data: { printed: true } });
    // Even after a restart of the bridge.
    await service.close();
    service = makeService();
    expect(await service.handle(sampleJob())).toEqual({ ok: true, data: { printed: true } });
    expect(printer.printed).toHaveLength(1);
  });

  it('does not print on a printer out of paper, reports it, and may print the job once paper is back', async () => {
    printer.state.reading = { status: 'paper_out' };
    const answer = await service.handle(sampleJob());
    expect(answer).toMatchObject({ ok: false, error: { code: 'printer.paper_out' } });
    expect(printer.printed).toHaveLength(0);
    expect(reports.at(-1)).toEqual({ deviceId: 'printer-1', status: 'paper_out' });
    printer.state.reading = { status: 'ok' };
    expect((await service.handle(sampleJob())).ok).toBe(true);
    expect(reports.at(-1)).toEqual({ deviceId: 'printer-1', status: 'ok' });
  });

  it('maps cover open and offline, and prints on paper low', async () => {
    printer.state.reading = { status: 'cover_open' };
    expect(await service.handle(sampleJob({ jobId: 'j-cover' }))).toMatchObject({ ok: false, error: { code: 'printer.cover_open' } });
    printer.state.reading = { status: 'offline', detail: 'connection refused' };
    expect(await service.handle(sampleJob({ jobId: 'j-off' }))).toMatchObject({ ok: false, error: { code: 'printer.offline' } });
    printer.state.reading = { status: 'paper_low' };
    expect((await service.handle(sampleJob({ jobId: 'j-low' }))).ok).toBe(true);
  });

  it('does not try again a job that failed while its bytes were going out (at most once)', async () => {
    printer.state.fail = new PrinterError('printer.offline', 'connection reset');
    expect(await service.handle(sampleJob())).toMatchObject({ ok: false, error: { code: 'printer.offline' } });
    printer.state.fail = null;
    expect(await service.handle(sampleJob())).toMatchObject({ ok: false, error: { code: 'printer.error', message: expect.stringMatching(/at most once/) } });
    expect(printer.printed).toHaveLength(0);
  });

  it('drops a job whose deadline passed while it waited for the printer', async () => {
    let open!: () => void;
    printer.state.gate = new Promise((r) => (open = r));
    const first = service.handle(sampleJob({ jobId: 'first' }));
    const late = service.handle(sampleJob({ jobId: 'late', deadlineMs: 500 }));
    now += 1000;
    open();
    await first;
    expect(await late).toMatchObject({ ok: false, error: { code: 'printer.error' } });
    expect(printer.printed.map((j) => j.jobId)).toEqual(['first']);
  });

  it('checks the deadline again right before sending: a status answered late means no paper', async () => {
    // The printer answers its status 1.5 s late; the job had 1 s left when it arrived.
    printer.port.status = async () => {
      now += 1500;
      return { status: 'ok' };
    };
    expect(await service.handle(sampleJob({ jobId: 'late', deadlineMs: 1000 }))).toMatchObject({ ok: false, error: { message: /deadline/ } });
    expect(printer.printed).toHaveLength(0);
    // Never started, so nothing in the journal says otherwise.
    expect(new JobJournal(dir.path).stateOf('late')).toBeNull();
  });

  it('prints only what the server confirms at the last moment, and never a job it cancelled', async () => {
    await service.close();
    const asked: string[] = [];
    let allow = true;
    service = makeService(async (jobId) => {
      asked.push(jobId);
      return allow;
    });
    expect(await service.handle(sampleJob({ jobId: 'yes' }))).toEqual({ ok: true, data: { printed: true } });
    allow = false;
    expect(await service.handle(sampleJob({ jobId: 'no' }))).toMatchObject({ ok: false, error: { code: 'printer.error' } });
    expect(asked).toEqual(['yes', 'no']);
    allow = true;
    service.cancel('cancelled');
    expect(await service.handle(sampleJob({ jobId: 'cancelled' }))).toMatchObject({ ok: false, error: { message: /cancelled/ } });
    expect(asked).toEqual(['yes', 'no']); // not even asked
    // Cancelled while it waited for the printer (another job holding it): not printed either.
    let open!: () => void;
    printer.state.gate = new Promise((r) => (open = r));
    const first = service.handle(sampleJob({ jobId: 'busy' }));
    const queued = service.handle(sampleJob({ jobId: 'queued' }));
    service.cancel('queued');
    open();
    await first;
    expect(await queued).toMatchObject({ ok: false });
    expect(printer.printed.map((j) => j.jobId)).toEqual(['yes', 'busy']);
  });

  it('refuses a job for a printer it does not have, and a malformed job', async () => {
    expect(await service.handle(sampleJob({ printerId: 'printer-9' }))).toMatchObject({ ok: false, error: { code: 'printer.error' } });
    expect(await service.handle({ jobId: 'x' })).toMatchObject({ ok: false, error: { code: 'printer.error', message: 'invalid print job' } });
  });

  it('announces its printers with the kiosk each serves', async () => {
    await service.refresh();
    expect(service.devices()).toEqual([{ id: 'printer-1', kind: 'printer', kioskId: 'kiosk-1', status: 'ok' }]);
    expect(service.reports()).toEqual([{ deviceId: 'printer-1', status: 'ok' }]);
  });
});

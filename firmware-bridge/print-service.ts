import { PrintJobSchema, type BridgeDevice, type DeviceStatusReport, type PrintAck, type PrintJob, type PrinterErrorCode } from '../protocol/bridge.schemas.ts';
import type { PrinterConfig } from './config.ts';
import type { JobJournal } from './job-journal.ts';
import type { BridgeLogger } from './log.ts';
import { errorOfStatus, PrinterError, type PrinterPort, type PrinterReading } from './printer/printer.port.ts';
import { renderJob, type PrinterProfile } from './printer/render-job.ts';

export interface ManagedPrinter {
  config: PrinterConfig;
  port: PrinterPort;
  profile: PrinterProfile;
}

const fail = (code: PrinterErrorCode, message: string): PrintAck => ({ ok: false, error: { code, message } });
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The bridge's printing: one queue per printer, the status read before each ticket (paper
 * out, cover open, offline are answered without printing), the at-most-once journal, and the
 * status of every printer for the server's dashboard. Errors are logged and reported to the
 * server, never swallowed.
 */
export class PrintService {
  private readonly printers = new Map<string, ManagedPrinter & { reading: PrinterReading; queue: Promise<unknown>; busy: boolean }>();
  private readonly inflight = new Map<string, Promise<PrintAck>>();
  /** Jobs the server abandoned (`print:cancel`): never printed. The newest few hundred. */
  private readonly cancelled = new Set<string>();

  constructor(
    printers: ManagedPrinter[],
    private readonly journal: JobJournal,
    private readonly log: BridgeLogger,
    /** Told when a printer's status changes (the bridge sends `device:status`). */
    private readonly onStatus: (report: DeviceStatusReport) => void,
    private readonly now: () => number = Date.now,
    /**
     * Asks the server, right before the first byte, whether the job may still print
     * (`print:claim`); false or no answer: not printed. Absent only in tests of this class alone.
     */
    private readonly claim?: (jobId: string) => Promise<boolean>,
  ) {
    for (const p of printers)
      this.printers.set(p.config.id, { ...p, reading: { status: 'offline', detail: 'not checked yet' }, queue: Promise.resolve(), busy: false });
  }

  /** What the hello announces. */
  devices(): BridgeDevice[] {
    return [...this.printers.values()].map((p) => ({
      id: p.config.id,
      kind: 'printer' as const,
      kioskId: p.config.kioskId,
      status: p.reading.status,
      ...(p.reading.detail ? { detail: p.reading.detail.slice(0, 300) } : {}),
    }));
  }

  /** What a heartbeat carries. */
  reports(): DeviceStatusReport[] {
    return [...this.printers.values()].map((p) => ({
      deviceId: p.config.id,
      status: p.reading.status,
      ...(p.reading.detail ? { detail: p.reading.detail.slice(0, 300) } : {}),
    }));
  }

  /** Reads every idle printer's status now; changes are reported. */
  async refresh(): Promise<void> {
    await Promise.all([...this.printers.values()].filter((p) => !p.busy).map((p) => this.read(p)));
  }

  private async read(p: ManagedPrinter & { reading: PrinterReading }): Promise<PrinterReading> {
    let reading: PrinterReading;
    try {
      reading = await p.port.status();
    } catch (error) {
      reading = { status: 'error', detail: message(error) };
    }
    const changed = reading.status !== p.reading.status || reading.detail !== p.reading.detail;
    p.reading = reading;
    if (changed) {
      const line = `printer ${p.config.id} (${p.port.description}): ${reading.status}${reading.detail ? ` — ${reading.detail}` : ''}`;
      if (reading.status === 'ok') this.log.info(line);
      else this.log.warn(line);
      this.onStatus({ deviceId: p.config.id, status: reading.status, ...(reading.detail ? { detail: reading.detail.slice(0, 300) } : {}) });
    }
    return reading;
  }

  /** `print:cancel`: the server abandoned the job; if it has not started, it never will. */
  cancel(jobId: string): void {
    this.cancelled.add(jobId);
    if (this.cancelled.size > 500) this.cancelled.delete(this.cancelled.values().next().value!);
  }

  /** A `print:job` from the server, answered once per delivery; the same job id prints at most once. */
  handle(raw: unknown): Promise<PrintAck> {
    const parsed = PrintJobSchema.safeParse(raw);
    if (!parsed.success) {
      this.log.error('invalid print job from the server', parsed.error.issues);
      return Promise.resolve(fail('printer.error', 'invalid print job'));
    }
    const job = parsed.data;
    // Delivered again while still printing (a reconnect): the same answer, one ticket.
    const running = this.inflight.get(job.jobId);
    if (running) return running;
    const answer = this.run(job, this.now()).finally(() => this.inflight.delete(job.jobId));
    this.inflight.set(job.jobId, answer);
    return answer;
  }

  private async run(job: PrintJob, receivedAt: number): Promise<PrintAck> {
    const state = this.journal.stateOf(job.jobId);
    if (state === 'printed') {
      this.log.info(`job ${job.jobId} (ticket ${job.ticket.number}) was already printed: not printing it again`);
      return { ok: true, data: { printed: true } };
    }
    if (state !== null) {
      return fail('printer.error', `job ${job.jobId} was started before and did not finish; not printed again (at most once)`);
    }
    const printer = this.printers.get(job.printerId);
    if (!printer) return fail('printer.error', `no printer "${job.printerId}" on this bridge`);
    const task = printer.queue.then(() => this.print(printer, job, receivedAt));
    printer.queue = task.catch(() => undefined);
    return task;
  }

  private async print(printer: ManagedPrinter & { reading: PrinterReading; busy: boolean }, job: PrintJob, receivedAt: number): Promise<PrintAck> {
    const ticket = `job ${job.jobId} (ticket ${job.ticket.number}) on ${printer.config.id}`;
    const queued = this.refusal(job, receivedAt);
    if (queued) {
      // The server has given up on it and told the kiosk: paper now would be a surprise.
      this.log.warn(`${ticket}: ${queued} while it waited for the printer; not printed`);
      return fail('printer.error', queued);
    }
    printer.busy = true;
    try {
      const refusal = errorOfStatus(await this.read(printer));
      if (refusal) {
        this.log.warn(`${ticket}: not printed, ${refusal.message}`);
        return fail(refusal.code, refusal.message);
      }
      let rendered;
      try {
        rendered = renderJob(job, printer.profile);
      } catch (error) {
        this.log.error(`${ticket}: could not lay the ticket out`, error);
        return fail('printer.error', `layout failed: ${message(error)}`);
      }
      if (rendered.unmappable.length > 0) {
        this.log.warn(`${ticket}: no ${printer.profile.mode} form for ${rendered.unmappable.join(' ')} (printed as ?, or in lower case in tcvn3)`);
      }
      // Last checks right before the first byte (the status read can take seconds): the server
      // may have given up meanwhile, and its "abandoned" is final.
      const late = this.refusal(job, receivedAt);
      if (late) {
        this.log.warn(`${ticket}: ${late}; not printed`);
        return fail('printer.error', late);
      }
      if (this.claim && !(await this.claim(job.jobId))) {
        this.log.warn(`${ticket}: the server did not confirm it may still print (abandoned, or no answer); not printed`);
        return fail('printer.error', 'the server did not confirm the job at the last moment; not printed');
      }
      this.journal.begin(job.jobId);
      try {
        await printer.port.print({ jobId: job.jobId, bytes: rendered.bytes, preview: rendered.preview });
      } catch (error) {
        const code = error instanceof PrinterError ? error.code : 'printer.error';
        this.journal.failed(job.jobId, code);
        this.log.error(`${ticket}: printing failed`, error);
        void this.read(printer);
        return fail(code, message(error));
      }
      this.journal.printed(job.jobId);
      this.log.info(`${ticket}: printed (${rendered.bytes.length} bytes)`);
      return { ok: true, data: { printed: true } };
    } finally {
      printer.busy = false;
    }
  }

  /** Why a job must not start now, if it must not: cancelled by the server, or past its deadline. */
  private refusal(job: PrintJob, receivedAt: number): string | null {
    if (this.cancelled.has(job.jobId)) return 'the server cancelled it (abandoned)';
    if (this.now() > receivedAt + job.deadlineMs) return 'its deadline passed';
    return null;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.printers.values()].map((p) => p.queue));
    await Promise.allSettled([...this.printers.values()].map((p) => p.port.close()));
    this.journal.close();
  }
}

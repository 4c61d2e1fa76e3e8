import type { DeviceStatus, PrinterErrorCode } from '../../protocol/bridge.schemas.ts';
import type { Bitmap } from './bitmap.ts';

/** How a printer is, as far as its interface can tell. */
export interface PrinterReading {
  status: DeviceStatus;
  detail?: string;
}

/** One rendered ticket, ready to go out. */
export interface PrinterJob {
  jobId: string;
  bytes: Uint8Array;
  /** The ticket as an image (the simulator writes it as PNG). */
  preview(): Bitmap;
}

/**
 * What the bridge needs of a printer: move the bytes of one job, and read its status. Layout
 * and encoding are done before (render-job.ts): an adapter only moves bytes and reads status.
 * Adapters: escpos.printer.ts (TCP, a device file, or serial), simulated.printer.ts (PNG + .bin
 * files).
 */
export interface PrinterPort {
  /** Where it is, for logs: "tcp://192.168.1.50:9100". */
  readonly description: string;
  status(): Promise<PrinterReading>;
  /**
   * Resolves once the printer has every byte (and, where it answers status, confirmed it after
   * the job); rejects with a PrinterError otherwise — also when the ticket was cut mid-way.
   */
  print(job: PrinterJob): Promise<void>;
  close(): Promise<void>;
}

/** A print that did not happen, with the code the server and the kiosk understand. */
export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  constructor(code: PrinterErrorCode, message: string) {
    super(message);
    this.name = 'PrinterError';
    this.code = code;
  }
}

/** The error a status that cannot print maps to; null when it can print (ok, paper_low). */
export function errorOfStatus(reading: PrinterReading): PrinterError | null {
  const why = reading.detail ? `: ${reading.detail}` : '';
  switch (reading.status) {
    case 'ok':
    case 'paper_low':
      return null;
    case 'paper_out':
      return new PrinterError('printer.paper_out', `Out of paper${why}`);
    case 'cover_open':
      return new PrinterError('printer.cover_open', `Cover open${why}`);
    case 'offline':
      return new PrinterError('printer.offline', `Printer offline${why}`);
    case 'error':
      return new PrinterError('printer.error', `Printer error${why}`);
  }
}

import { Socket } from 'node:net';
import type { PrinterReading } from './printer.port.ts';

/**
 * Real-time status, DLE EOT n (0x10 0x04 n), Epson ESC/POS Application Programming Guide,
 * "Transmit real-time status". Each answer is one byte shaped 0xx1xx10:
 *   n = 1 printer status:  bit 3 offline
 *   n = 2 offline cause:   bit 2 cover open, bit 5 stopped by paper end, bit 6 error
 *   n = 4 paper sensor:    bits 2+3 roll near end, bits 5+6 roll end
 * Printers answer it even while offline or busy (it is processed on receipt, not queued).
 */
export const dleEot = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n);

/** Sends a query, resolves with the first byte of the answer, or null after `timeoutMs`. */
export type StatusQuery = (query: Uint8Array, timeoutMs: number) => Promise<number | null>;

const wellFormed = (b: number) => (b & 0x93) === 0x12;

/** The status bytes (n = 1, 2, 4) as a reading; missing ones are not asked or did not come. */
export function parseStatus(bytes: { printer: number | null; offlineCause?: number | null; paper?: number | null }): PrinterReading {
  const { printer, offlineCause = null, paper = null } = bytes;
  if (printer === null) return { status: 'offline', detail: 'no answer to a status query' };
  if (!wellFormed(printer)) return { status: 'error', detail: `unexpected status byte 0x${printer.toString(16)}` };
  if (paper !== null && wellFormed(paper) && (paper & 0x60) === 0x60) return { status: 'paper_out', detail: 'paper roll end' };
  if (printer & 0x08) {
    if (offlineCause !== null && wellFormed(offlineCause)) {
      if (offlineCause & 0x04) return { status: 'cover_open' };
      if (offlineCause & 0x20) return { status: 'paper_out' };
      if (offlineCause & 0x40) return { status: 'error', detail: 'error reported (cutter, head temperature …)' };
    }
    return { status: 'offline', detail: 'the printer says it is offline' };
  }
  if (paper !== null && wellFormed(paper) && (paper & 0x0c) === 0x0c) return { status: 'paper_low', detail: 'paper roll near end' };
  return { status: 'ok' };
}

/** Asks n = 1, 4, and 2 when offline; what a ticket printer can tell about itself. */
export async function readStatus(query: StatusQuery, timeoutMs: number): Promise<PrinterReading> {
  const printer = await query(dleEot(1), timeoutMs);
  if (printer === null) return parseStatus({ printer });
  const paper = await query(dleEot(4), timeoutMs);
  const offlineCause = printer & 0x08 ? await query(dleEot(2), timeoutMs) : null;
  return parseStatus({ printer, paper, offlineCause });
}

/**
 * Status of a network printer on its own short connection (port 9100 serves one client at a
 * time, so it is closed before the job is sent). A refused or silent connection is offline.
 */
export async function tcpStatus(host: string, port: number, timeoutMs: number): Promise<PrinterReading> {
  const socket = new Socket();
  const received: number[] = [];
  let wake: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    received.push(...chunk);
    wake?.();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      socket.connect(port, host, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } catch (error) {
    socket.destroy();
    return { status: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
  socket.on('error', () => {}); // a reset after connecting shows up as a missing answer
  const query: StatusQuery = (bytes, ms) =>
    new Promise((resolve) => {
      received.length = 0;
      const timer = setTimeout(() => {
        wake = null;
        resolve(null);
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve(received.shift() ?? null);
      };
      socket.write(bytes);
    });
  try {
    return await readStatus(query, timeoutMs);
  } finally {
    socket.destroy();
  }
}

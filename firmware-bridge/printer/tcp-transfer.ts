import { Socket } from 'node:net';
import { dleEot, readStatus, type StatusQuery } from './dle-eot.ts';
import { PrinterError, type PrinterReading } from './printer.port.ts';

/**
 * How long a printer may take to take in a job, on top of the usual timeout: at least this many
 * bytes per second (a raster ticket is ~75 kB; a slow network printer reads ~20 kB/s while it
 * prints, a 9600-baud serial line ~960 B/s).
 */
export const transferAllowanceMs = (bytes: number, bytesPerSecond: number): number => Math.ceil((bytes / bytesPerSecond) * 1000);

/** Network printers: the slowest rate we wait for. */
const TCP_MIN_BYTES_PER_SECOND = 4_000;

/**
 * Answers to DLE EOT a printer sends for the `10 04 n` it finds inside the job's own bytes
 * (real-time commands are acted on wherever they appear, even inside image data: Epson ESC/POS
 * reference, DLE EOT notes). The raster encoder keeps them out (escpos-commands.ts); counting
 * them is the second line: that many answers are not the answer to our question.
 */
export function strayStatusQueries(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x10 && bytes[i + 1] === 0x04 && bytes[i + 2]! >= 1 && bytes[i + 2]! <= 4) n++;
  }
  return n;
}

/**
 * One ticket to a network printer (raw TCP, port 9100), "printed" only when the printer has
 * every byte: the socket accepted them all, and then — when the printer answers DLE EOT — it
 * answered a status query sent after the job (a printer reads its port in order, so the answer
 * means it has read the whole ticket; the socket's own callbacks only mean the local kernel took
 * the bytes). Without status queries (Star Line Mode, `statusQuery: false`) the bridge closes
 * its side and waits for the printer to close its own, which it does after reading everything.
 * A connection cut before that is a failed job (`printer.offline`), never "printed".
 * Resolves with the printer's status after the job (null when it was not asked).
 */
export async function sendOverTcp(
  address: { host: string; port: number },
  bytes: Uint8Array,
  options: { timeoutMs: number; statusQuery: boolean },
): Promise<PrinterReading | null> {
  const where = `${address.host}:${address.port}`;
  const socket = new Socket();
  const received: number[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let closed = false;
  const closedWaiters = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    received.push(...chunk);
    wake?.();
  });
  socket.on('error', (error) => {
    failure ??= error;
    wake?.();
  });
  socket.on('close', () => {
    closed = true;
    wake?.();
    for (const w of [...closedWaiters]) w();
  });
  const cut = (what: string) => new PrinterError('printer.offline', `${what} (${where}${failure ? `: ${failure.message}` : ''}); the ticket may be cut`);

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no connection within ${options.timeoutMs} ms`)), options.timeoutMs);
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      socket.connect(address.port, address.host, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } catch (error) {
    socket.destroy();
    throw new PrinterError('printer.offline', `Could not connect to ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }

  const allowance = options.timeoutMs + transferAllowanceMs(bytes.length, TCP_MIN_BYTES_PER_SECOND);
  try {
    await new Promise<void>((resolve, reject) => socket.write(bytes, (error) => (error ? reject(cut('the connection failed while sending')) : resolve())));

    let reading: PrinterReading | null = null;
    if (options.statusQuery) {
      // Answers the printer owes for DLE EOT inside the job come first: skip them.
      let skip = strayStatusQueries(bytes);
      const query: StatusQuery = (q, ms) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => {
            wake = null;
            resolve(null);
          }, ms);
          const check = () => {
            while (skip > 0 && received.length > 0) {
              received.shift();
              skip--;
            }
            if (received.length > 0) {
              clearTimeout(timer);
              wake = null;
              resolve(received.shift()!);
            } else if (failure || closed) {
              clearTimeout(timer);
              wake = null;
              resolve(null);
            }
          };
          wake = check;
          socket.write(q);
          check();
        });
      // The first answer can take as long as the printer takes to read the ticket; it is the receipt.
      if ((await query(dleEot(1), allowance)) === null) {
        throw cut('the printer did not confirm the ticket (no answer to a status query after it)');
      }
      reading = await readStatus(query, options.timeoutMs);
    }

    // Our side is done; a printer closes its side once it has read everything.
    socket.end();
    if (!closed) {
      const peerClosed = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), reading ? Math.min(1000, options.timeoutMs) : allowance);
        closedWaiters.add(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      // With a status answer the printer has the bytes already; a printer that keeps the
      // connection open after that is not an error. Without one, its close is the receipt.
      if (!peerClosed && !reading) throw cut('the printer did not confirm the end of the ticket');
    }
    if (!reading && failure) throw cut('the connection failed at the end of the ticket');
    return reading;
  } finally {
    socket.destroy();
  }
}

import { constants } from 'node:fs';
import { access, open } from 'node:fs/promises';
import { Socket } from 'node:net';
import ThermalPrinterModule from 'node-thermal-printer';
import { tcpAddress, type PrinterConfig } from '../config.ts';
import { readStatus, tcpStatus } from './dle-eot.ts';
import { errorOfStatus, PrinterError, type PrinterJob, type PrinterPort, type PrinterReading } from './printer.port.ts';
import { SerialPrinterInterface, type OpenSerial } from './serial.interface.ts';
import { sendOverTcp } from './tcp-transfer.ts';

const { printer: ThermalPrinter, types: PrinterTypes } = ThermalPrinterModule as unknown as {
  printer: new (config: { type: string; interface: unknown; options?: { timeout?: number } }) => {
    append(content: Buffer): void;
    clear(): void;
    execute(): Promise<unknown>;
  };
  types: { EPSON: string; STAR: string };
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Whether a TCP port accepts a connection (printers that cannot be asked for their status). */
function reachable(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/**
 * A real ESC/POS printer: the bytes go over TCP (`tcp://host:9100`, a connection per ticket),
 * to a device file (`/dev/usb/lp0`), or through our serial interface. A job is "printed" only
 * when the printer has every byte:
 * - TCP: every byte written and, where the printer answers DLE EOT, its answer to a status query
 *   sent after the job (else the printer closing the connection after our end) — tcp-transfer.ts;
 * - serial: every byte written and drained to the line, then a status query answered;
 * - device file: every byte written and the file closed (usblp gives no status back).
 * A status after the job that cannot print (paper ran out mid-ticket, cover opened) fails the job.
 */
export function createEscposPrinter(config: PrinterConfig, options: { openSerial?: OpenSerial } = {}): PrinterPort {
  const iface = config.interface;
  const tcp = tcpAddress(iface);
  const serial = typeof iface === 'object' ? new SerialPrinterInterface({ ...iface.serial, timeoutMs: config.timeoutMs }, options.openSerial) : null;
  const description = tcp ? `tcp://${tcp.host}:${tcp.port}` : typeof iface === 'object' ? `serial ${iface.serial.path}` : iface;
  // Star Line Mode has no DLE EOT (it reports through ASB): only ask Epson-type printers.
  const asks = config.statusQuery && config.type === 'epson';

  /** The status the printer gave after the job: a ticket it could not finish is not printed. */
  const judge = (after: PrinterReading | null) => {
    const refusal = after ? errorOfStatus(after) : null;
    if (refusal) throw new PrinterError(refusal.code, `After the ticket: ${refusal.message}`);
  };

  const status = async (): Promise<PrinterReading> => {
    try {
      if (tcp) {
        if (asks) return await tcpStatus(tcp.host, tcp.port, config.timeoutMs);
        return (await reachable(tcp.host, tcp.port, config.timeoutMs)) ? { status: 'ok' } : { status: 'offline', detail: 'connection refused' };
      }
      if (serial) {
        if (asks) return await readStatus(serial.query, config.timeoutMs);
        return (await serial.isPrinterConnected()) ? { status: 'ok' } : { status: 'offline', detail: 'cannot open the serial port' };
      }
      // A device file: the usblp node exists and is writable while the printer is plugged in and on.
      await access(String(iface), constants.W_OK);
      return { status: 'ok' };
    } catch (error) {
      return { status: 'offline', detail: message(error) };
    }
  };

  /**
   * How the bytes move, as node-thermal-printer's custom interface (`execute(buffer)`,
   * `isPrinterConnected()`). Its own TCP and file interfaces are not used: the TCP one resolves
   * once the bytes are queued on the socket, before the printer has them, and the file one creates
   * a missing device file and retries for minutes. `execute` resolves with the printer's status
   * after the job (null where the line gives none).
   */
  const line = {
    async execute(buffer: Buffer): Promise<PrinterReading | null> {
      if (tcp) return sendOverTcp(tcp, buffer, { timeoutMs: config.timeoutMs, statusQuery: asks });
      if (serial) {
        try {
          await serial.execute(buffer);
        } catch (error) {
          throw new PrinterError('printer.offline', `Could not send the ticket to ${description}: ${message(error)}`);
        }
        if (!asks) return null;
        // Drained means on the wire; the printer's answer after the job means it read it all.
        const after = await readStatus(serial.query, config.timeoutMs);
        if (after.status === 'offline' && after.detail === 'no answer to a status query') {
          throw new PrinterError('printer.offline', `${description} did not confirm the ticket (no answer to a status query after it)`);
        }
        return after;
      }
      let file;
      try {
        // O_WRONLY without O_CREAT: an unplugged printer's device file is missing, never created.
        file = await open(String(iface), constants.O_WRONLY);
        await file.write(buffer);
        await file.close();
        file = null;
        return null;
      } catch (error) {
        throw new PrinterError('printer.offline', `Could not send the ticket to ${description}: ${message(error)}`);
      } finally {
        await file?.close().catch(() => {});
      }
    },
    isPrinterConnected: async () => (await status()).status !== 'offline',
  };
  const printer = new ThermalPrinter({
    type: config.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: line,
    options: { timeout: config.timeoutMs },
  });

  return {
    description,
    status,
    async print(job: PrinterJob): Promise<void> {
      // node-thermal-printer holds the job and hands it to `line` (execute() does not clear its
      // buffer: cleared before and after, or a ticket would print again with the next one).
      printer.clear();
      printer.append(Buffer.from(job.bytes));
      try {
        judge((await printer.execute()) as PrinterReading | null);
      } finally {
        printer.clear();
      }
    },
    async close() {
      await serial?.close();
    },
  };
}

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import ThermalPrinterModule from 'node-thermal-printer';
import { tcpAddress, type PrinterConfig } from '../config.ts';
import { readStatus, tcpStatus } from './dle-eot.ts';
import { PrinterError, type PrinterJob, type PrinterPort, type PrinterReading } from './printer.port.ts';
import { SerialPrinterInterface, type OpenSerial } from './serial.interface.ts';

const { printer: ThermalPrinter, types: PrinterTypes } = ThermalPrinterModule as unknown as {
  printer: new (config: { type: string; interface: unknown; options?: { timeout?: number } }) => {
    append(content: Buffer): void;
    clear(): void;
    execute(): Promise<unknown>;
    isPrinterConnected(): Promise<boolean>;
  };
  types: { EPSON: string; STAR: string };
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A real ESC/POS printer. node-thermal-printer moves the bytes: over TCP (`tcp://host:9100`, a
 * connection per ticket), to a device file (`/dev/usb/lp0`), or through our serial interface.
 * Its buffer is cleared before and after every job (execute() does not clear it: a ticket
 * would otherwise be printed again with the next one). Status is DLE EOT where the line talks
 * back (TCP, serial; Epson command set), else whether the printer can be reached.
 */
export function createEscposPrinter(config: PrinterConfig, options: { openSerial?: OpenSerial } = {}): PrinterPort {
  const iface = config.interface;
  const tcp = tcpAddress(iface);
  const serial =
    typeof iface === 'object' ? new SerialPrinterInterface({ ...iface.serial, timeoutMs: config.timeoutMs }, options.openSerial) : null;
  const printer = new ThermalPrinter({
    type: config.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: serial ?? iface,
    options: { timeout: config.timeoutMs },
  });
  const description = tcp ? `tcp://${tcp.host}:${tcp.port}` : typeof iface === 'object' ? `serial ${iface.serial.path}` : iface;
  // Star Line Mode has no DLE EOT (it reports through ASB): only ask Epson-type printers.
  const asks = config.statusQuery && config.type === 'epson';

  return {
    description,
    async status(): Promise<PrinterReading> {
      try {
        if (tcp) return asks ? await tcpStatus(tcp.host, tcp.port, config.timeoutMs) : (await printer.isPrinterConnected()) ? { status: 'ok' } : { status: 'offline' };
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
    },
    async print(job: PrinterJob): Promise<void> {
      printer.clear();
      printer.append(Buffer.from(job.bytes));
      try {
        await printer.execute();
      } catch (error) {
        throw new PrinterError('printer.offline', `Could not send the ticket to ${description}: ${message(error)}`);
      } finally {
        printer.clear();
      }
    },
    async close() {
      printer.clear();
      await serial?.close();
    },
  };
}

import { SerialPort } from 'serialport';
import type { StatusQuery } from './dle-eot.ts';

/** The few members of a serialport stream we use, so tests can open a MockBinding port instead. */
export interface SerialLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'error' | 'close', listener: (arg?: unknown) => void): this;
  off(event: 'data', listener: (chunk: Buffer) => void): this;
}

export type OpenSerial = (options: { path: string; baudRate: number }) => SerialLike;

export const openRealSerial: OpenSerial = ({ path, baudRate }) => new SerialPort({ path, baudRate, autoOpen: false });

/**
 * A serial printer's port (`execute(buffer)`: write and drain; `isPrinterConnected()`). The port stays open between tickets and is
 * reopened after an error (a USB-serial adapter that was unplugged and plugged back in). It also
 * answers DLE EOT status queries: serial printers talk back on the same line.
 */
export class SerialPrinterInterface {
  private port: SerialLike | null = null;
  private readonly open: OpenSerial;

  constructor(
    private readonly options: { path: string; baudRate: number; timeoutMs: number },
    open: OpenSerial = openRealSerial,
  ) {
    this.open = open;
  }

  private async ensureOpen(): Promise<SerialLike> {
    if (this.port?.isOpen) return this.port;
    const port = this.open({ path: this.options.path, baudRate: this.options.baudRate });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    // Errors after opening (unplugged): drop the port, the next job reopens it.
    port.on('error', () => {
      if (this.port === port) this.port = null;
    });
    port.on('close', () => {
      if (this.port === port) this.port = null;
    });
    this.port = port;
    return port;
  }

  async execute(buffer: Buffer): Promise<void> {
    const port = await this.ensureOpen();
    try {
      await new Promise<void>((resolve, reject) => port.write(buffer, (e) => (e ? reject(e) : resolve())));
      await new Promise<void>((resolve, reject) => port.drain((e) => (e ? reject(e) : resolve())));
    } catch (error) {
      this.port = null;
      throw error;
    }
  }

  async isPrinterConnected(): Promise<boolean> {
    try {
      await this.ensureOpen();
      return true;
    } catch {
      return false;
    }
  }

  /** Writes a status query and waits for the first byte of the answer. */
  readonly query: StatusQuery = async (bytes, timeoutMs) => {
    let port: SerialLike;
    try {
      port = await this.ensureOpen();
    } catch {
      return null;
    }
    return new Promise<number | null>((resolve) => {
      const onData = (chunk: Buffer) => {
        clearTimeout(timer);
        port.off('data', onData);
        resolve(chunk[0] ?? null);
      };
      const timer = setTimeout(() => {
        port.off('data', onData);
        resolve(null);
      }, timeoutMs);
      port.on('data', onData);
      port.write(Buffer.from(bytes), () => {});
    });
  };

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}

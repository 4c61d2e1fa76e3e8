import { SerialPort } from 'serialport';
import type { DeviceStatus } from '../../protocol/bridge.schemas.ts';
import type { BridgeLogger } from '../log.ts';
import { KeypadParser } from './keypad-parser.ts';
import { encodeMessage, type AnyMessage, type BridgeMessage } from './keypad-protocol.ts';
import { listSerialPorts } from './serial-ports.ts';

/** The few members of a serialport stream the keypad adapter uses (a MockBinding port or a simulated keypad fit too). */
export interface KeypadSerial {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer, callback?: (error: Error | null | undefined) => void): boolean;
  close(callback?: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error' | 'close', listener: (error?: Error | null) => void): unknown;
  removeAllListeners(event?: string): unknown;
}

/** No frame for this long on an open port: offline (the keypad says HELLO every 5–10 s; docs/keypad-protocol.md). */
export const SILENCE_MS = 35_000;

export type OpenKeypadSerial = (options: { path: string; baudRate: number }) => KeypadSerial;

/** 8 data bits, no parity, 1 stop bit (8N1), as docs/keypad-protocol.md says. */
export const openKeypadSerial: OpenKeypadSerial = ({ path, baudRate }) =>
  new SerialPort({ path, baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false }) as unknown as KeypadSerial;

/** The link to the keypad, as the adapter sees it (the keypad's own STATUS is the session's). */
export interface LinkReading {
  status: Extract<DeviceStatus, 'ok' | 'offline'>;
  detail?: string;
}

export interface SerialKeypadOptions {
  path: string;
  baudRate: number;
  /** A label for the log: the keypad's id. */
  name: string;
  log: BridgeLogger;
  open?: OpenKeypadSerial;
  /** Every decoded frame from the keypad. */
  onMessage(message: AnyMessage): void;
  /** The link went up (a frame was heard) or down (port closed, cannot open, keypad silent). */
  onLink(reading: LinkReading): void;
  /** Reopening after a failure: first wait, doubling up to the max. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** No frame for this long on an open port: the keypad is offline (it says HELLO every few seconds). */
  silenceMs?: number;
}

/**
 * One keypad's serial port: opens it (a /dev/ttyUSB* or /dev/serial/by-id/… path), feeds the
 * bytes through a fresh KeypadParser per connection, writes the bridge's frames, and — when the
 * cable is pulled, the port errors or closes, or the keypad falls silent — reports the link
 * offline and reopens it with backoff until stopped. A bridge beside a counter has nobody to
 * restart it.
 */
export class SerialKeypad {
  private port: KeypadSerial | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private retryMs: number;
  private stopped = false;
  private current: LinkReading = { status: 'offline', detail: 'not opened yet' };
  private readonly open: OpenKeypadSerial;
  /** Set while offline, so a port that stays missing is logged once, not at every retry. */
  private reportedDown = false;
  readonly parsers: KeypadParser[] = [];

  constructor(private readonly options: SerialKeypadOptions) {
    this.open = options.open ?? openKeypadSerial;
    this.retryMs = options.retryMinMs ?? 500;
  }

  get link(): LinkReading {
    return this.current;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /**
   * The silence timer, restarted by every frame: exactly `silenceMs` after the last one the link
   * reads offline (a polling watchdog would add up to its period: 35 s became 42–44 s).
   */
  private heard(): void {
    clearTimeout(this.watchdog);
    const silenceMs = this.options.silenceMs ?? SILENCE_MS;
    const port = this.port;
    this.watchdog = setTimeout(() => {
      if (this.port === port && port && this.current.status === 'ok') {
        this.setLink({ status: 'offline', detail: `no frame from the keypad for ${Math.round(silenceMs / 1000)} s (port ${this.options.path} open)` });
      }
    }, silenceMs);
    this.watchdog.unref?.();
  }

  /** Writes one frame; false when the port is not open (the caller decides whether that matters). */
  write(message: BridgeMessage): boolean {
    const port = this.port;
    if (!port?.isOpen) return false;
    port.write(encodeMessage(message), (error) => {
      if (error) this.lost(port, error);
    });
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearTimeout(this.watchdog);
    const port = this.port;
    this.port = null;
    if (port) {
      port.removeAllListeners();
      port.on('error', () => {}); // a late error from a closing port is not news
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    }
  }

  private connect(): void {
    if (this.stopped) return;
    const { path, baudRate, log, name } = this.options;
    let port: KeypadSerial;
    try {
      port = this.open({ path, baudRate });
    } catch (error) {
      return this.failedToOpen(error);
    }
    port.on('error', (error) => this.lost(port, error ?? undefined));
    port.on('close', (error) => this.lost(port, error ?? undefined));
    port.open((error) => {
      if (error) {
        port.removeAllListeners();
        return this.failedToOpen(error);
      }
      if (this.stopped) {
        port.close();
        return;
      }
      const parser = new KeypadParser({ onDrop: (reason, detail) => log.debug(`keypad ${name}: dropped (${reason}) ${detail}`) });
      this.parsers.push(parser);
      if (this.parsers.length > 4) this.parsers.shift();
      parser.on('data', (message: AnyMessage) => {
        if (this.port !== port) return;
        this.heard();
        this.retryMs = this.options.retryMinMs ?? 500;
        if (this.current.status !== 'ok') this.setLink({ status: 'ok' });
        this.options.onMessage(message);
      });
      port.on('data', (chunk) => parser.write(chunk));
      this.port = port;
      this.heard();
      log.debug(`keypad ${name}: ${path} open at ${baudRate} baud, waiting for the keypad`);
      this.reportedDown = false;
      this.setLink({ status: 'offline', detail: `port ${path} open, no frame from the keypad yet` });
    });
  }

  private failedToOpen(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.setLink({ status: 'offline', detail: `cannot open ${this.options.path}: ${message}`.slice(0, 300) });
    if (!this.reportedDown) {
      this.reportedDown = true;
      // Tell the installer what is there: a wrong path is the usual mistake.
      void listSerialPorts().then((ports) =>
        this.options.log.warn(
          `keypad ${this.options.name}: cannot open ${this.options.path} (${message}); retrying. Serial ports here: ${ports.map((p) => p.path).join(', ') || 'none'}`,
        ),
      );
    } else this.options.log.debug(`keypad ${this.options.name}: still cannot open ${this.options.path} (${message})`);
    this.scheduleRetry();
  }

  /** The port closed or failed (cable pulled, adapter unplugged): offline, and try again. */
  private lost(port: KeypadSerial, error?: Error): void {
    if (this.port !== port || this.stopped) return;
    this.port = null;
    port.removeAllListeners();
    port.on('error', () => {});
    if (port.isOpen) port.close(() => {});
    const why = error?.message ? `: ${error.message}` : '';
    this.options.log.warn(`keypad ${this.options.name}: ${this.options.path} closed${why}; reconnecting`);
    this.reportedDown = true;
    this.setLink({ status: 'offline', detail: `${this.options.path} closed${why}`.slice(0, 300) });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect();
    }, this.retryMs);
    this.retry.unref?.();
    this.retryMs = Math.min(this.options.retryMaxMs ?? 10_000, this.retryMs * 2);
  }

  private setLink(reading: LinkReading): void {
    if (reading.status === this.current.status && reading.detail === this.current.detail) return;
    this.current = reading;
    this.options.onLink(reading);
  }
}

import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { DEFAULT_CP1258_PAGE, type BridgeConfig, type PrinterConfig } from './config.ts';
import { JobJournal } from './job-journal.ts';
import { createBridgeLogger, type BridgeLogger } from './log.ts';
import { PrintService, type ManagedPrinter } from './print-service.ts';
import { thresholdRgba, type Bitmap } from './printer/bitmap.ts';
import { createEscposPrinter } from './printer/escpos.printer.ts';
import type { PrinterPort } from './printer/printer.port.ts';
import type { OpenSerial } from './printer/serial.interface.ts';
import { createSimulatedPrinter } from './printer/simulated.printer.ts';
import { connectToServer, type ServerLink } from './server-link.ts';
import { linkKeypads } from './keypad/keypad-link.ts';
import { KeypadService, type KeypadServiceOptions } from './keypad/keypad-service.ts';
import type { OpenKeypadSerial } from './keypad/serial.keypad.ts';

export const BRIDGE_VERSION = '0.1.0';

export interface StartBridgeOptions {
  /** Every printer writes PNG + .bin into simulateDir instead of printing (`--simulate`). */
  simulate?: boolean;
  log?: BridgeLogger;
  /** Opens serial ports (tests pass a MockBinding port). */
  openSerial?: OpenSerial;
  /** Builds a printer adapter (tests may wrap or replace one). */
  makePrinter?: (config: PrinterConfig, made: () => PrinterPort) => PrinterPort;
  /** Opens keypads' serial ports (tests pass MockBinding ports). */
  openKeypad?: OpenKeypadSerial;
  /** Keypad reconnection, silence and delivery timings (tests shorten them). */
  keypadTiming?: KeypadServiceOptions['timing'];
}

export interface RunningBridge {
  config: BridgeConfig;
  service: PrintService;
  /** Rating keypads (issue #5): serial adapters, the press outbox and its delivery. */
  keypads: KeypadService;
  link: ServerLink;
  stop(): Promise<void>;
}

/** A PNG logo as dots (dark pixels print); refused when wider than the paper. */
export function loadLogo(path: string, width: number): Bitmap {
  const png = PNG.sync.read(readFileSync(path));
  if (png.width > width) throw new Error(`logo ${path} is ${png.width} dots wide; the paper takes ${width}`);
  return thresholdRgba(png.data, png.width, png.height);
}

/**
 * The bridge: printers from the config (or simulated ones), the at-most-once journal, the link
 * to the server. `npm run bridge -- --config <file>` runs it (main.ts); `npm start` runs one
 * in-process in simulate mode for the demo kiosk.
 */
export async function startBridge(config: BridgeConfig, options: StartBridgeOptions = {}): Promise<RunningBridge> {
  const log = options.log ?? createBridgeLogger(config.logLevel);
  const printers: ManagedPrinter[] = config.printers.map((p) => {
    const width = p.width === 58 ? 384 : 576;
    const made = () =>
      options.simulate || p.interface === 'simulate' ? createSimulatedPrinter(config.simulateDir) : createEscposPrinter(p, { openSerial: options.openSerial });
    return {
      config: p,
      port: options.makePrinter ? options.makePrinter(p, made) : made(),
      profile: {
        commandSet: p.type,
        paperMm: p.width,
        mode: p.mode,
        codePage: p.codePage ?? (p.mode === 'cp1258' ? DEFAULT_CP1258_PAGE[p.type] : null),
        realtimeGuard: p.type === 'epson' && p.realtimeGuard,
        template: { ...p.template, logo: Boolean(p.logo) },
        images: (p.logo ? { logo: loadLogo(p.logo, width) } : {}) as Record<string, Bitmap>,
      },
    };
  });
  for (const p of printers)
    log.info(`printer ${p.config.id} for kiosk ${p.config.kioskId ?? '(none)'}: ${p.port.description}, ${p.config.width} mm, ${p.config.mode}`);

  const journal = new JobJournal(config.dataDir);
  let link: ServerLink | null = null;
  const keypads = new KeypadService({
    keypads: config.keypads,
    dataDir: config.dataDir,
    log,
    simulate: options.simulate,
    open: options.openKeypad,
    timing: options.keypadTiming,
    onStatus: (report) => link?.report(report),
  });
  for (const k of config.keypads)
    log.info(`keypad ${k.id} for counter ${k.counterId}: ${options.simulate ? 'simulated' : k.path}${k.path === 'simulate' ? '' : ` at ${k.baudRate} baud`}`);
  keypads.start();
  const service = new PrintService(
    printers,
    journal,
    log,
    (report) => link?.report(report),
    Date.now,
    (jobId) => link?.claim(jobId) ?? Promise.resolve(false),
  );
  await service.refresh();
  // The hello and heartbeats carry the printers and the keypads.
  const devices = {
    devices: () => [...service.devices(), ...keypads.devices()],
    reports: () => [...service.reports(), ...keypads.reports()],
    handle: (job: unknown) => service.handle(job),
    cancel: (jobId: string) => service.cancel(jobId),
  };
  link = connectToServer({ serverUrl: config.serverUrl, token: config.token, version: BRIDGE_VERSION, service: devices, log });
  const unlinkKeypads = linkKeypads(link, keypads, log);
  const poll = setInterval(() => void service.refresh(), config.statusPollMs);
  poll.unref?.();

  let stopping: Promise<void> | null = null;
  return {
    config,
    service,
    keypads,
    link,
    stop() {
      stopping ??= (async () => {
        clearInterval(poll);
        unlinkKeypads();
        link?.close();
        await keypads.close();
        await service.close();
      })();
      return stopping;
    },
  };
}

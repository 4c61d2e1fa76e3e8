import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { IdSchema } from '../protocol/common.schemas.ts';
import { KeypadConfigSchema } from './keypad/keypad-config.ts';

/**
 * The bridge's one config file (JSON), validated here; docs/firmware-bridge.md explains every
 * key. Relative paths are relative to the file. Two environment variables override the file,
 * so a service manager can keep the token out of it: LUOT_SERVER_URL and LUOT_BRIDGE_TOKEN.
 */

const TCP = /^tcp:\/\/([^/:\s]+)(?::(\d{1,5}))?\/?$/i;

export const PrinterInterfaceSchema = z.union([
  z.string().regex(TCP, 'tcp://host:port').describe('A network printer, e.g. tcp://192.168.1.50:9100 (port 9100 if left out).'),
  z
    .string()
    .regex(/^\/dev\/\S+$/, 'a device file such as /dev/usb/lp0')
    .describe('A USB printer through the kernel usblp driver.'),
  z.literal('simulate').describe('No printer: each ticket is written as PNG + ESC/POS bytes into simulateDir.'),
  z
    .object({
      serial: z
        .object({
          path: z.string().min(1).describe('The serial port, e.g. /dev/ttyUSB0 or /dev/ttyS0.'),
          baudRate: z.number().int().positive().default(9600).describe("The printer's baud rate (DIP switches); 9600 or 115200 are usual."),
        })
        .strict(),
    })
    .strict()
    .describe('A serial (RS-232 or USB-serial) printer.'),
]);
export type PrinterInterface = z.infer<typeof PrinterInterfaceSchema>;

export const TemplateSchema = z
  .object({
    showEnglish: z.boolean().default(true).describe('An English line under each Vietnamese one.'),
    footer: z
      .object({ vi: z.string().min(1).max(120), en: z.string().min(1).max(120).optional() })
      .strict()
      .nullable()
      .default(null)
      .describe('Footer text; null: "Vui lòng chờ đến lượt" (a centre-wide footer sent by the server wins).'),
    showQr: z.boolean().default(true).describe('The QR code to the status page.'),
  })
  .strict();

/** Windows-1258's number in each vendor's table (DOMAIN.md "Printing Vietnamese"). */
export const DEFAULT_CP1258_PAGE: Record<'epson' | 'star', number | null> = { epson: 52, star: null };

export const PrinterConfigSchema = z
  .object({
    id: IdSchema.describe('This printer\'s id, unique on this bridge: "kiosk-1-printer".'),
    kioskId: IdSchema.nullable().describe('Device id of the kiosk it prints for (the id in the kiosk token luot_<id>.…); null: a spare.'),
    interface: PrinterInterfaceSchema,
    type: z.enum(['epson', 'star']).default('epson').describe('Command set: epson (ESC/POS, also Xprinter and most clones) or star (Star Line Mode).'),
    width: z
      .union([z.literal(58), z.literal(80)])
      .default(80)
      .describe('Paper width in mm: 58 (384 dots) or 80 (576 dots).'),
    mode: z
      .enum(['raster', 'cp1258', 'tcvn3', 'ascii'])
      .default('raster')
      .describe('raster: any printer; cp1258: printers known to do Windows-1258; tcvn3: printers with a TCVN-3 table (Xprinter); ascii: no tone marks.'),
    codePage: z
      .number()
      .int()
      .min(0)
      .max(255)
      .optional()
      .describe('The number of the mode’s table: cp1258 mode, Windows-1258 (Epson 52, the default); tcvn3 mode, TCVN-3 (Xprinter 27; required).'),
    logo: z.string().min(1).optional().describe('A PNG printed at the top, at most the paper width in dots; dark pixels print.'),
    template: TemplateSchema.default({ showEnglish: true, footer: null, showQr: true }),
    realtimeGuard: z
      .boolean()
      .default(true)
      .describe('Send GS ( D to turn real-time commands off around images (epson; docs/hardware.md). false for a clone that prints it as garbage.'),
    statusQuery: z
      .boolean()
      .default(true)
      .describe('Ask the printer for its status (DLE EOT) before each ticket and every statusPollMs (tcp and serial, epson).'),
    timeoutMs: z.number().int().min(500).max(60_000).default(5000).describe('How long to wait for the printer to connect or answer.'),
  })
  .strict()
  .refine((p) => p.mode !== 'cp1258' || p.codePage !== undefined || DEFAULT_CP1258_PAGE[p.type] !== null, {
    message: 'cp1258 mode on a star printer needs codePage (its Windows-1258 table number)',
    path: ['codePage'],
  })
  .refine((p) => p.mode !== 'tcvn3' || p.codePage !== undefined, {
    message: 'tcvn3 mode needs codePage (the printer’s TCVN-3 table number: Xprinter 27)',
    path: ['codePage'],
  });
export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;

export const BridgeConfigSchema = z
  .object({
    serverUrl: z.url({ protocol: /^https?$/ }).describe('The Luot server, e.g. http://192.168.1.10:3000 (env LUOT_SERVER_URL).'),
    token: z
      .string()
      .regex(/^luot_[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,128}$/, 'a bridge device token luot_<id>.<secret>')
      .describe('A bridge device token made on the admin page (env LUOT_BRIDGE_TOKEN).'),
    dataDir: z.string().min(1).default('./bridge-data').describe('Where the bridge keeps the ids of printed jobs (at most once), and simulated tickets.'),
    simulateDir: z.string().min(1).optional().describe('Where simulated printers write <job id>.png and .bin; default <dataDir>/printed.'),
    statusPollMs: z.number().int().min(1000).max(600_000).default(10_000).describe('How often printer status is read between tickets.'),
    printers: z.array(PrinterConfigSchema).max(16).default([]),
    keypads: z
      .array(KeypadConfigSchema)
      .max(64)
      .default([])
      .describe('Rating keypads on serial ports (docs/keypad-protocol.md): each with its id, port and counter.'),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .strict()
  .refine((c) => new Set(c.printers.map((p) => p.id)).size === c.printers.length, { message: 'printer ids must be unique', path: ['printers'] })
  .refine((c) => new Set([...c.printers.map((p) => p.id), ...c.keypads.map((k) => k.id)]).size === c.printers.length + c.keypads.length, {
    message: 'keypad ids must be unique, and differ from the printer ids',
    path: ['keypads'],
  });
/** A validated config, paths absolute, simulateDir filled in. */
export type BridgeConfig = z.infer<typeof BridgeConfigSchema> & { simulateDir: string };
export type BridgeConfigInput = z.input<typeof BridgeConfigSchema>;

export class BridgeConfigError extends Error {}

/** Validates a config object (file contents with env overrides applied); paths resolved against `baseDir`. */
export function parseBridgeConfig(raw: unknown, env: Record<string, string | undefined> = {}, baseDir = process.cwd()): BridgeConfig {
  const input = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : raw;
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    if (env.LUOT_SERVER_URL) o.serverUrl = env.LUOT_SERVER_URL;
    if (env.LUOT_BRIDGE_TOKEN) o.token = env.LUOT_BRIDGE_TOKEN;
  }
  const parsed = BridgeConfigSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new BridgeConfigError(`Invalid bridge configuration:\n${lines.join('\n')}`);
  }
  const at = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  const c = parsed.data;
  const dataDir = at(c.dataDir);
  return {
    ...c,
    dataDir,
    simulateDir: c.simulateDir ? at(c.simulateDir) : resolve(dataDir, 'printed'),
    printers: c.printers.map((p) => ({ ...p, ...(p.logo ? { logo: at(p.logo) } : {}) })),
  };
}

/** Reads and validates the config file. */
export function loadBridgeConfig(file: string, env: Record<string, string | undefined>): BridgeConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BridgeConfigError(`Cannot read the bridge configuration ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseBridgeConfig(raw, env, dirname(resolve(file)));
}

/** The TCP host and port of a tcp:// interface, or null. */
export function tcpAddress(iface: PrinterInterface): { host: string; port: number } | null {
  if (typeof iface !== 'string') return null;
  const m = TCP.exec(iface);
  return m ? { host: m[1]!, port: m[2] ? Number(m[2]) : 9100 } : null;
}

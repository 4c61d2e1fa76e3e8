import { resolve } from 'node:path';
import { z } from 'zod';

/** `KEY=` (empty) means unset, as compose files and service managers often write it. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * Every setting of the server: its env name, default and meaning, in one schema.
 * Nothing else reads process.env. docs/configuration.md lists the same keys.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP, API and socket.io port (one port for all).'),
  HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface to listen on; 0.0.0.0 to let kiosks and displays on the LAN connect.'),
  DATA_DIR: z.string().min(1).default('./data').describe('Folder of the SQLite file (luot.sqlite) and other state.'),
  DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1')
    .describe('Create the demo centre when the store has no centre (`npm start` sets it).'),
  WEB_ROOT: z.string().min(1).default('./dist/web').describe('Folder of the built front-ends.'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info').describe('Least severe log level printed.'),
  SESSION_SECRET: unsetIfEmpty(z.string().min(32, 'at least 32 characters'))
    .describe('Key that signs session cookies; unset: a random key kept in DATA_DIR/session.secret (0600).'),
  ADMIN_PASSWORD: unsetIfEmpty(z.string().min(8, 'at least 8 characters'))
    .describe('Password of the first `admin` account, made when the store has no account (outside demo mode).'),
  // Printing (issue #4, docs/firmware-bridge.md)
  PRINT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(120_000)
    .default(10_000)
    .describe('How long a kiosk waits for its ticket to print; then the job is abandoned and the kiosk shows the number on screen.'),
  BRIDGE_HEARTBEAT_MS: z.coerce.number().int().min(1000).max(300_000).default(15_000).describe('How often firmware bridges report their devices.'),
  VOICE_DIR: unsetIfEmpty(z.string().min(1)).describe(
    "Folder of the centre's own announcement recordings (manifest.json and clips, docs/voice.md); unset: the default espeak-ng set.",
  ),
  PUBLIC_URL: unsetIfEmpty(z.url({ protocol: /^https?$/ }).regex(/^[\x21-\x7e]+$/, 'ASCII only (a QR payload): write an international name in punycode'))
    .describe("Address citizens' phones reach the server at, printed in the ticket's QR code (e.g. http://192.168.1.10:3000); unset: the address the server listens on."),
});

export type Config = z.infer<typeof ConfigSchema> & { dbFile: string };

export class ConfigError extends Error {}

/** Parses the environment; fails fast with one readable line per bad key. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const dataDir = resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, DATA_DIR: dataDir, WEB_ROOT: resolve(parsed.data.WEB_ROOT), dbFile: resolve(dataDir, 'luot.sqlite') };
}

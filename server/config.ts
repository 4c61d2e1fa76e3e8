import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { isLoopbackHost } from '../protocol/pairing.schemas.ts';

/** `KEY=` (empty) means unset, as compose files and service managers often write it. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * A whole number written in decimal digits, within bounds. Not z.coerce.number(): it took
 * `PORT=` (empty) as 0 — a random port — and `PORT=0x0C8A` as 3210.
 */
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: `a whole number from ${min} to ${max}, in decimal digits` })
      .int()
      .min(min)
      .max(max),
  );

/** A host name as DNS writes it (RFC 1123): letters, digits and hyphens, dot-separated. */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Every setting of the server: its env name, default and meaning, in one schema.
 * Nothing else reads process.env. docs/configuration.md lists the same keys.
 */
export const ConfigSchema = z.object({
  PORT: wholeNumber(0, 65535).default(3000).describe('HTTP, API and socket.io port (one port for all).'),
  HOST: z
    .string()
    .refine((h) => isIP(h) !== 0 || HOSTNAME.test(h), 'an IP address of this machine (127.0.0.1, 0.0.0.0, ::) or its host name')
    .default('127.0.0.1')
    .describe('Interface to listen on; 0.0.0.0 to let kiosks and displays on the LAN connect.'),
  DATA_DIR: z.string().min(1).default('./data').describe('Folder of the SQLite file (luot.sqlite) and other state.'),
  // Several instances on one PostgreSQL database (issue #13, docs/deployment.md).
  DATABASE_URL: unsetIfEmpty(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, 'a PostgreSQL address: postgres://user:password@host:5432/database')
      .refine((v) => URL.canParse(v), 'a PostgreSQL address: postgres://user:password@host:5432/database'),
  ).describe('PostgreSQL database of the store (postgres:// or postgresql://); unset: the SQLite file in DATA_DIR.'),
  // socket.io across instances (issue #13, docs/deployment.md "Several instances").
  REDIS_URL: unsetIfEmpty(
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/i, 'a Redis address: redis://[:password@]host:6379 (or rediss:// for TLS)')
      .refine((v) => URL.canParse(v), 'a Redis address: redis://[:password@]host:6379 (or rediss:// for TLS)'),
  ).describe(
    'Redis server that carries socket.io broadcasts between server instances (redis:// or rediss://); unset: PostgreSQL does it when DATABASE_URL is set, else one process needs none.',
  ),
  DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1')
    .describe('Create the demo centre when the store has no centre (`npm start` sets it).'),
  WEB_ROOT: z.string().min(1).default('./dist/web').describe('Folder of the built front-ends.'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info').describe('Least severe log level printed.'),
  SESSION_SECRET: unsetIfEmpty(z.string().min(32, 'at least 32 characters')).describe(
    'Key that signs session cookies; unset: a random key kept in DATA_DIR/session.secret (0600).',
  ),
  ADMIN_PASSWORD: unsetIfEmpty(z.string().min(8, 'at least 8 characters')).describe(
    'Password of the first `admin` account, made when the store has no account (outside demo mode).',
  ),
  // Printing (issue #4, docs/firmware-bridge.md)
  PRINT_TIMEOUT_MS: wholeNumber(1000, 120_000)
    .default(10_000)
    .describe('How long a kiosk waits for its ticket to print; then the job is abandoned and the kiosk shows the number on screen.'),
  // Webhooks (issue #14, docs/dossiers.md): the n-th failed attempt waits base × 2^(n-1), at most an hour.
  WEBHOOK_RETRY_BASE_MS: wholeNumber(100, 600_000)
    .default(10_000)
    .describe('Wait before the first retry of a failed webhook; doubles each time, capped at one hour.'),
  WEBHOOK_MAX_ATTEMPTS: wholeNumber(1, 100).default(12).describe('Attempts before a webhook delivery is given up (kept, listed as failed).'),
  WEBHOOK_KEEP_DAYS: wholeNumber(1, 3650)
    .default(90)
    .describe('Days a delivered or given-up webhook delivery is kept (the admin list, audits); then it is deleted.'),
  BRIDGE_HEARTBEAT_MS: wholeNumber(1000, 300_000).default(15_000).describe('How often firmware bridges report their devices.'),
  VOICE_DIR: unsetIfEmpty(z.string().min(1)).describe(
    "Folder of the centre's own announcement recordings (manifest.json and clips, docs/voice.md); unset: the default espeak-ng set.",
  ),
  // /ticket followers (issue #10, docs/security.md): a ticket id is in its QR code, so sockets are capped.
  TICKET_FOLLOWERS_PER_TICKET: wholeNumber(1, 100_000)
    .default(20)
    .describe("Most sockets that may follow one ticket on /ticket (a citizen's phone and a few shares); more are refused (ticket.too_many_followers)."),
  TICKET_FOLLOWERS_PER_ADDRESS: wholeNumber(1, 100_000)
    .default(50)
    .describe(
      'Most /ticket sockets from one client address (see TRUSTED_PROXIES; raise it when many phones share one NAT address); more are refused (realtime.too_many_connections).',
    ),
  PUBLIC_URL: unsetIfEmpty(
    z.url({ protocol: /^https?$/ }).regex(/^[\x21-\x7e]+$/, 'ASCII only (a QR payload): write an international name in punycode'),
  ).describe(
    "Address citizens' phones reach the server at, printed in the ticket's QR code (e.g. http://192.168.1.10:3000); unset: the address the server listens on.",
  ),
  // Login throttling per client address (issue #10, docs/security.md).
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) =>
          a
            .trim()
            .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
            .toLowerCase(),
        )
        .filter((a) => a !== ''),
    )
    .refine((list) => list.every((a) => isIP(a) !== 0), 'a comma-separated list of IP addresses')
    .describe(
      'Addresses of reverse proxies in front of the server, comma-separated; only from them is X-Forwarded-For believed for the client address. Unset: none (the socket address is the client).',
    ),
  // Operations (issue #13, docs/operations.md): /metrics for the operator's Prometheus.
  METRICS_TOKEN: unsetIfEmpty(
    z
      .string()
      .min(32, 'at least 32 characters')
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces (it travels in an Authorization header)'),
  ).describe('Bearer token Prometheus sends to scrape /metrics; unset: /metrics answers 404 as if it did not exist.'),
  // Backups of the embedded store (issue #14, docs/backup.md).
  BACKUP_INTERVAL_MS: wholeNumber(0, 604_800_000)
    .refine((v) => v === 0 || v >= 1000, 'at least 1000 (one second), or 0 to turn automatic backups off')
    .default(86_400_000)
    .describe('How often the server backs up its SQLite store into DATA_DIR/backups/ by itself (default a day); 0: never. Ignored with DATABASE_URL.'),
  BACKUP_KEEP_DAYS: wholeNumber(1, 3650)
    .default(14)
    .describe("How many days the server's own backups are kept; older ones are deleted after each new one (the newest is always kept)."),
});

export type Config = z.infer<typeof ConfigSchema> & { dbFile: string };

export class ConfigError extends Error {}

/** Parses the environment; fails fast with one readable line per bad key (`Invalid configuration: KEY: why`). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    // One whole line per bad key, so a single mistake is a single line (docs/faults.md).
    const lines = parsed.error.issues.map((i) => `Invalid configuration: ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const dataDir = resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, DATA_DIR: dataDir, WEB_ROOT: resolve(parsed.data.WEB_ROOT), dbFile: resolve(dataDir, 'luot.sqlite') };
}

/**
 * The start-up warning of a server that devices on the LAN may reach while PUBLIC_URL is unset
 * (issue #15): its ticket QR codes and the admin page's pairing addresses then start with the
 * address it listens on, or the one the admin browses from. Null when nothing is to be said.
 */
export function publicUrlWarning(config: Pick<Config, 'PUBLIC_URL' | 'HOST'>): string | null {
  if (config.PUBLIC_URL || isLoopbackHost(config.HOST)) return null;
  return (
    `PUBLIC_URL is unset while the server listens on ${config.HOST}: ticket QR codes and device pairing addresses will use ` +
    'the address the server listens on, or the one the admin browses from; set PUBLIC_URL to the address kiosks, displays ' +
    'and phones reach (docs/configuration.md).'
  );
}

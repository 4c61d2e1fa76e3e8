/**
 * Moves the centres of an embedded server's SQLite file into the province's PostgreSQL database
 * (a commune joining the province system; docs/deployment.md, "Moving an embedded centre into the
 * province database"). Stop the embedded server first; the file is left as it is.
 *
 *   npm run migrate:postgres -- --from data/luot.sqlite --to postgres://luot@db:5432/luot [--centre <id> …]
 *
 * Prints a line per table copied and a final line; exit 0 when every centre was copied and
 * verified, 1 with one line when it was refused or failed (nothing of that centre is kept).
 */
import { parseArgs } from 'node:util';
import { redactUrl } from '../server/storage/postgres-faults.ts';
import { StoreUnavailable } from '../server/storage/store-faults.ts';
import { transferCentres, TransferRefused } from '../server/storage/centre-transfer.ts';

const USAGE = 'usage: npm run migrate:postgres -- --from <sqlite file> --to <postgres://…> [--centre <id> …]';

class UsageError extends Error {}

function parse(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, centre: { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { from, to, centre } = values;
  if (!from || !to) throw new UsageError(`--from and --to are required\n${USAGE}`);
  if (!/^postgres(ql)?:\/\//i.test(to) || !URL.canParse(to)) throw new UsageError(`--to must be a postgres:// or postgresql:// address\n${USAGE}`);
  return { from, to, centres: centre ?? [] };
}

/** The one line an expected failure prints: the cause, never a stack, never the password. */
function describe(error: unknown, file: string): string | null {
  if (error instanceof UsageError || error instanceof TransferRefused) return error.message;
  // migrations/index.ts: a database whose schema history this version does not know (a newer Luot).
  if (error instanceof Error && /^migration .* failed/.test(error.message)) return `${file}: ${error.message}`;
  if (error instanceof StoreUnavailable) {
    const what = error.store === 'postgres' ? `the PostgreSQL database ${error.file}` : `the SQLite file ${file}`;
    const detail = error.cause instanceof Error && error.cause.cause instanceof Error ? `: ${error.cause.cause.message}` : '';
    return `cannot use ${what} (${error.sqliteCode}${detail})`;
  }
  return null;
}

/** Any occurrence of the address's password in a message becomes "***" (a driver may echo the address). */
function hidePassword(text: string, url: string | undefined): string {
  if (!url || !URL.canParse(url)) return text;
  const u = new URL(url);
  let out = text.replaceAll(url, redactUrl(url));
  for (const secret of [u.password, decodeURIComponent(u.password)]) if (secret) out = out.replaceAll(secret, '***');
  return out;
}

async function main(argv: string[]): Promise<number> {
  const toArg = argv[argv.indexOf('--to') + 1];
  try {
    const { from, to, centres } = parse(argv);
    console.log(`Moving ${centres.length ? `centre ${centres.join(', ')}` : 'every centre'} of ${from} into ${redactUrl(to)}`);
    let current = '';
    const done = await transferCentres({
      fromFile: from,
      toUrl: to,
      centreIds: centres,
      onTable(centreId, table, rows) {
        if (centreId !== current) console.log(`centre ${(current = centreId)}:`);
        console.log(`  ${table.padEnd(22)} ${String(rows).padStart(9)} rows`);
      },
    });
    const rows = done.reduce((n, c) => n + c.tables.reduce((m, t) => m + t.rows, 0), 0);
    console.log(
      `Done: ${done.length} centre(s) (${done.map((c) => c.centreId).join(', ')}) copied into ${redactUrl(to)}, ${rows} rows, counts verified table by table.`,
    );
    return 0;
  } catch (error) {
    const line = describe(error, argv[argv.indexOf('--from') + 1] ?? '');
    if (line !== null) {
      console.error(hidePassword(`migrate-postgres: ${line}`, toArg));
      return 1;
    }
    // Not an expected failure: a bug or an unforeseen driver error; the stack helps whoever reports it.
    console.error(hidePassword(`migrate-postgres: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, toArg));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { transferCentres } from '../../server/storage/centre-transfer.ts';
import { startCluster, type PgCluster } from '../helpers/postgres-cluster.ts';
import { historyDbFile } from './stores.ts';
import { spawnServer, type ChildServer, type ServerStats } from './spawn-server.ts';

/**
 * The province benchmarks' rig: one private PostgreSQL cluster (test/helpers/postgres-cluster.ts,
 * durable commits as in production) and N server instances over one fresh database, each in its own
 * child process (spawn-server.ts) with the same session key, so a session made on one is read by all.
 * The first instance makes the demo centre and its accounts; the others find them in the database.
 * No balancer: the load generator picks the instance itself (round robin), so the figures are the
 * instances' and the database's own, not nginx's (the balancer test covers nginx).
 */
export interface Province {
  servers: ChildServer[];
  /** Every instance's counters at once (CPU, statements), in instance order. */
  stats(): Promise<ServerStats[]>;
  /** The cluster's processes' CPU (postmaster and backends), microseconds. */
  databaseCpuUs(): number;
  stop(): Promise<void>;
}

const SESSION_SECRET = 'bench-province-session-secret-0123456789';

let shared: Promise<PgCluster> | null = null;
/** One cluster per bench process (each case gets its own database); stopped by `stopCluster`. */
export function benchCluster(): Promise<PgCluster> {
  shared ??= startCluster();
  return shared;
}

export async function stopCluster(): Promise<void> {
  if (!shared) return;
  const cluster = await shared;
  shared = null;
  historyTemplate = null;
  await cluster.stop();
}

let historyTemplate: Promise<string> | null = null;
const HISTORY_TEMPLATE = 'luot_history_template';

/**
 * A database holding the year of history of the SQLite benchmarks (stores.ts, ≈1 M tickets), moved
 * in once per bench process by `migrate:postgres`'s own code (transferCentres) and ANALYZEd, as a
 * database a year old would be; each case then starts from a copy of it (CREATE DATABASE … TEMPLATE).
 */
function historyDatabase(cluster: PgCluster): Promise<string> {
  historyTemplate ??= (async () => {
    const url = await cluster.createDatabase(HISTORY_TEMPLATE, { exact: true });
    const started = performance.now();
    const moved = await transferCentres({ fromFile: await historyDbFile(), toUrl: url });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    const tickets = moved.flatMap((c) => c.tables).find((t) => t.table === 'tickets')?.rows ?? 0;
    console.log(`  moved the year of history into PostgreSQL (${tickets} tickets) in ${Math.round((performance.now() - started) / 1000)} s`);
    return HISTORY_TEMPLATE;
  })();
  return historyTemplate;
}

/** N instances over a fresh database: empty (the first instance makes the demo centre), or a copy of the year of history. */
export async function startProvince(instances: number, options: { history?: boolean } = {}): Promise<Province> {
  const cluster = await benchCluster();
  const template = options.history ? await historyDatabase(cluster) : undefined;
  const databaseUrl = await cluster.createDatabase('luot_bench', { template });
  const servers: ChildServer[] = [];
  try {
    for (let n = 0; n < instances; n++) {
      servers.push(await spawnServer({ DATABASE_URL: databaseUrl, SESSION_SECRET, DEMO: n === 0 ? 'true' : 'false' }));
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return {
    servers,
    stats: () => Promise.all(servers.map((s) => s.stats())),
    databaseCpuUs: () => clusterCpuUs(cluster.port),
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}

/** The instances' summed cost between two readings, per operation. */
export function provinceCost(before: ServerStats[], after: ServerStats[], ops: number): { cpuMs: number; statements: number } {
  let cpuUs = 0;
  let statements = 0;
  for (let i = 0; i < before.length; i++) {
    cpuUs += after[i]!.cpuUs - before[i]!.cpuUs;
    statements += after[i]!.statements - before[i]!.statements;
  }
  return { cpuMs: cpuUs / 1000 / ops, statements: statements / ops };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU (user + system) of the cluster listening on `port`: its postmaster (found by the `port=`
 * setting on its command line) and every child (backends, WAL writer, checkpointer), from /proc.
 * A backend that exits is reaped by the postmaster, whose children's times then hold its CPU, so
 * the sum only grows and the difference of two readings is the run's database cost.
 */
function clusterCpuUs(port: number): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const read = (pid: string, file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return ''; // gone meanwhile
    }
  };
  const postmaster = procs.find((pid) =>
    read(pid, 'cmdline')
      .split('\0')
      .some((arg) => arg.includes(`port=${port}`) && read(pid, 'comm').startsWith('postgres')),
  );
  if (!postmaster) return 0;
  let ticks = 0;
  for (const pid of procs) {
    const stat = read(pid, 'stat');
    // Fields after the command's closing parenthesis: state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based overall.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // The postmaster's own, plus its reaped children's (cutime, cstime): a backend that ended
    // between two readings still counts. Live children: their own so far.
    if (pid === postmaster) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    else if (fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks / TICKS_PER_SECOND) * 1_000_000;
}

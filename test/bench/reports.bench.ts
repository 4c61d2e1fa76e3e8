import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loginHeaders } from '../helpers/credentials.ts';
import { seedHistory } from '../fixtures/history/seed-history.ts';
import { perOp, spawnServer, type ChildServer } from './spawn-server.ts';
import { round, summarize } from './stats.ts';
import type { Benchmark, BenchResult } from './types.ts';

/**
 * Days of seeded history: a full year by default (about a million tickets, ~40 s to seed on two
 * cores). LUOT_BENCH_REPORT_DAYS makes it shorter on a slow machine; the table says what ran.
 * (Read here, in the bench harness, not by the server: server config stays in server/config.ts.)
 */
const DAYS = Number(process.env.LUOT_BENCH_REPORT_DAYS ?? 365);
const END = '2026-10-31';
const RUNS = 7;
const PASSWORD = 'bench-reports-password';

export const reportsBenchmark: Benchmark = {
  name: 'reports',
  method:
    `A ${DAYS}-day history of the 30-counter seeded centre (test/fixtures/history, ≈1 M tickets a year) written once into a temp ` +
    `SQLite file (rollups rebuilt from the tickets), then every report over the whole range through HTTP against the real ` +
    `server in a child process, as an admin: ${RUNS} timed requests after one warm-up, one at a time; "p50 ms"/"max ms" are ` +
    'the wall time of the whole answer (query, aggregation, JSON or file). Exports of the ticket log cover its last month.',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'luot-bench-reports-'));
    const results: BenchResult[] = [];
    try {
      const seeded = await seedHistory({ dbFile: join(dataDir, 'luot.sqlite'), days: DAYS, end: END });
      results.push({
        case: `seed ${DAYS} days`,
        metrics: {
          tickets: seeded.tickets,
          ratings: seeded.ratings,
          'p50 ms': round((seeded.writeSeconds + seeded.rollupSeconds) * 1000, 0),
          note: `write ${seeded.writeSeconds.toFixed(1)} s + rollups ${seeded.rollupSeconds.toFixed(1)} s`,
        },
      });
      const server = await spawnServer({ DATA_DIR: dataDir, DEMO: 'false', ADMIN_PASSWORD: PASSWORD });
      try {
        const headers = await loginHeaders(server.url, 'admin', PASSWORD);
        const year = `from=${seeded.from}&to=${seeded.to}`;
        const lastMonth = `from=${END.slice(0, 8)}01&to=${END}`;
        const base = `${server.url}/api/centres/phu-an/reports`;
        const cases: [string, string][] = [
          ['timeSummary by service', `time-summary?${year}&groupBy=service`],
          ['timeSummary by counter', `time-summary?${year}&groupBy=counter`],
          ['timeSummary by officer', `time-summary?${year}&groupBy=staff`],
          ['timeSummary by day', `time-summary?${year}&groupBy=day`],
          ['timeSummary by month', `time-summary?${year}&groupBy=month`],
          ['busiestHours', `busiest-hours?${year}`],
          ['ratingSummary by officer', `rating-summary?${year}&groupBy=staff`],
          ['ratingSummary by week', `rating-summary?${year}&groupBy=week`],
          ['ticketLog first page', `tickets?${year}&limit=50`],
          ['ticketLog expired only', `tickets?${year}&state=expired&limit=50`],
          ['ticketLog one officer', `tickets?${year}&staffId=cb-07&limit=50`],
          ['liveReport', 'live'],
          ['timeSummary CSV', `time-summary?${year}&groupBy=counter&format=csv`],
          ['ratingSummary XLSX', `rating-summary?${year}&groupBy=staff&format=xlsx`],
          ['ticketLog month CSV', `tickets?${lastMonth}&format=csv`],
          ['ticketLog month XLSX', `tickets?${lastMonth}&format=xlsx`],
        ];
        for (const [name, path] of cases) results.push(await measure(server, name, `${base}/${path}`, headers, name.includes('month') ? 3 : RUNS));
        // A page deep in the log: the cursor keeps it as cheap as the first.
        results.push(await deepPage(server, `${base}/tickets?${year}&limit=50`, headers));
      } finally {
        await server.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    return results;
  },
};

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number; status: number; body: ArrayBuffer }> {
  const start = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - start, bytes: body.byteLength, status: res.status, body };
}

async function measure(server: ChildServer, name: string, url: string, headers: Record<string, string>, runs: number): Promise<BenchResult> {
  const problems: string[] = [];
  const warm = await timed(url, headers);
  if (warm.status !== 200) problems.push(`HTTP ${warm.status}: ${new TextDecoder().decode(warm.body).slice(0, 200)}`);
  const times: number[] = [];
  const before = await server.stats();
  for (let i = 0; i < runs; i++) times.push((await timed(url, headers)).ms);
  const cost = perOp(before, await server.stats(), runs);
  const s = summarize(times);
  const metrics = { 'p50 ms': round(s.p50, 1), 'max ms': round(s.max, 1), 'CPU ms': round(cost.cpuMs, 1), kB: round(warm.bytes / 1024, 1) };
  return { case: name, metrics, problems };
}

async function deepPage(server: ChildServer, url: string, headers: Record<string, string>): Promise<BenchResult> {
  let cursor: string | null = null;
  for (let page = 0; page < 200; page++) {
    const res: Response = await fetch(`${url}${cursor ? `&cursor=${cursor}` : ''}`, { headers });
    cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
    if (!cursor) break;
  }
  const result = await measure(server, 'ticketLog page 201', `${url}&cursor=${cursor}`, headers, RUNS);
  return cursor ? result : { ...result, problems: ['the log ended before page 201'] };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EXPORT_ROWS_HEADER } from '../../protocol/report-export.schemas.ts';
import { HISTORY_CENTRE_ID } from '../fixtures/history/history-centre.ts';
import { seedHistory } from '../fixtures/history/seed-history.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { spawnServer, type ChildServer } from './spawn-server.ts';
import { round, summarize } from './stats.ts';
import type { Benchmark, BenchResult } from './types.ts';

/** Days of seeded history (a year by default; LUOT_BENCH_REPORT_DAYS shortens it, like the reports bench). */
const DAYS = Number(process.env.LUOT_BENCH_REPORT_DAYS ?? 365);
const END = '2026-10-31';
const MONTH = `from=${END.slice(0, 8)}01&to=${END}`;
const RUNS = 3;
const PASSWORD = 'bench-export-password';
/** How often, during an export, the bench samples the server's RSS and asks it something else. */
const PROBE_MS = 50;

export const reportExportBenchmark: Benchmark = {
  name: 'report-export',
  method:
    `The last month (${MONTH.replace('&', ' … ')}) of a ${DAYS}-day seeded history (test/fixtures/history, ≈1 M tickets a year) exported ` +
    `as CSV and XLSX through HTTP from the real server in a child process (issue #15: streamed, pages of 1 000 tickets written 250 at a time): ` +
    `${RUNS} runs after a warm-up, one at a time. "first byte ms": until the response's first chunk; "p50 ms": until its last. ` +
    `Meanwhile, every ${PROBE_MS} ms, the server's RSS is sampled over IPC and a ticket issued (POST, a write) and /api/health read: ` +
    `"issue max ms"/"health max ms" are their slowest answers during the exports (the event loop is never held long). ` +
    '"CPU ms": server CPU per export. "peak RSS MB": the largest sample; "idle RSS MB": before the first export. "B/row": bytes ÷ rows.',
  notes:
    'Before issue #15 an export was built whole before its first byte (reports bench of 2026-11-23, before the history of issue #14: ' +
    'month CSV 1.6 s, XLSX 4.4 s with nothing sent meanwhile and the whole ticket list and file in memory). Issue #15 also made the ' +
    "history reads use the ticket_id indexes: SQLite's planner took a (centre_id, …) index and read every rating of the centre for " +
    "each 500 tickets (CSV of a 62-day seed's month in-process: 7.8 s before, 3.7 s after). The XLSX B/row (history sheet included) " +
    'is of the seeded trail, which holds only what reports read; with the whole audit trail it is ≈ 310, the figure the page uses to ' +
    'estimate rows received (reports/export-progress.ts XLSX_BYTES_PER_ROW). The first XLSX after a start also loads exceljs (≈ 0.5 s ' +
    'held once, not measured here: the warm-up takes it).',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'luot-bench-export-'));
    const results: BenchResult[] = [];
    try {
      const seeded = await seedHistory({ dbFile: join(dataDir, 'luot.sqlite'), days: DAYS, end: END });
      results.push({
        case: `seed ${DAYS} days`,
        metrics: { rows: seeded.tickets, note: `write ${seeded.writeSeconds.toFixed(1)} s + rollups ${seeded.rollupSeconds.toFixed(1)} s` },
      });
      const server = await spawnServer({ DATA_DIR: dataDir, DEMO: 'false', ADMIN_PASSWORD: PASSWORD });
      try {
        const headers = await loginHeaders(server.url, 'admin', PASSWORD);
        const idle = (await server.stats()).rssBytes;
        for (const format of ['csv', 'xlsx'] as const) results.push(await measure(server, headers, format, idle));
      } finally {
        await server.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    return results;
  },
};

interface Run {
  firstByteMs: number;
  ms: number;
  bytes: number;
  rows: number;
}

async function exportOnce(url: string, headers: Record<string, string>): Promise<Run> {
  const start = performance.now();
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const reader = res.body!.getReader();
  let firstByteMs = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += value.byteLength;
  }
  return { firstByteMs, ms: performance.now() - start, bytes, rows: Number(res.headers.get(EXPORT_ROWS_HEADER)) };
}

async function measure(server: ChildServer, headers: Record<string, string>, format: 'csv' | 'xlsx', idleRss: number): Promise<BenchResult> {
  const url = `${server.url}/api/centres/${HISTORY_CENTRE_ID}/reports/tickets?${MONTH}&format=${format}`;
  const problems: string[] = [];
  await exportOnce(url, headers);
  let exporting = true;
  let peakRss = 0;
  const issue: number[] = [];
  const health: number[] = [];
  const timed = async (into: number[], init: () => Promise<Response>) => {
    const t = performance.now();
    const res = await init();
    await res.arrayBuffer();
    into.push(performance.now() - t);
    if (!res.ok) problems.push(`probe answered ${res.status}`);
  };
  const probes = (async () => {
    while (exporting) {
      peakRss = Math.max(peakRss, (await server.stats()).rssBytes);
      await timed(issue, () =>
        fetch(`${server.url}/api/centres/${HISTORY_CENTRE_ID}/tickets`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId: 'tu-phap-ho-tich' }),
        }),
      );
      await timed(health, () => fetch(`${server.url}/api/health`));
      await new Promise((r) => setTimeout(r, PROBE_MS));
    }
  })();
  const before = await server.stats();
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await exportOnce(url, headers));
  } finally {
    exporting = false;
    await probes;
  }
  const after = await server.stats();
  const total = summarize(runs.map((r) => r.ms));
  const first = summarize(runs.map((r) => r.firstByteMs));
  const last = runs.at(-1)!;
  return {
    case: `ticket log month ${format.toUpperCase()}`,
    metrics: {
      rows: last.rows,
      'first byte ms': round(first.p50, 1),
      'p50 ms': round(total.p50, 0),
      'CPU ms': round((after.cpuUs - before.cpuUs) / 1000 / RUNS, 0),
      'idle RSS MB': round(idleRss / 2 ** 20, 0),
      'peak RSS MB': round(peakRss / 2 ** 20, 0),
      'issue max ms': round(Math.max(...issue), 1),
      'health max ms': round(Math.max(...health), 1),
      kB: round(last.bytes / 1024, 0),
      'B/row': round(last.bytes / Math.max(1, last.rows), 0),
    },
    problems,
  };
}

import type { Service, Snapshot, TicketStatus } from '../../protocol/index.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { keepAliveAgent, postLoad, type LoadRun } from './load.ts';
import { checkNumbering } from './numbering-check.ts';
import { spawnServer } from './spawn-server.ts';
import { round, summarize } from './stats.ts';
import type { Benchmark, BenchResult } from './types.ts';

const CENTRE = 'demo';
/** 1 is the baseline: service time with no queueing. */
const LEVELS = [1, 20, 100];
const REQUESTS = 2_000;
/** Enough to JIT the hot paths and open every keep-alive socket before timing starts. */
const WARM_UP = 200;

export const issueTicketsBenchmark: Benchmark = {
  name: 'issue-tickets',
  method:
    `POST /api/centres/${CENTRE}/tickets over keep-alive HTTP, closed loop at each concurrency, ` +
    `${REQUESTS} timed requests after ${WARM_UP} warm-up, round-robin over the demo services; ` +
    'as a logged-in officer (a single kiosk token would be rate-limited, by design); ' +
    'the server runs in a child process with a fresh SQLite file per level, so each level goes from ' +
    `0 to ${WARM_UP + REQUESTS} waiting tickets (issue cost grows with them; req/s averages over that range).`,
  async run() {
    const results: BenchResult[] = [];
    for (const concurrency of LEVELS) results.push(await runLevel(concurrency));
    return results;
  },
};

async function runLevel(concurrency: number): Promise<BenchResult> {
  // A fresh server per level: each level starts from an empty ticket table, so levels compare.
  const server = await spawnServer();
  const agent = keepAliveAgent(concurrency);
  try {
    const headers = await loginHeaders(server.url, 'admin');
    const services = (await getJson<Service[]>(`${server.url}/api/centres/${CENTRE}/services`, headers)).filter((s) => s.active);
    const url = `${server.url}/api/centres/${CENTRE}/tickets`;
    const body = (i: number) => ({ serviceId: services[i % services.length]!.id });
    const warm = await postLoad({ agent, url, concurrency, total: WARM_UP, body, headers });
    const timed = await postLoad({ agent, url, concurrency, total: REQUESTS, body, headers });
    const snapshot = await getJson<Snapshot>(`${server.url}/api/centres/${CENTRE}/snapshot`, headers);
    return toResult(concurrency, timed, verify([warm, timed], snapshot));
  } finally {
    agent.destroy();
    await server.stop();
  }
}

function toResult(concurrency: number, run: LoadRun, check: { summary: string; problems: string[] }): BenchResult {
  const latency = summarize(run.latencies);
  const failed = run.replies.filter((r) => r.status !== 200);
  const errors = failed.length;
  // Errors are a problem, not just a column: 2,000 fast 429s (say, from a rate limit) would read
  // as great throughput.
  const problems = [...check.problems];
  if (failed[0]) problems.push(`${errors} non-200 replies, first: ${failed[0].status} ${failed[0].body.slice(0, 200)}`);
  return {
    case: `concurrency ${concurrency}`,
    metrics: {
      requests: run.replies.length,
      errors,
      'req/s': round((run.replies.length / run.elapsedMs) * 1000, 0),
      'p50 ms': round(latency.p50),
      'p99 ms': round(latency.p99),
      'max ms': round(latency.max),
      numbering: check.summary,
    },
    problems,
  };
}

/** Every issued ticket (warm-up included) against the numbering rule and the server's own counts. */
function verify(runs: LoadRun[], snapshot: Snapshot): { summary: string; problems: string[] } {
  const tickets = runs
    .flatMap((r) => r.replies)
    .filter((r) => r.status === 200)
    .map((r) => (JSON.parse(r.body) as TicketStatus).ticket);
  const problems: string[] = [];
  for (const q of checkNumbering(tickets).queues) {
    const queue = `${q.serviceId} on ${q.businessDay}`;
    if (q.duplicates > 0) problems.push(`${queue}: ${q.duplicates} duplicate numbers`);
    if (!q.contiguous) problems.push(`${queue}: numbers are not 1..${q.count}`);
    // Nothing is called during the run, so every ticket of today must still be waiting.
    const waiting = snapshot.waiting[q.serviceId] ?? 0;
    if (q.businessDay === snapshot.businessDay && waiting !== q.count) {
      problems.push(`${queue}: snapshot says ${waiting} waiting, ${q.count} issued`);
    }
  }
  const summary = problems.length === 0 ? `${tickets.length} distinct, gap-free; snapshot agrees` : 'FAILED';
  return { summary, problems };
}

async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { TICKET_NAMESPACE, type TicketStatus } from '../../protocol/index.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { spawnServer } from './spawn-server.ts';
import { round, summarize } from './stats.ts';
import type { Benchmark, BenchResult } from './types.ts';

const CENTRE = 'demo';
/** Issues per second, open loop (a busy centre's kiosks at their fastest). */
const RATE = 5;
const ISSUES = 100;
/** Followers on one ticket (the abuse found in issue #10), and spread 20 a ticket (the default cap). */
const CASES = [
  { followers: 0, tickets: 0 },
  { followers: 2_000, tickets: 1 },
  { followers: 2_000, tickets: 100 },
];
const CONNECT_BATCH = 100;
/** The demo counter and the one service it calls. */
const COUNTER = 'quay-1';
const SERVICE = 'tu-phap-ho-tich';
const AHEAD = 60;

export const ticketFollowersBenchmark: Benchmark = {
  name: 'ticket-followers',
  method:
    `POST /api/centres/${CENTRE}/tickets at ${RATE}/s (open loop, ${ISSUES} timed issues, one service) as a logged-in officer, ` +
    `while N socket.io clients on /ticket (websocket) follow waiting tickets of that service (behind ${AHEAD} others) — all on one ticket, ` +
    `or 20 a ticket — and ${COUNTER} finishes and calls the next ticket once a second (untimed), so every follower's place changes. ` +
    'The caps (TICKET_FOLLOWERS_PER_TICKET / _PER_ADDRESS) are lifted for the run: the followers all come from 127.0.0.1. ' +
    "'updates' counts ticket:status messages the followers received during the run. The server runs in a child process with a fresh SQLite file per case. " +
    'For comparison, the same run against the /ticket namespace before issue #10 (each socket re-reading its ticket on every burst of facts), ' +
    'on this machine on 2026-12-03: p50 4,181 ms with 2,000 followers on 1 ticket and 417 ms on 100 tickets, against 11 ms with none.',
  async run() {
    const results: BenchResult[] = [];
    for (const c of CASES) results.push(await runCase(c.followers, c.tickets));
    return results;
  },
};

async function runCase(followers: number, tickets: number): Promise<BenchResult> {
  const server = await spawnServer({ TICKET_FOLLOWERS_PER_TICKET: '100000', TICKET_FOLLOWERS_PER_ADDRESS: '100000' });
  const sockets: Socket[] = [];
  let updates = 0;
  try {
    const headers = await loginHeaders(server.url, 'admin');
    const api = (path: string, body: unknown = {}) => post(`${server.url}/api/centres/${CENTRE}${path}`, body, headers);
    const issue = () => api('/tickets', { serviceId: SERVICE });
    // Tickets ahead of the followed ones, so the calls during the run move them up without reaching them.
    for (let i = 0; i < AHEAD; i++) await issue();
    await api(`/counters/${COUNTER}/open`);
    const followed: string[] = [];
    for (let i = 0; i < tickets; i++) followed.push((await issue()).ticket.id);
    for (let i = 0; i < followers; i += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, followers - i) }, (_, j) => connectFollower(server.url, followed[(i + j) % tickets]!));
      sockets.push(...(await Promise.all(batch)));
    }
    for (const s of sockets) s.on('ticket:status', () => updates++);
    for (let i = 0; i < 10; i++) await issue(); // warm-up
    updates = 0;

    const latencies: number[] = [];
    const started = performance.now();
    const inFlight: Promise<unknown>[] = [];
    // The counter's steps one after the other, even when the server is slow to answer them.
    let counterWork: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < ISSUES; i++) {
      const due = started + (i * 1000) / RATE;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const sent = performance.now();
      inFlight.push(issue().then(() => void latencies.push(performance.now() - sent)));
      // Once a second the counter finishes and calls the next citizen: every follower's place changes.
      if (i % RATE === 0) {
        const first = i === 0;
        counterWork = counterWork.then(() => (first ? undefined : api(`/counters/${COUNTER}/finish`))).then(() => api(`/counters/${COUNTER}/call-next`));
      }
    }
    await Promise.all([...inFlight, counterWork]);
    await new Promise((r) => setTimeout(r, 500)); // the last refresh's updates
    const latency = summarize(latencies);
    return {
      case: followers === 0 ? 'no followers' : `${followers} followers on ${tickets} ticket(s)`,
      metrics: {
        followers,
        tickets,
        issues: latencies.length,
        'p50 ms': round(latency.p50),
        'p99 ms': round(latency.p99),
        'max ms': round(latency.max),
        updates,
      },
      problems: followers > 0 && updates === 0 ? ['the followers received no update'] : [],
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await server.stop();
  }
}

function connectFollower(url: string, ticketId: string): Promise<Socket> {
  const socket = io(`${url}${TICKET_NAMESPACE}`, { auth: { ticketId }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a follower got no view within 60 s')), 60_000);
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('ticket:status', () => {
      clearTimeout(timer);
      resolve(socket);
    });
  });
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<TicketStatus> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as TicketStatus;
}

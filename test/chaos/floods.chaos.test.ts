import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CentreEvents } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { controlIssuer, MB, raiseKioskLimits, rssSampler, startMainProcess, type ControlResult, type MainProcess } from '../helpers/chaos-server.ts';
import { rssOf } from '../helpers/chaos.ts';
import { spawnChild, tsxNodeArgs } from '../helpers/child.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { centreClient, connect } from '../helpers/sockets.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/**
 * Floods against the real server process, each with a control request running beside it (the
 * demo kiosk issuing a ticket every 250 ms): the control must stay under CONTROL_MAX_MS and the
 * server's resident memory must stay within a bound of where it started.
 * (a) four 450 MB request bodies at once, (b) 2,000 `/ticket` sockets on one ticket id,
 * (c) 1,000 `snapshot:request` from one display socket.
 */
const CONTROL_MAX_MS = 1000;
/** Past this much growth a flood is stopped at once (a server without the fix would eat the machine). */
const RSS_EMERGENCY = 1200 * MB;

let dir: ReturnType<typeof tempDir>;
let server: MainProcess;
let serviceId: string;

async function boot(env: Record<string, string> = {}) {
  dir = tempDir('luot-chaos-flood');
  server = await startMainProcess(dir.path, env);
  await raiseKioskLimits(server.url);
  const services = (await (await fetch(`${server.url}/api/centres/demo/services`, { headers: { authorization: `Bearer ${DEMO_TOKENS.display}` } })).json()) as {
    id: string;
  }[];
  serviceId = services[0]!.id;
  // Warm up: the first requests compile and open what later ones reuse.
  for (let i = 0; i < 5; i++) await (await issue()).arrayBuffer();
}

afterEach(async () => {
  await server?.child.stop(3000);
  dir?.remove();
});

const issue = () =>
  fetch(`${server.url}/api/centres/demo/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });

/** The admin at a counter serving `service`, calling and finishing the next ticket every 300 ms. */
function officerCalling(service: string) {
  let running = true;
  const loop = (async () => {
    const admin = await loginHeaders(server.url, 'admin');
    const headers = { ...admin, 'content-type': 'application/json' };
    const counters = (await (await fetch(`${server.url}/api/centres/demo/counters`, { headers: admin })).json()) as { id: string; serviceIds: string[] }[];
    const counter = counters.find((c) => c.serviceIds.includes(service))!;
    const at = (action: string) => fetch(`${server.url}/api/centres/demo/counters/${counter.id}/${action}`, { method: 'POST', headers, body: '{}' });
    await at('open');
    while (running) {
      await at('call-next');
      await settle(150);
      await at('finish');
      await settle(150);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const summary = (c: ControlResult) =>
  `control p50 ${c.p50.toFixed(0)} ms, max ${c.max.toFixed(0)} ms over ${c.latencies.length} (statuses ${[...new Set(c.statuses)].join(',')})`;

/** Streams a `bytes`-long JSON body (never held in memory here) and resolves with the answer, if any. */
function hugeUpload(path: string, bytes: number, chunked: boolean, signal: AbortSignal): Promise<{ status: number; text: string; sentMb: number }> {
  const url = new URL(server.url);
  const chunk = Buffer.alloc(MB, 'a');
  const head = Buffer.from('{"username":"admin","password":"');
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (status: number, text: string) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, text, sentMb: Math.round(sent / MB) });
    };
    const req = request({
      host: url.hostname,
      port: url.port,
      path,
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(bytes) }) },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(parts).toString('utf8')));
      res.on('error', () => finish(res.statusCode ?? 0, Buffer.concat(parts).toString('utf8')));
    });
    req.on('error', (error) => setTimeout(() => finish(0, `no answer: ${error.message}`), 500));
    signal.addEventListener('abort', () => finish(0, 'stopped: the server grew past the emergency bound'));
    const pump = () => {
      if (sent === 0) {
        req.write(head);
        sent += head.length;
      }
      while (!done && sent < bytes - 2) {
        const n = Math.min(chunk.length, bytes - 2 - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!done) req.end('"}');
    };
    pump();
  });
}

describe('floods (docs/testing.md)', () => {
  it('(a) four 450 MB bodies at once: each refused with 413 request.too_large, memory flat, the kiosk served', async () => {
    await boot();
    const stop = new AbortController();
    const baseline = (await rssOf(server.pid))!;
    const sampler = rssSampler(server.pid, { capBytes: baseline + RSS_EMERGENCY, onCap: () => stop.abort() });
    const control = controlIssuer(server.url, serviceId);
    const size = 450 * MB;
    const answers = await Promise.all([
      hugeUpload('/api/auth/login', size, false, stop.signal),
      hugeUpload('/api/auth/login', size, true, stop.signal),
      hugeUpload('/api/centres/demo/tickets', size, false, stop.signal),
      hugeUpload('/api/centres/demo/settings', size, true, stop.signal),
    ]);
    await settle(1000);
    const c = await control.stop();
    const mem = sampler.stop();
    const growth = `RSS ${Math.round(baseline / MB)} → peak ${Math.round(mem.peak / MB)} MB`;
    console.info(`(a) ${answers.map((a) => `${a.status} after ${a.sentMb} MB`).join(', ')}; ${summary(c)}; ${growth}`);
    for (const a of answers) {
      expect({ status: a.status, code: JSON.parse(a.text || '{}').error?.code }, `${growth}; sent ${a.sentMb} MB; ${a.text.slice(0, 200)}`).toEqual({
        status: 413,
        code: 'request.too_large',
      });
    }
    expect(mem.peak - baseline, growth).toBeLessThan(100 * MB);
    expect(c.max, summary(c)).toBeLessThan(CONTROL_MAX_MS);
  });

  // Default caps: most of the flood is refused at the handshake. Raised caps (a centre whose phones
  // all come through one NAT address): 2,000 sockets really follow the ticket, and the fan-out
  // itself must keep the kiosk served.
  it.each<{ label: string; env: Record<string, string>; atLeast: number }>([
    { label: 'default caps', env: {}, atLeast: 1 },
    { label: 'caps raised to 5,000: all 2,000 admitted', env: { TICKET_FOLLOWERS_PER_TICKET: '5000', TICKET_FOLLOWERS_PER_ADDRESS: '5000' }, atLeast: 1900 },
  ])('(b) 2,000 /ticket sockets on one ticket id, $label: the kiosk served, memory bounded', async ({ env, atLeast }) => {
    await boot(env);
    const followed = (await (await issue()).json()) as { ticket: { id: string } };
    await settle(300);
    const base = (await rssOf(server.pid))!;
    const sampler = rssSampler(server.pid, { capBytes: base + RSS_EMERGENCY, onCap: () => flood.kill('SIGKILL') });
    // The flood runs in a process of its own: its work must not slow the control's client.
    const flood = spawnChild(process.execPath, tsxNodeArgs('test/helpers/ticket-flood.ts', server.url, followed.ticket.id, '2000'));
    try {
      const [line, connected] = await flood.waitForLine(/^flood: (\d+) connected.*$/, 90_000);
      // Every issued ticket is a fact the followers' views are recomputed for; an officer calling
      // the tickets ahead of the followed one changes its view, which goes to every follower.
      const control = controlIssuer(server.url, serviceId);
      const officer = officerCalling(serviceId);
      await settle(5000);
      const c = await control.stop();
      await officer.stop();
      const mem = sampler.stop();
      const holding = flood.stdout().trim().split('\n').at(-1) ?? '';
      const updates = Number(holding.match(/(\d+) updates/)?.[1] ?? 0);
      const what = `${line}; then ${holding}; ${summary(c)}; RSS ${Math.round(base / MB)} → peak ${Math.round(mem.peak / MB)} MB`;
      console.info(`(b) ${what}`);
      expect(Number(connected), what).toBeGreaterThanOrEqual(atLeast);
      // The followers did get the changes (the flood is a real fan-out, not idle sockets).
      expect(updates, what).toBeGreaterThanOrEqual(3 * Number(connected));
      expect(c.max, what).toBeLessThan(CONTROL_MAX_MS);
      expect(mem.peak - base, what).toBeLessThan(200 * MB);
    } finally {
      sampler.stop();
      flood.proc.stdin.end();
      await flood.stop(3000);
    }
  });

  it('(c) 1,000 snapshot:request from one display socket: the kiosk served, memory bounded', async () => {
    await boot();
    const base = (await rssOf(server.pid))!;
    const display = centreClient(server.url, { centreId: 'demo', token: DEMO_TOKENS.display });
    const sampler = rssSampler(server.pid, { capBytes: base + RSS_EMERGENCY, onCap: () => display.close() });
    try {
      await connect(display.socket);
      await display.waitFor((r) => r.event === CentreEvents.snapshot);
      const control = controlIssuer(server.url, serviceId);
      await settle(250);
      const outcomes = new Map<string, number>();
      const acks = Array.from(
        { length: 1000 },
        () =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => resolve(void outcomes.set('no answer', (outcomes.get('no answer') ?? 0) + 1)), 20_000);
            display.socket.emit(CentreEvents.requestSnapshot, {}, (result) => {
              clearTimeout(timer);
              const key = result.ok ? 'ok' : result.error.code;
              outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
              resolve();
            });
          }),
      );
      await Promise.race([Promise.all(acks), settle(20_000)]);
      await settle(500);
      const c = await control.stop();
      const mem = sampler.stop();
      const what = `answers ${[...outcomes].map(([k, v]) => `${k} × ${v}`).join(', ')}; ${summary(c)}; RSS ${Math.round(base / MB)} → peak ${Math.round(mem.peak / MB)} MB`;
      console.info(`(c) ${what}`);
      expect(c.max, what).toBeLessThan(CONTROL_MAX_MS);
      expect(mem.peak - base, what).toBeLessThan(200 * MB);
    } finally {
      sampler.stop();
      display.close();
    }
  });
});

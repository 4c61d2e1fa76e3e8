import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_NAMESPACE, TICKET_NAMESPACE } from '../../../protocol/index.ts';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { hasNginx, startNginx, type Nginx } from '../../helpers/nginx.ts';
import { findPgBin, startCluster, type PgCluster } from '../../helpers/postgres-cluster.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import {
  emptyAcks,
  httpFrom,
  login,
  loopback,
  METRICS_TOKEN,
  openObserver,
  rawSocket,
  runLoad,
  socketsOn,
  startInstance,
  until,
  type Http,
  type Instance,
  type Kiosk,
  type Observer,
  type Officer,
} from './balancer.helpers.ts';

/**
 * Issue 13, "A real load balancer": Debian's nginx with the shipped config (deploy/nginx/) in front
 * of three real instances on one private PostgreSQL cluster; 50 kiosks and 30 counters, displays,
 * consoles, status pages and a bridge, all through nginx from their own loopback addresses; then
 * `kill -9` of one instance under load. Skipped loudly without nginx or PostgreSQL, except under
 * CI=true, where that fails.
 */
const missing = [!hasNginx() && 'nginx (apt-get install nginx)', !findPgBin() && 'PostgreSQL (apt-get install postgresql)'].filter(Boolean);
if (missing.length > 0) {
  const message = `${missing.join(' and ')} not installed: the balancer tests are SKIPPED.`;
  if (process.env.CI === 'true') throw new Error(`${message} CI=true requires them.`);
  console.warn(`\n*** ${message} ***\n`);
}

const KIOSKS = 50;
const COUNTERS = 30;
const dir = tempDir('luot-balancer');
let cluster: PgCluster;
let db: pg.Client;
const instances: Instance[] = [];
let nginx: Nginx;
let base: string;
let kiosks: Kiosk[] = [];
let officers: Officer[] = [];
let bridge: Kiosk;
let services: string[] = [];
const clients: Http[] = [];
const observers: { name: string; observer: Observer }[] = [];
const followers = new Map<string, { socket: Socket; states: string[] }>();
const armed = new Set<string>();
let bridgeSocket: Socket;

const client = (n: number) => {
  const http = httpFrom(loopback(n));
  clients.push(http);
  return http;
};
const query = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const latestSeq = async () => Number((await query<{ event_seq: string }>(`SELECT event_seq FROM centres WHERE id = 'demo'`))[0]!.event_seq);

/** Numbers distinct and 1, 2, 3 … per service and day; each ticket called at most once. */
async function checkNumbering() {
  const groups = await query<{ service_id: string; business_day: string; seqs: number[] }>(
    'SELECT service_id, business_day, array_agg(seq::int ORDER BY seq) AS seqs FROM tickets GROUP BY service_id, business_day',
  );
  for (const g of groups) expect(g.seqs, `seq of ${g.service_id} on ${g.business_day}`).toEqual(g.seqs.map((_, i) => i + 1));
  expect(await query('SELECT business_day, number, count(*) FROM tickets GROUP BY centre_id, business_day, number HAVING count(*) > 1')).toEqual([]);
  expect(await query(`SELECT ticket_id, count(*) FROM ticket_events WHERE to_state = 'called' GROUP BY ticket_id HAVING count(*) > 1`)).toEqual([]);
}

describe.skipIf(missing.length > 0)('nginx in front of three instances on one PostgreSQL cluster', () => {
  beforeAll(async () => {
    cluster = await startCluster();
    const url = await cluster.createDatabase('luot_balancer');
    db = new pg.Client({ connectionString: url });
    await db.connect();
    const dataDir = (i: number) => {
      const d = join(dir.path, `instance-${i}`);
      mkdirSync(d);
      return d;
    };
    // The first makes the demo centre (DEMO=true); the others find it in the database.
    instances.push(await startInstance(url, dataDir(0), true));
    instances.push(...(await Promise.all([1, 2].map((i) => startInstance(url, dataDir(i), false)))));
    nginx = await startNginx(instances.map((i) => i.address));
    base = nginx.url;

    // Set-up through nginx as the demo admin: 24 more counters serving every service, 30 officers, 50 kiosks.
    const adminHttp = client(0);
    const admin = await login(adminHttp, base, 'admin');
    const put = (path: string, body: unknown) => adminHttp.send(base, 'PUT', `/api/centres/demo${path}`, admin, body);
    const post = (path: string, body: unknown) => adminHttp.send(base, 'POST', `/api/centres/demo${path}`, admin, body);
    expect((await put('/settings', { kioskBurst: 100, kioskPerMinute: 600 })).status).toBe(200);
    services = ((await adminHttp.send(base, 'GET', '/api/centres/demo/snapshot', admin)).body.services as { id: string }[]).map((s) => s.id);
    for (let n = 7; n <= COUNTERS; n++) {
      const res = await put(`/counters/quay-${n}`, { number: n, serviceIds: services });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const password = 'balancer-officer-pw';
    officers = await Promise.all(
      Array.from({ length: COUNTERS }, async (_, i) => {
        const username = `officer${i + 1}`;
        const created = await post('/staff', { username, name: `Officer ${i + 1}`, role: 'staff', password, mustChangePassword: false });
        expect(created.status, JSON.stringify(created.body)).toBe(200);
        const http = client(100 + i);
        const headers = await login(http, base, username, password);
        const counterId = `quay-${i + 1}`;
        const opened = await http.send(base, 'POST', `/api/centres/demo/counters/${counterId}/open`, headers, {});
        expect(opened.status, JSON.stringify(opened.body)).toBe(200);
        return { http, headers, counterId };
      }),
    );
    kiosks = await Promise.all(
      Array.from({ length: KIOSKS }, async (_, i) => {
        const made = await post('/device-tokens', { kind: 'kiosk', name: `Kiosk ${i + 1}` });
        expect(made.status, JSON.stringify(made.body)).toBe(200);
        return { http: client(200 + i), headers: { authorization: `Bearer ${made.body.token}` } };
      }),
    );
    bridge = { http: client(300), headers: { authorization: `Bearer ${DEMO_TOKENS.bridge}` } };

    // Watchers, all through nginx: 6 hall displays, 3 consoles, the bridge.
    for (let i = 0; i < 6; i++) observers.push({ name: `display ${i + 1}`, observer: openObserver(base, loopback(400 + i), { token: DEMO_TOKENS.display }) });
    for (let i = 0; i < 3; i++)
      observers.push({ name: `console ${officers[i]!.counterId}`, observer: openObserver(base, loopback(100 + i), { headers: officers[i]!.headers }) });
    bridgeSocket = rawSocket(base, BRIDGE_NAMESPACE, loopback(300), { token: DEMO_TOKENS.bridge });
    bridgeSocket.on('keypad:arm', (arm: { ticketId: string }) => armed.add(arm.ticketId));
    bridgeSocket.on('connect', () => bridgeSocket.emit('bridge:hello', { bridgeVersion: 'balancer-test', devices: [] }, () => undefined));
    await until(() => observers.every((o) => o.observer.client.state !== null) && bridgeSocket.connected, 'displays, consoles and the bridge connected');
  }, 120_000);

  afterAll(async () => {
    for (const o of observers) o.observer.close();
    for (const f of followers.values()) f.socket.close();
    bridgeSocket?.close();
    for (const c of clients) c.close();
    await nginx?.stop();
    await Promise.all(instances.map((i) => i.child.stop(3000)));
    await db?.end();
    await cluster?.stop();
    dir.remove();
  }, 60_000);

  it('spreads the watchers over the instances (nginx hashes the client address)', async () => {
    const perInstance = await Promise.all(instances.map(socketsOn));
    expect(perInstance.filter((c) => (c['/centre'] ?? 0) > 0).length, JSON.stringify(perInstance)).toBeGreaterThanOrEqual(2);
  });

  it('hides /metrics and tells the instances the real client address, whatever X-Forwarded-For the client sends', async () => {
    const outsider = client(600);
    expect((await outsider.send(base, 'GET', '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(404);
    expect((await fetch(`${instances[0]!.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
    expect((await outsider.send(base, 'GET', '/api/ready')).status).toBe(200);
    // Failed logins with a forged X-Forwarded-For: the address nginx saw is the one throttled.
    // 20 free failures per address (other usernames each time), then the address is locked.
    let refused = 0;
    for (let i = 1; i <= 25 && refused === 0; i++) {
      const res = await outsider.send(
        base,
        'POST',
        '/api/auth/login',
        { origin: base, 'x-forwarded-for': `203.0.113.${i}` },
        { username: `nobody${i}`, password: 'wrong-password' },
      );
      if (res.status === 429) refused = i;
      else expect(res.status).toBe(401);
    }
    expect(refused, 'the attempt the address lock refused').toBeGreaterThan(20);
    const locks = await query<{ subject: string; address: string }>(`SELECT subject, address FROM security_events WHERE subject LIKE 'addr:%'`);
    expect(locks).toEqual([{ subject: `addr:${loopback(600)}`, address: loopback(600) }]);
    // Locked from that address, through whichever instance; another address logs in.
    expect((await outsider.send(base, 'POST', '/api/auth/login', { origin: base }, { username: 'admin', password: DEMO_PASSWORD })).status).toBe(429);
    await login(client(601), base, 'admin');
  });

  it('50 kiosks and 30 counters through nginx: numbers distinct and gap-free, each ticket called once', async () => {
    const acks = emptyAcks();
    let issuing = true;
    const stop = new AbortController();
    // Status pages follow the first tickets as soon as they are issued.
    const follow = setInterval(() => {
      for (const id of [...acks.tickets.keys()].slice(0, 10)) {
        if (followers.has(id)) continue;
        const states: string[] = [];
        const socket = rawSocket(base, TICKET_NAMESPACE, loopback(500 + followers.size), { ticketId: id });
        socket.on('ticket:status', (view: { ticket: { state: string } }) => states.push(view.ticket.state));
        followers.set(id, { socket, states });
      }
    }, 20);
    const load = runLoad({ base, kiosks, officers, serviceIds: services, acks, ticketsPerKiosk: 4, doneIssuing: () => !issuing, signal: stop.signal });
    await until(() => acks.tickets.size === KIOSKS * 4, 'every kiosk to issue 4 tickets', 30_000);
    issuing = false;
    const timer = setTimeout(() => stop.abort(), 30_000);
    await load;
    clearTimeout(timer);
    clearInterval(follow);

    expect(acks.lost).toBe(0);
    expect(acks.tickets.size).toBe(KIOSKS * 4);
    await checkNumbering();
    // The queue drained: every ticket called exactly once, by the counter that was told so.
    const calls = await query<{ ticket_id: string; counter_id: string }>(`SELECT ticket_id, counter_id FROM ticket_events WHERE to_state = 'called'`);
    expect(calls.length).toBe(KIOSKS * 4);
    expect(new Set(acks.calls.map((c) => c.ticketId)).size).toBe(acks.calls.length);
    const byTicket = new Map(calls.map((c) => [c.ticket_id, c.counter_id]));
    expect(acks.calls.filter((c) => byTicket.get(c.ticketId) !== c.counterId)).toEqual([]);
    // The work went through every instance (nginx logs the upstream of each request).
    const upstreams = new Set([...nginx.accessLog().matchAll(/upstream=(127[^\s,]+)/g)].map((m) => m[1]));
    expect(upstreams.size, [...upstreams].join(' ')).toBe(3);
  }, 60_000);

  it('displays, consoles, status pages and the bridge saw every call', async () => {
    const calledIds = (await query<{ ticket_id: string }>(`SELECT ticket_id FROM ticket_events WHERE to_state = 'called'`)).map((r) => r.ticket_id);
    const seq = await latestSeq();
    await until(() => observers.every((o) => o.observer.client.state?.seq === seq), 'every watcher at the latest seq', 5000);
    for (const { name, observer } of observers) {
      expect(
        calledIds.filter((id) => !observer.called.has(id)),
        `${name}: calls it did not receive as ticket:called`,
      ).toEqual([]);
    }
    // Status pages (/ticket): each followed ticket was seen called (or done). Needs /ticket
    // followers across instances.
    expect(followers.size).toBeGreaterThan(0);
    await until(
      () => [...followers.values()].every((f) => f.states.some((s) => s !== 'waiting')),
      `every status page to see its ticket called (${[...followers.values()].map((f) => f.states.join('>')).join(', ')})`,
      5000,
    ).catch((error: Error) => expect.fail(error.message));
    // The bridge: every finished ticket armed its counter's keypad. Needs keypads across instances.
    const finished = (await query<{ ticket_id: string }>(`SELECT ticket_id FROM ticket_events WHERE to_state = 'done'`)).map((r) => r.ticket_id);
    expect(finished.filter((id) => !armed.has(id)).length, 'finished tickets the bridge was not asked to arm a keypad for').toBe(0);
  });

  it('kill -9 of one instance under load: nothing acknowledged lost or doubled, every client back within 5 s', async () => {
    const acks = emptyAcks();
    const stop = new AbortController();
    const load = runLoad({ base, kiosks, officers, bridge, serviceIds: services, acks, doneIssuing: () => false, signal: stop.signal });
    await until(() => acks.finishes.length > 20, 'the load to be running', 15_000);
    // The instance holding the most /centre sockets: its clients must come back through another.
    const sockets = await Promise.all(instances.map(socketsOn));
    const victim = sockets.map((c, i) => ({ i, n: c['/centre'] ?? 0 })).sort((a, b) => b.n - a.n)[0]!;
    expect(victim.n).toBeGreaterThan(0);
    const killed = instances[victim.i]!;
    const killedAt = Date.now();
    killed.child.kill('SIGKILL');
    expect((await killed.child.exited).signal).toBe('SIGKILL');
    const survivors = instances.filter((i) => i !== killed);

    // The load goes on through nginx for a while, then stops; every watcher must be back and at
    // the latest seq within 5 s of the kill.
    await new Promise((r) => setTimeout(r, 1500));
    stop.abort();
    await load;
    const seq = await latestSeq();
    await until(
      () =>
        observers.every((o) => o.observer.client.status === 'online' && o.observer.client.state?.seq === seq) &&
        bridgeSocket.connected &&
        [...followers.values()].every((f) => f.socket.connected),
      `every watcher, status page and the bridge back, watchers resynchronised (${observers.map((o) => `${o.name}: ${o.observer.client.status} seq ${o.observer.client.state?.seq}`).join(', ')}; latest ${seq})`,
      Math.max(0, 5000 - (Date.now() - killedAt)),
    );
    const back = await Promise.all(survivors.map(socketsOn));
    expect(back.reduce((n, c) => n + (c['/centre'] ?? 0), 0)).toBeGreaterThanOrEqual(observers.length);

    // Everything acknowledged is in PostgreSQL exactly once.
    const tickets = new Map((await query<{ id: string; number: string }>('SELECT id, number FROM tickets')).map((t) => [t.id, t.number]));
    expect(
      [...acks.tickets].filter(([id, t]) => tickets.get(id) !== t.number),
      'acknowledged tickets missing or renumbered',
    ).toEqual([]);
    const events = await query<{ ticket_id: string; to_state: string; counter_id: string }>('SELECT ticket_id, to_state, counter_id FROM ticket_events');
    const count = (ticketId: string, state: string, counterId: string) =>
      events.filter((e) => e.ticket_id === ticketId && e.to_state === state && e.counter_id === counterId).length;
    expect(
      acks.calls.filter((c) => count(c.ticketId, 'called', c.counterId) !== 1),
      'acknowledged calls',
    ).toEqual([]);
    expect(
      acks.finishes.filter((f) => count(f.ticketId, 'done', f.counterId) !== 1),
      'acknowledged finishes',
    ).toEqual([]);
    const ratings = await query<{ id: string; ticket_id: string }>('SELECT id, ticket_id FROM ratings');
    expect(
      [...acks.ratings].filter(([id, r]) => ratings.filter((x) => x.id === id && x.ticket_id === r.ticketId).length !== 1),
      'acknowledged ratings',
    ).toEqual([]);
    expect(await query('SELECT ticket_id FROM ratings GROUP BY ticket_id HAVING count(*) > 1')).toEqual([]);
    await checkNumbering();
    expect(acks.ratings.size).toBeGreaterThan(0);
    console.info(
      `balancer kill -9: instance ${victim.i + 1} (${victim.n} /centre sockets) killed; ${acks.tickets.size} tickets, ${acks.calls.length} calls, ` +
        `${acks.ratings.size} ratings acknowledged, ${acks.lost} requests unanswered; watchers back in ${Date.now() - killedAt} ms`,
    );
  }, 60_000);
});

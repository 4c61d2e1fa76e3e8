/**
 * A province on loopback for the balancer tests: a private PostgreSQL cluster, Luot instances as
 * real processes (`node --import tsx server/main.ts`, what `npm start` runs), and the shipped
 * nginx config in front (test/helpers/nginx.ts). Clients reach nginx from their own loopback
 * address (127.0.x.y, all of 127/8 is the loopback interface), so nginx's `hash $remote_addr`
 * spreads them over the instances as it spreads a province's centres.
 */
import { Agent, request } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { CENTRE_NAMESPACE } from '../../../protocol/index.ts';
import { DEMO_PASSWORD } from '../../../server/demo/demo-accounts.ts';
import { CentreClient, type CentreSocket } from '../../../web-shared/client/centre-client.ts';
import { RECONNECT } from '../../../web-shared/client/centre-client.ts';
import { TRANSPORTS } from '../../../web-shared/client/live-connection.ts';
import { spawnChild, tsxNodeArgs, type Child } from '../../helpers/child.ts';

export const SESSION_SECRET = 'balancer-test-session-secret-0123456789abcdef';
export const METRICS_TOKEN = 'balancer-test-metrics-token-0123456789abcdef';

export interface Instance {
  child: Child;
  url: string;
  /** host:port, for the nginx upstream. */
  address: string;
}

/** One instance on 127.0.0.1 and a free port, trusting nginx (127.0.0.1) for X-Forwarded-For. */
export async function startInstance(databaseUrl: string, dataDir: string, demo: boolean): Promise<Instance> {
  const child = spawnChild(process.execPath, tsxNodeArgs('server/main.ts'), {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      TRUSTED_PROXIES: '127.0.0.1',
      SESSION_SECRET,
      METRICS_TOKEN,
      DEMO: demo ? 'true' : 'false',
      LOG_LEVEL: 'info',
    },
  });
  try {
    const [, url] = await child.waitForLine(/Luot listening on (http:\/\/[^\s]+)/, 40_000);
    return { child, url: url!, address: new URL(url!).host };
  } catch (error) {
    await child.stop(1000);
    throw error;
  }
}

/** The n-th client address on loopback (127.0.1.1, 127.0.1.2 …, then 127.0.2.1 …). */
export const loopback = (n: number): string => `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;

export interface Answer {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

/** An HTTP client that connects from one loopback address (fetch cannot choose its source address). */
export function httpFrom(localAddress: string) {
  const agent = new Agent({ keepAlive: true, localAddress, maxSockets: 4 });
  const send = (base: string, method: string, path: string, headers: Record<string, string> = {}, body?: unknown, timeoutMs = 10_000) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${base}${path}`,
        {
          method,
          agent,
          headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) },
          timeout: timeoutMs,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON (an nginx error page): keep the text
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  return { agent, send, close: () => agent.destroy() };
}

export type Http = ReturnType<typeof httpFrom>;

/** Logs in through `base` from `http`'s address; returns the headers a same-origin page sends. */
export async function login(http: Http, base: string, username: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
  const res = await http.send(base, 'POST', '/api/auth/login', { origin: base }, { username, password });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('luot_session='));
  if (!cookie) throw new Error(`login as ${username}: no session cookie`);
  return { cookie: cookie.split(';')[0]!, origin: base };
}

export interface Observer {
  client: CentreClient;
  /** ticket ids of every `ticket:called` fact received. */
  called: Set<string>;
  close(): void;
}

/**
 * A display (device token) or a console (staff session cookie) running the front-ends' own live
 * client through `base`, WebSocket first with the polling fallback, from `localAddress`.
 */
export function openObserver(base: string, localAddress: string, who: { token: string } | { headers: Record<string, string> }): Observer {
  const called = new Set<string>();
  const client = new CentreClient({
    centreId: 'demo',
    token: 'token' in who ? who.token : null,
    url: base,
    log: { warn: () => undefined },
    connect: (url, auth) => {
      const socket: CentreSocket = io(`${url}${CENTRE_NAMESPACE}`, {
        auth,
        ...TRANSPORTS,
        ...RECONNECT,
        forceNew: true,
        localAddress,
        ...('headers' in who ? { extraHeaders: who.headers } : {}),
      } as Parameters<typeof io>[1]);
      socket.on('ticket:called', (e) => called.add(e.ticket.id));
      return socket;
    },
  });
  return { client, called, close: () => client.close() };
}

/** A raw socket.io client on `namespace` through `base` from `localAddress`. */
export function rawSocket(base: string, namespace: string, localAddress: string, auth: Record<string, unknown>): Socket {
  return io(`${base}${namespace}`, { auth, ...TRANSPORTS, ...RECONNECT, forceNew: true, localAddress } as Parameters<typeof io>[1]);
}

/** Waits until `check` holds, polling every 25 ms, for at most `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - started;
}

/** The `luot_socket_connections` samples of one instance's /metrics, summed per namespace. */
export async function socketsOn(instance: Instance): Promise<Record<string, number>> {
  const res = await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(/^luot_socket_connections\{[^}]*namespace="([^"]+)"[^}]*\} (\d+)/gm)) counts[m[1]!] = (counts[m[1]!] ?? 0) + Number(m[2]);
  return counts;
}

export interface Kiosk {
  http: Http;
  headers: Record<string, string>;
}
export interface Officer {
  http: Http;
  headers: Record<string, string>;
  counterId: string;
}

export interface LoadPlan {
  base: string;
  kiosks: readonly Kiosk[];
  officers: readonly Officer[];
  /** Forwards a rating for each finished ticket, as a bridge does for a keypad press. */
  bridge?: Kiosk;
  serviceIds: readonly string[];
  acks: Acks;
  /** Tickets each kiosk issues (then it stops); unset: until `signal` aborts. */
  ticketsPerKiosk?: number;
  /** The officers stop once this returns true and they find the queue empty. */
  doneIssuing: () => boolean;
  signal: AbortSignal;
}

/** What the servers acknowledged (a 2xx answer received whole), as in test/helpers/queue-load.ts. */
export interface Acks {
  tickets: Map<string, { number: string; serviceId: string }>;
  calls: { ticketId: string; counterId: string }[];
  finishes: { ticketId: string; counterId: string }[];
  ratings: Map<string, { ticketId: string }>;
  /** Requests without an answer (an instance killed under them); never acknowledged. */
  lost: number;
}
export const emptyAcks = (): Acks => ({ tickets: new Map(), calls: [], finishes: [], ratings: new Map(), lost: 0 });

/** Kiosks issue, officers call, finish and (through the bridge) get rated, all through `base`. */
export async function runLoad(plan: LoadPlan): Promise<void> {
  const { acks, signal } = plan;
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const send = async (http: Http, headers: Record<string, string>, path: string, body: unknown): Promise<Answer | null> => {
    try {
      return await http.send(plan.base, 'POST', `/api${path}`, headers, body);
    } catch {
      acks.lost += 1;
      await pause(50);
      return null;
    }
  };
  const kioskLoop = async (kiosk: Kiosk, k: number) => {
    for (let n = 0; !signal.aborted && (plan.ticketsPerKiosk === undefined || n < plan.ticketsPerKiosk);) {
      const serviceId = plan.serviceIds[(k + n) % plan.serviceIds.length]!;
      const res = await send(kiosk.http, kiosk.headers, '/centres/demo/tickets', { serviceId });
      if (res?.status === 200) {
        acks.tickets.set(res.body.ticket.id, { number: res.body.ticket.number, serviceId });
        n += 1;
      } else if (res) await pause(res.status === 429 ? 200 : 20);
    }
  };
  const officerLoop = async (o: Officer) => {
    const at = (action: string, body: unknown = {}) => send(o.http, o.headers, `/centres/demo/counters/${o.counterId}/${action}`, body);
    while (!signal.aborted) {
      const called = await at('call-next');
      if (called?.status !== 200) {
        if (called?.body?.error?.code === 'counter.has_current_ticket') await at('finish');
        else if (plan.doneIssuing() && called?.body?.error?.code === 'queue.empty') return;
        else await pause(30);
        continue;
      }
      const ticketId: string = called.body.ticket.id;
      acks.calls.push({ ticketId, counterId: o.counterId });
      const finished = await at('finish', { ticketId });
      if (finished?.status !== 200) continue;
      acks.finishes.push({ ticketId, counterId: o.counterId });
      if (!plan.bridge) continue;
      const rated = await send(plan.bridge.http, plan.bridge.headers, '/centres/demo/ratings', {
        counterId: o.counterId,
        level: 1 + (ticketId.charCodeAt(0) % 4),
        idempotencyKey: `balancer-${ticketId}`,
        source: 'api',
      });
      if (rated?.status === 200 && rated.body.outcome === 'accepted' && rated.body.rating)
        acks.ratings.set(rated.body.rating.id, { ticketId: rated.body.rating.ticketId });
    }
  };
  await Promise.allSettled([...plan.kiosks.map((k, i) => kioskLoop(k, i)), ...plan.officers.map((o) => officerLoop(o))]);
}

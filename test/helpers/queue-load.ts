import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from './credentials.ts';

/**
 * Concurrent queue traffic against a running server, through the API only: kiosks issuing with the
 * demo kiosk token, officers calling and finishing at their counters, and ratings forwarded by the
 * demo bridge (a bridge forwards keypad presses; staff sessions may not rate). Records every item
 * the server acknowledged (a 2xx answer received in full), so a test can check they all survived.
 */
export interface Acks {
  tickets: Map<string, { number: string; serviceId: string }>;
  calls: { ticketId: string; counterId: string }[];
  finishes: { ticketId: string; counterId: string }[];
  ratings: Map<string, { ticketId: string }>;
}

export const emptyAcks = (): Acks => ({ tickets: new Map(), calls: [], finishes: [], ratings: new Map() });

export const OFFICERS = [
  { username: 'lan', counterId: 'quay-1' },
  { username: 'hung', counterId: 'quay-2' },
  { username: 'tuan', counterId: 'quay-3' },
] as const;

export type OfficerSessions = Record<string, Record<string, string>>;

/**
 * Logs the officers in, opens their counters and finishes a ticket a previous run left at one,
 * so the load starts at full speed. Returns each counter's officer session.
 */
export async function prepareOfficers(url: string): Promise<OfficerSessions> {
  const sessions: OfficerSessions = {};
  for (const o of OFFICERS) {
    const session = await loginHeaders(url, o.username);
    const at = (action: string) =>
      fetch(`${url}/api/centres/demo/counters/${o.counterId}/${action}`, {
        method: 'POST',
        headers: { ...session, 'content-type': 'application/json' },
        body: '{}',
      });
    const opened = await at('open');
    if (opened.status !== 200 && opened.status !== 409) throw new Error(`open ${o.counterId}: ${opened.status} ${await opened.text()}`);
    await at('finish');
    sessions[o.counterId] = session;
  }
  return sessions;
}

export interface LoadOptions {
  url: string;
  officers: OfficerSessions;
  acks: Acks;
  /** Services the kiosks issue for. */
  serviceIds: readonly string[];
  random: () => number;
  /** How many kiosk loops issue at once. */
  kiosks?: number;
  /** Stops the loops (they also stop on their own when the server stops answering). */
  signal: AbortSignal;
}

class Gone extends Error {}

/** Runs kiosk and officer loops until `signal` aborts or the server goes away. Never rejects. */
export async function runQueueLoad(options: LoadOptions): Promise<{ requests: number }> {
  const { url, acks, signal } = options;
  let requests = 0;
  const call = async (path: string, headers: Record<string, string>, body?: unknown) => {
    if (signal.aborted) throw new Gone();
    requests += 1;
    let res: Response;
    try {
      res = await fetch(`${url}/api${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      // Acknowledged only once the whole answer has arrived.
      return { status: res.status, body: (await res.json()) as any };
    } catch {
      throw new Gone();
    }
  };
  const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}` };
  const bridge = { authorization: `Bearer ${DEMO_TOKENS.bridge}` };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const kioskLoop = async () => {
    for (;;) {
      const serviceId = options.serviceIds[Math.floor(options.random() * options.serviceIds.length)]!;
      const res = await call('/centres/demo/tickets', kiosk, { serviceId });
      if (res.status === 200) acks.tickets.set(res.body.ticket.id, { number: res.body.ticket.number, serviceId });
      else await pause(res.status === 429 ? 200 : 20);
    }
  };

  const officerLoop = async (officer: (typeof OFFICERS)[number], n: number) => {
    const session = options.officers[officer.counterId]!;
    const at = (action: string, body: unknown = {}) => call(`/centres/demo/counters/${officer.counterId}/${action}`, session, body);
    for (;;) {
      const called = await at('call-next');
      if (called.status !== 200) {
        // A ticket still at the counter (its finish was refused): finish it, then go on.
        if (called.body?.error?.code === 'counter.has_current_ticket') await at('finish');
        else await pause(30);
        continue;
      }
      const ticketId: string = called.body.ticket.id;
      acks.calls.push({ ticketId, counterId: officer.counterId });
      const finished = await at('finish', { ticketId });
      if (finished.status !== 200) continue;
      acks.finishes.push({ ticketId, counterId: officer.counterId });
      const key = `chaos-${officer.counterId}-${ticketId}-${n}`;
      const rated = await call('/centres/demo/ratings', bridge, {
        counterId: officer.counterId,
        level: 1 + Math.floor(options.random() * 4),
        idempotencyKey: key,
        source: 'api',
      });
      if (rated.status === 200 && rated.body.outcome === 'accepted' && rated.body.rating)
        acks.ratings.set(rated.body.rating.id, { ticketId: rated.body.rating.ticketId });
    }
  };

  const loops = [...Array.from({ length: options.kiosks ?? 2 }, () => kioskLoop()), ...OFFICERS.map((o, i) => officerLoop(o, i))];
  await Promise.allSettled(loops);
  return { requests };
}

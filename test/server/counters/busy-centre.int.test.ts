import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counter, Service, Ticket, TicketState } from '../../../protocol/index.ts';
import { hashPassword } from '../../../server/accounts/password.ts';
import type { Clock } from '../../../server/kernel/ports.ts';
import { displayNumber } from '../../../server/queue/numbering.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import type { TicketEvent } from '../../../server/kernel/store.port.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/**
 * A busy provincial centre over real HTTP (issue #3): 30 officers, each logged in and holding one
 * counter, call and finish in a loop while 50 kiosks issue tickets at the same time. Afterwards
 * the audit trail must show every ticket called at most once, numbers per service and day unique
 * and gap-free, no 5xx, and every ticket either still waiting or called exactly once.
 */
const CENTRE = 'busy';
const DAY = '2026-03-16';
const COUNTERS = 30;
const KIOSKS = 50;
const TICKETS_PER_KIOSK = 6; // below the default kiosk burst (10): no 429 expected
const PASSWORD = 'busy-centre-password';
const STATES: TicketState[] = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'expired'];

const service = (id: string, sortOrder: number, numbering: Service['numbering']): Service => ({
  id,
  centreId: CENTRE,
  name: { vi: `Lĩnh vực ${id}`, en: `Service ${id}` },
  numbering,
  sortOrder,
  active: true,
});
const SERVICES: Service[] = [
  service('ho-tich', 1, { mode: 'prefix', prefix: 'A', digits: 3 }),
  service('dat-dai', 2, { mode: 'band', start: 2001, end: 2999 }),
  service('kinh-doanh', 3, { mode: 'prefix', prefix: 'C', digits: 3 }),
  service('tra-ket-qua', 4, { mode: 'band', start: 6001, end: 6999 }),
];
const ORDERS = ['fifo', 'ordered', 'weighted'] as const;
/** Counter n serves one service first and, on most counters, a second one: every call order in use. */
const COUNTER_LIST: Counter[] = Array.from({ length: COUNTERS }, (_, i) => {
  const first = SERVICES[i % SERVICES.length]!.id;
  const second = SERVICES[(i + 1) % SERVICES.length]!.id;
  const serviceIds = i % 3 === 2 ? [first] : [first, second];
  return {
    id: `quay-${i + 1}`,
    centreId: CENTRE,
    number: i + 1,
    serviceIds,
    callOrder: ORDERS[i % ORDERS.length]!,
    weights: { [first]: 2 },
    active: true,
  };
});
const officer = (i: number) => `can-bo-${String(i + 1).padStart(2, '0')}`;

/** Real time, moved to a fixed morning so the business day cannot change during the run. */
const started = Date.now();
const morningClock: Clock = { now: () => new Date(Date.parse(`${DAY}T08:00:00+07:00`) + (Date.now() - started)) };

interface Exchange {
  op: string;
  status: number;
  body: any;
  /** Answered while kiosks were still issuing. */
  whileIssuing: boolean;
}

let server: TestServer;
const exchanges: Exchange[] = [];
let kiosksDone = false;

async function post(op: string, path: string, headers: Record<string, string>, json: unknown = {}): Promise<Exchange> {
  const res = await fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(json),
  });
  const exchange = { op, status: res.status, body: await res.json().catch(() => null), whileIssuing: !kiosksDone };
  exchanges.push(exchange);
  return exchange;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startTestServer({ clock: morningClock });
  const { store } = server.deps;
  // The centre, installed on the running server's store, then its accounts (one scrypt hash for all).
  const staff = [
    { id: 'busy-admin', centreId: CENTRE, name: 'Quản trị' },
    ...Array.from({ length: COUNTERS }, (_, i) => ({ id: officer(i), centreId: CENTRE, name: `Cán bộ ${i + 1}` })),
  ];
  await installCentre(store, {
    centre: { id: CENTRE, name: { vi: 'Trung tâm PVHCC tỉnh', en: 'Provincial centre' }, timeZone: 'Asia/Ho_Chi_Minh' },
    services: SERVICES,
    counters: COUNTER_LIST,
    staff,
  });
  const settings = await store.getSettings(CENTRE);
  const passwordHash = await hashPassword(PASSWORD);
  await store.runInTx({ centreId: CENTRE }, async (tx) => {
    await tx.saveSettings(CENTRE, { ...settings, priorityPolicy: { mode: 'interleaved', normalPerPriority: 3 } });
    for (const s of staff) {
      const role = s.id === 'busy-admin' ? 'admin' : 'staff';
      expect(await tx.setAccount(CENTRE, s.id, { username: s.id, passwordHash, role, active: true, mustChangePassword: false })).toBe(true);
    }
  });
}, 120_000);

afterAll(() => server?.stop());

describe('a busy centre: 30 counters calling while 50 kiosks issue, over HTTP', () => {
  it('calls every ticket at most once, numbers each service gap-free, never answers 5xx', async () => {
    // The admin pairs 50 kiosks; each officer logs in and opens a counter.
    const admin = await loginHeaders(server.url, 'busy-admin', PASSWORD);
    const kioskTokens: string[] = [];
    for (let k = 0; k < KIOSKS; k++) {
      const made = await post('createDeviceToken', `/centres/${CENTRE}/device-tokens`, admin, { kind: 'kiosk', name: `Kiosk ${k + 1}` });
      expect(made.status).toBe(200);
      kioskTokens.push(made.body.token);
    }
    const officers = await Promise.all(Array.from({ length: COUNTERS }, (_, i) => loginHeaders(server.url, officer(i), PASSWORD)));
    const opened = await Promise.all(officers.map((h, i) => post('openCounter', `/centres/${CENTRE}/counters/quay-${i + 1}/open`, h)));
    expect(opened.map((o) => o.status)).toEqual(Array(COUNTERS).fill(200));

    // 50 kiosks issuing and 30 counters calling, all at once.
    const kiosk = async (k: number) => {
      const auth = { authorization: `Bearer ${kioskTokens[k]}` };
      for (let n = 0; n < TICKETS_PER_KIOSK; n++) {
        const serviceId = SERVICES[(k + n * 3) % SERVICES.length]!.id;
        const priorityGroupId = (k + n) % 9 === 0 ? 'nguoi-cao-tuoi' : undefined;
        await post('issueTicket', `/centres/${CENTRE}/tickets`, auth, { serviceId, priorityGroupId });
        // Spread over about half a second per kiosk, so the counters really call while kiosks issue
        // (a faster store otherwise lets the kiosks finish before most calls are made).
        await pause((k * 7 + n * 13) % 80);
      }
    };
    const counter = async (i: number) => {
      const h = officers[i]!;
      const at = (action: string) => `/centres/${CENTRE}/counters/quay-${i + 1}/${action}`;
      let emptyAfterKiosks = 0;
      for (let round = 0; emptyAfterKiosks < 2; round++) {
        const called = await post('callNext', at('call-next'), h);
        if (called.status !== 200) {
          if (kiosksDone) emptyAfterKiosks++;
          await pause(20);
          continue;
        }
        emptyAfterKiosks = 0;
        const ticketId = called.body.ticket.id;
        if (round % 5 === 1) await post('recallTicket', at('recall'), h, { ticketId });
        if (round % 7 === 3) {
          await post('markNoShow', at('no-show'), h, { ticketId });
          continue;
        }
        if (round % 3 === 0) await post('startServing', at('start-serving'), h, { ticketId });
        await post('finishTicket', at('finish'), h, { ticketId });
      }
    };
    const counters = Array.from({ length: COUNTERS }, (_, i) => counter(i));
    await Promise.all(Array.from({ length: KIOSKS }, (_, k) => kiosk(k)));
    kiosksDone = true;
    await Promise.all(counters);

    // It really was concurrent: most calls were answered while kiosks were still issuing.
    const callsWhileIssuing = exchanges.filter((e) => e.op === 'callNext' && e.status === 200 && e.whileIssuing).length;
    expect(callsWhileIssuing).toBeGreaterThan((KIOSKS * TICKETS_PER_KIOSK) / 2);

    // No 5xx, and nothing refused but an empty queue.
    expect(exchanges.filter((e) => e.status >= 500)).toEqual([]);
    const refused = exchanges.filter((e) => e.status !== 200);
    expect(refused.filter((e) => !(e.op === 'callNext' && e.status === 409 && e.body?.error?.code === 'queue.empty'))).toEqual([]);

    // Every 200 issue is a ticket in the store; nothing else is.
    const issued = exchanges.filter((e) => e.op === 'issueTicket').map((e) => e.body.ticket as Ticket);
    expect(issued).toHaveLength(KIOSKS * TICKETS_PER_KIOSK);
    const { store } = server.deps;
    const tickets = await store.listTickets(CENTRE, DAY, STATES);
    expect(tickets.map((t) => t.id).sort()).toEqual(issued.map((t) => t.id).sort());

    // Numbers per service per day: unique and gap-free, 1..N, each the service's own display number.
    for (const s of SERVICES) {
      const mine = tickets.filter((t) => t.serviceId === s.id).sort((a, b) => a.seq - b.seq);
      expect(mine.length, s.id).toBeGreaterThan(0);
      expect(mine.map((t) => t.seq)).toEqual(mine.map((_, i) => i + 1));
      expect(mine.map((t) => t.number)).toEqual(mine.map((t) => displayNumber(s.numbering, t.seq)));
    }

    // From the audit trail: at most one waiting → called per ticket; waiting ones never, the others exactly once.
    const events: TicketEvent[] = (await Promise.all(tickets.map((t) => store.listTicketEvents(t.id)))).flat();
    const calls = new Map<string, TicketEvent[]>();
    for (const e of events) if (e.fromState === 'waiting' && e.toState === 'called') calls.set(e.ticketId, [...(calls.get(e.ticketId) ?? []), e]);
    for (const t of tickets) {
      const n = calls.get(t.id)?.length ?? 0;
      expect(n, `${t.number} (${t.state})`).toBe(t.state === 'waiting' ? 0 : 1);
    }
    // The counters drained the queues: everything was called, and nothing is left at a counter.
    expect(tickets.filter((t) => t.state !== 'done' && t.state !== 'no_show')).toEqual([]);

    // What the officers were told matches the trail: each call answered once, to one counter that serves the service.
    const answered = exchanges.filter((e) => e.op === 'callNext' && e.status === 200).map((e) => e.body.ticket as Ticket);
    expect(new Set(answered.map((t) => t.id)).size).toBe(answered.length);
    expect(answered.map((t) => t.id).sort()).toEqual([...calls.keys()].sort());
    for (const [, [call]] of calls) {
      const at = COUNTER_LIST.find((c) => c.id === call!.counterId)!;
      expect(at.serviceIds, `${call!.ticketId} called at ${at.id}`).toContain(call!.serviceId);
    }

    // One centre sequence, no number used twice.
    const seqs = events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  }, 180_000);
});

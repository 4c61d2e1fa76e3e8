import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_NAMESPACE, type Ticket, type TicketView } from '../../../protocol/index.ts';
import type { StoreReads } from '../../../server/kernel/store.port.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/**
 * `/ticket` followers (issue #10): a ticket id is in its QR code, so sockets are capped per ticket
 * and per client address, and each followed ticket's view is computed once per burst of facts —
 * in its own room — however many sockets follow it.
 */
const PER_TICKET = 3;
const PER_ADDRESS = 6;

let server: TestServer;
const sockets: Socket[] = [];
/** reads.getTicket calls inside consistent reads (where ticket views are computed), per ticket id. */
const viewReads = new Map<string, number>();

beforeAll(async () => {
  server = await startTestServer({}, { TICKET_FOLLOWERS_PER_TICKET: String(PER_TICKET), TICKET_FOLLOWERS_PER_ADDRESS: String(PER_ADDRESS) });
  // Count the ticket reads of every view computed, through the store the namespace holds.
  const store = server.deps.store;
  const consistentRead = store.consistentRead.bind(store);
  store.consistentRead = (fn) =>
    consistentRead((reads) => {
      const counted: StoreReads = Object.create(reads);
      counted.getTicket = (id: string) => {
        viewReads.set(id, (viewReads.get(id) ?? 0) + 1);
        return reads.getTicket(id);
      };
      return fn(counted);
    });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.stop();
});

interface Follower {
  socket: Socket;
  views: TicketView[];
}

/** A phone following `ticketId`; resolves once connected (with its first view) or with the refusal's code. */
function follow(ticketId: string): Promise<Follower | { refused: string }> {
  const socket = io(`${server.url}${TICKET_NAMESPACE}`, { auth: { ticketId }, transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  const views: TicketView[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no view and no refusal within 5 s')), 5000);
    socket.on('ticket:status', (view: TicketView) => {
      views.push(view);
      clearTimeout(timer);
      resolve({ socket, views });
    });
    socket.on('connect_error', (error) => {
      clearTimeout(timer);
      resolve({ refused: error.message });
    });
  });
}

async function followed(ticketId: string): Promise<Follower> {
  const f = await follow(ticketId);
  if ('refused' in f) throw new Error(`refused: ${f.refused}`);
  return f;
}

async function issue(serviceId: string): Promise<Ticket> {
  const res = await server.api('/centres/demo/tickets', { json: { serviceId } });
  expect(res.status).toBe(200);
  return (await res.json()).ticket;
}

const until = async (check: () => boolean, what: string, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
/** Longer than the namespace's refresh delay (300 ms): every pending recomputation has run. */
const settle = () => new Promise((r) => setTimeout(r, 700));

describe('/ticket followers', () => {
  let counterServices: string[];
  let a: Ticket;
  let b: Ticket;
  let c: Ticket;
  let onA: Follower[];
  let onB: Follower[];

  it('admits up to the per-ticket cap and refuses the next with ticket.too_many_followers', async () => {
    counterServices = (await server.deps.store.getCounter('demo', 'quay-1'))!.serviceIds;
    a = await issue(counterServices[0]!);
    b = await issue(counterServices[0]!);
    c = await issue(counterServices[0]!);
    onA = [];
    for (let i = 0; i < PER_TICKET; i++) onA.push(await followed(a.id));
    expect(onA.every((f) => f.views[0]!.ticket.id === a.id)).toBe(true);
    expect(await follow(a.id)).toEqual({ refused: 'ticket.too_many_followers' });
  });

  it('refuses past the per-address cap with realtime.too_many_connections, and gives places back on disconnect', async () => {
    onB = [];
    for (let i = 0; i < PER_ADDRESS - PER_TICKET; i++) onB.push(await followed(b.id));
    expect(await follow(c.id)).toEqual({ refused: 'realtime.too_many_connections' });
    const leaving = onB.pop()!;
    leaving.socket.close();
    // The server learns of the close asynchronously: retry briefly until the place is free.
    let onC: Follower | { refused: string } = { refused: 'not yet' };
    for (let i = 0; i < 20 && 'refused' in onC; i++) {
      onC = await follow(c.id);
      if ('refused' in onC) await new Promise((r) => setTimeout(r, 50));
    }
    expect('refused' in onC).toBe(false);
    (onC as Follower).socket.close();
  });

  it('sends each follower its update, computing the view once per ticket, and only for tickets the fact can change', async () => {
    await server.openCounter('quay-1');
    await settle(); // the counter's opening refreshes the waiting tickets A and B
    viewReads.clear();
    const who = 'lan';
    const called = await server.api('/centres/demo/counters/quay-1/call-next', { json: {}, as: who });
    expect(called.status).toBe(200);
    expect((await called.json()).ticket.id).toBe(a.id);
    await until(() => onA.every((f) => f.views.some((v) => v.ticket.state === 'called')), "A's followers seeing their call");
    expect(onA.every((f) => f.views.at(-1)!.counterNumber === 1)).toBe(true);
    await until(() => onB.every((f) => f.views.at(-1)!.peopleAhead === 0), "B's followers seeing they are next");
    await settle();
    // Three sockets follow A, two follow B: one view of each, not one per socket.
    expect(viewReads.get(a.id)).toBe(1);
    expect(viewReads.get(b.id)).toBe(1);

    // A new ticket joins the end of the queue: it changes nothing for A (called) or B (waiting, ahead of it).
    viewReads.clear();
    await issue(counterServices[0]!);
    await settle();
    expect(viewReads.get(a.id) ?? 0).toBe(0);
    expect(viewReads.get(b.id) ?? 0).toBe(0);

    // Finishing A changes A, and may change B's estimate (a service time more): each once.
    viewReads.clear();
    expect((await server.api('/centres/demo/counters/quay-1/finish', { json: {}, as: who })).status).toBe(200);
    await until(() => onA.every((f) => f.views.at(-1)!.ticket.state === 'done'), "A's followers seeing it done");
    await settle();
    expect(viewReads.get(a.id)).toBe(1);
    expect(viewReads.get(b.id)).toBe(1);
  });
});

describe('/ticket followers behind a trusted reverse proxy', () => {
  it("counts each phone's own address from X-Forwarded-For when the peer is a trusted proxy", async () => {
    const proxied = await startTestServer({}, { TICKET_FOLLOWERS_PER_ADDRESS: '1', TRUSTED_PROXIES: '127.0.0.1' });
    const opened: Socket[] = [];
    try {
      const issued = await proxied.api('/centres/demo/tickets', { json: { serviceId: 'dat-dai' } });
      const ticketId = (await issued.json()).ticket.id as string;
      const from = (forwardedFor: string) =>
        new Promise<string>((resolve) => {
          const socket = io(`${proxied.url}${TICKET_NAMESPACE}`, {
            auth: { ticketId },
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
            extraHeaders: { 'x-forwarded-for': forwardedFor },
          });
          opened.push(socket);
          socket.on('ticket:status', () => resolve('admitted'));
          socket.on('connect_error', (error) => resolve(error.message));
        });
      expect(await from('203.0.113.7')).toBe('admitted');
      expect(await from('203.0.113.8')).toBe('admitted');
      expect(await from('198.51.100.1, 203.0.113.7')).toBe('realtime.too_many_connections');
    } finally {
      for (const s of opened) s.close();
      await proxied.stop();
    }
  });
});

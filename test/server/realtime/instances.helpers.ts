/**
 * Several real server instances on one PostgreSQL database, and a hall display on one of them
 * that runs the front-ends' own live client (web-shared/client/centre-client.ts: snapshot on
 * connect, facts folded in by sequence number, a snapshot asked for on a gap). Shared by the
 * instances*.int.test.ts files.
 */
import { io } from 'socket.io-client';
import { expect } from 'vitest';
import { CENTRE_NAMESPACE, type Ticket } from '../../../protocol/index.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { CentreClient, type CentreSocket } from '../../../web-shared/client/centre-client.ts';
import { OFFICER_AT, startTestServer, type TestServer } from '../../helpers/server.ts';

/** One after the other: the first creates the demo centre, accounts and devices in the shared database. */
export async function startInstances(n: number, env: Record<string, string>): Promise<TestServer[]> {
  const servers: TestServer[] = [];
  try {
    for (let i = 0; i < n; i++) servers.push(await startTestServer({}, env));
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return servers;
}

/** Waits until `check` holds, polling every 20 ms, for at most `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface Fact {
  event: string;
  seq: number;
  ticketId: string | undefined;
}

export interface Display {
  /** The front-ends' live client, as a hall display runs it. */
  client: CentreClient;
  /** Sequenced facts as they arrived, in order (snapshots left out). */
  facts: Fact[];
  /** How many snapshots the client asked for (`snapshot:request`: it saw a gap). */
  snapshotRequests(): number;
  close(): void;
}

/** The demo hall display on `url`, connected and holding its first snapshot. */
export async function openDisplay(url: string): Promise<Display> {
  const facts: Fact[] = [];
  let requests = 0;
  const client = new CentreClient({
    centreId: 'demo',
    token: DEMO_TOKENS.display,
    url,
    log: { warn: () => undefined },
    connect: (base, auth) => {
      const socket: CentreSocket = io(`${base}${CENTRE_NAMESPACE}`, { auth, transports: ['websocket'], forceNew: true });
      socket.onAny((event: string, payload: { seq?: number; ticket?: { id: string } }) => {
        if (event !== 'state:snapshot' && typeof payload?.seq === 'number') facts.push({ event, seq: payload.seq, ticketId: payload.ticket?.id });
      });
      socket.onAnyOutgoing((event: string) => {
        if (event === 'snapshot:request') requests += 1;
      });
      return socket;
    },
  });
  await until(() => client.state !== null, 'the first snapshot');
  return { client, facts, snapshotRequests: () => requests, close: () => client.close() };
}

/** Issues a ticket through `server`'s HTTP API, as the demo kiosk or a staff member. */
export async function issue(server: TestServer, serviceId: string, as: 'kiosk' | 'admin' = 'kiosk'): Promise<Ticket> {
  const res = await server.api('/centres/demo/tickets', { json: { serviceId }, as });
  expect(res.status).toBe(200);
  return ((await res.json()) as { ticket: Ticket }).ticket;
}

/** The counter's officer calls the next ticket through `server`. */
export async function callNext(server: TestServer, counterId: string): Promise<Ticket> {
  const res = await server.api(`/centres/demo/counters/${counterId}/call-next`, { json: {}, as: OFFICER_AT[counterId] });
  expect(res.status).toBe(200);
  return ((await res.json()) as { ticket: Ticket }).ticket;
}

/** Whether a list of numbers only goes up. */
export const increasing = (seqs: readonly number[]) => seqs.every((s, i) => i === 0 || s > seqs[i - 1]!);

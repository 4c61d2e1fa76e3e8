import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema, type Ticket } from '../../../protocol/index.ts';
import { attachAdapter } from '../../../server/realtime/adapter.ts';
import { ADAPTER_APPLICATION_NAME, ATTACHMENTS_TABLE } from '../../../server/realtime/postgres.adapter.ts';
import { findPgBin, startCluster, type PgCluster } from '../../helpers/postgres-cluster.ts';
import type { TestServer } from '../../helpers/server.ts';
import { centreClient, connect, DEMO_DISPLAY_AUTH } from '../../helpers/sockets.ts';
import { callNext, increasing, issue, openDisplay, startInstances, until, type Display } from './instances.helpers.ts';

const installed = findPgBin() !== null;
if (!installed) {
  const message = 'PostgreSQL is not installed (apt-get install postgresql): instances.int.test.ts is SKIPPED.';
  if (process.env.CI === 'true') throw new Error(`${message} CI=true requires it.`);
  console.warn(`\n*** ${message} ***\n`);
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let cluster: PgCluster;
beforeAll(async () => {
  if (installed) cluster = await startCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

/** One statement on its own connection. */
async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The adapter's connections to `url`'s database (LISTEN ones: `listening`). */
async function adapterConnections(url: string): Promise<{ all: number; listening: number }> {
  const [row] = await query<{ all: number; listening: number }>(
    url,
    `SELECT count(*)::int AS all, count(*) FILTER (WHERE query LIKE 'LISTEN%')::int AS listening
       FROM pg_stat_activity WHERE application_name = '${ADAPTER_APPLICATION_NAME}' AND datname = current_database()`,
  );
  return row!;
}

/** Waits until the async `check` holds, polling every 100 ms. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a display shows, without what is computed at read time. */
const shown = (state: unknown) => {
  const s = SnapshotSchema.parse(state);
  return { seq: s.seq, businessDay: s.businessDay, waiting: s.waiting, counters: s.counters, parked: s.parked, recentCalls: s.recentCalls };
};

/** A fresh snapshot of the demo centre from `server` (a new display's first event). */
async function freshSnapshot(server: TestServer) {
  const client = centreClient(server.url, DEMO_DISPLAY_AUTH);
  try {
    await connect(client.socket);
    return (await client.waitFor((r) => r.event === 'state:snapshot')).payload;
  } finally {
    client.close();
  }
}

describe('one process', () => {
  it('keeps socket.io’s in-memory adapter without REDIS_URL or DATABASE_URL', async () => {
    const io = new Server(createServer());
    const adapter = await attachAdapter(io, {}, quiet);
    expect(adapter.kind).toBe('memory');
    expect(io.of('/centre').adapter.constructor.name).toBe('Adapter');
    await io.close();
    await adapter.close();
  });
});

describe.skipIf(!installed)('instances on one PostgreSQL database, no Redis', () => {
  it('make the adapter’s attachments table once when they start together, and end their connections when closed', async () => {
    const url = await cluster.createDatabase();
    const servers = [0, 1, 2].map(() => new Server(createServer()));
    const adapters = await Promise.all(servers.map((io) => attachAdapter(io, { DATABASE_URL: url }, quiet)));
    expect(adapters.map((a) => a.kind)).toEqual(['postgres', 'postgres', 'postgres']);
    for (const io of servers) io.of('/centre'); // a namespace: its adapter LISTENs
    const tables = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = '${ATTACHMENTS_TABLE}'`);
    expect(tables).toEqual([{ n: 1 }]);
    for (const io of servers) await io.close();
    await Promise.all(adapters.map((a) => a.close()));
    expect(await adapterConnections(url)).toEqual({ all: 0, listening: 0 });
  });

  describe('three instances A, B, C', () => {
    let url: string;
    let A: TestServer, B: TestServer, C: TestServer;
    const displays: Display[] = [];
    beforeAll(async () => {
      if (!installed) return;
      url = await cluster.createDatabase();
      [A, B, C] = (await startInstances(3, { DATABASE_URL: url })) as [TestServer, TestServer, TestServer];
      await B.openCounter('quay-2');
    }, 60_000);
    afterAll(async () => {
      for (const d of displays.splice(0)) d.close();
      await Promise.all([A, B, C].filter(Boolean).map((s) => s.stop()));
    });
    const display = async (server: TestServer) => {
      const d = await openDisplay(server.url);
      displays.push(d);
      return d;
    };

    it('a display on C gets the kiosk’s ticket issued on A and its call made on B, in centre order', async () => {
      const d = await display(C);
      const start = d.client.state!.seq;
      const ticket = await issue(A, 'lao-dong-xa-hoi');
      const called = await callNext(B, 'quay-2');
      expect(called.id).toBe(ticket.id);
      await until(() => d.facts.length >= 2, 'both facts on C');
      expect(d.facts).toEqual([
        { event: 'ticket:issued', seq: start + 1, ticketId: ticket.id },
        { event: 'ticket:called', seq: start + 2, ticketId: ticket.id },
      ]);
      expect(d.snapshotRequests()).toBe(0);
      expect(shown(d.client.state)).toEqual(shown(await freshSnapshot(C)));
    });

    it('a burst of 30 issues over A and B reaches C whole; each sender’s facts in its order; the display ends right', async () => {
      const d = await display(C);
      const start = d.client.state!.seq;
      const by = new Map<string, 'A' | 'B'>();
      await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const t: Ticket = await issue(i % 2 ? A : B, i % 3 ? 'tu-phap-ho-tich' : 'lao-dong-xa-hoi', 'admin');
          by.set(t.id, i % 2 ? 'A' : 'B');
        }),
      );
      await until(() => d.facts.length >= 30, '30 facts on C');
      const seqs = d.facts.map((f) => f.seq);
      // Every fact, once: nothing lost, nothing doubled.
      expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => start + 1 + i));
      // Each instance's broadcasts arrive in the order it made them (one NOTIFY queue per instance).
      for (const sender of ['A', 'B'] as const) expect(increasing(d.facts.filter((f) => by.get(f.ticketId!) === sender).map((f) => f.seq))).toBe(true);
      // Across instances the NOTIFYs are sent after each commit, by two processes: they may cross.
      // The client's rule then asks for a snapshot (a gap) and never folds a fact over a gap.
      if (!increasing(seqs)) expect(d.snapshotRequests()).toBeGreaterThan(0);
      await until(() => d.client.state!.seq === start + 30, 'the display at the last fact');
      expect(shown(d.client.state)).toEqual(shown(await freshSnapshot(C)));
    });

    it('facts that cross between instances: the display on C asks for a snapshot and never folds a fact over a gap', async () => {
      const d = await display(C);
      const start = d.client.state!.seq;
      const seen: number[] = [];
      d.client.subscribe((c) => void (c.state && seen.at(-1) !== c.state.seq && seen.push(c.state.seq)));
      // Every instance is in this one process, so their NOTIFYs never cross by themselves here;
      // make A publish its facts 300 ms late, as a stalled instance would.
      const relay = A.deps.notifier;
      const publish = relay.publish.bind(relay);
      relay.publish = (fact) => void setTimeout(() => publish(fact), 300);
      try {
        const first = await issue(A, 'tu-phap-ho-tich', 'admin');
        const second = await issue(B, 'tu-phap-ho-tich', 'admin');
        await until(() => d.facts.length >= 2, 'both facts on C');
        expect(d.facts.map((f) => [f.ticketId, f.seq - start])).toEqual([
          [second.id, 2],
          [first.id, 1],
        ]);
      } finally {
        relay.publish = publish;
      }
      await until(() => d.client.state!.seq === start + 2, 'the display at the last fact');
      expect(d.snapshotRequests()).toBeGreaterThan(0);
      // It went from the state before both facts straight to the snapshot that holds both.
      expect(seen).toEqual([start, start + 2]);
      expect(shown(d.client.state)).toEqual(shown(await freshSnapshot(C)));
    });

    it('a LISTEN connection that breaks comes back by itself; the display recovers what it missed', async () => {
      const d = await display(C);
      await eventually(async () => (await adapterConnections(url)).listening === 3, 'three LISTEN connections');
      await query(url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${ADAPTER_APPLICATION_NAME}'`);
      // Issued while no instance listens: C may never hear of it (pub/sub keeps nothing).
      const missed = await issue(A, 'tu-phap-ho-tich', 'admin');
      // The adapter makes its LISTEN connection again 1 to 3 s after it ended.
      await eventually(async () => (await adapterConnections(url)).listening === 3, 'the LISTEN connections back', 15_000);
      const next = await issue(A, 'tu-phap-ho-tich', 'admin');
      const last = SnapshotSchema.parse(await freshSnapshot(A)).seq;
      await until(() => d.client.state!.seq === last, 'the display on C at the last fact');
      expect(d.facts.some((f) => f.ticketId === next.id)).toBe(true);
      // Missed: the next fact showed a gap, and the client asked for a snapshot instead of folding it in.
      if (!d.facts.some((f) => f.ticketId === missed.id)) expect(d.snapshotRequests()).toBeGreaterThan(0);
      expect(shown(d.client.state)).toEqual(shown(await freshSnapshot(C)));
    });

    it('an instance that stops ends its adapter’s connections; the others go on', async () => {
      await eventually(async () => (await adapterConnections(url)).listening === 3, 'three LISTEN connections');
      const d = await display(B);
      await C.stop();
      await eventually(async () => (await adapterConnections(url)).listening === 2, 'two LISTEN connections');
      const ticket = await issue(A, 'lao-dong-xa-hoi');
      await until(() => d.facts.some((f) => f.ticketId === ticket.id), 'the fact from A on B');
    });
  });
});

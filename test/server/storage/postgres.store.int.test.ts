import { readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import type { Deps, StaffActor } from '../../../server/kernel/ports.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { createPostgresStore } from '../../../server/storage/postgres.store.ts';
import { StoreUnavailable } from '../../../server/storage/store-faults.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { sequentialIds } from '../../fakes/ids.fake.ts';
import { recordingNotifier } from '../../fakes/notifier.fake.ts';
import { HCM, HN, HUNG, LAN, hcmCentre, hnCentre } from '../../fixtures/centres.ts';
import { findPgBin, startCluster, startServer, stopServer, type PgCluster } from '../../helpers/postgres-cluster.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/** Every migration of server/storage/migrations (the one history of both stores). */
const MIGRATIONS = readdirSync('server/storage/migrations').filter((f) => /^\d{4}_.*\.ts$/.test(f)).length;
const MORNING = '2026-03-16T09:00:00+07:00';

const installed = findPgBin() !== null;
if (!installed) {
  const message = 'PostgreSQL is not installed (apt-get install postgresql): postgres.store.int.test.ts is SKIPPED.';
  if (process.env.CI === 'true') throw new Error(`${message} CI=true requires it.`);
  console.warn(`\n*** ${message} ***\n`);
}

let cluster: PgCluster;
const stores: Store[] = [];
beforeAll(async () => {
  if (installed) cluster = await startCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function open(url: string, options: Partial<Parameters<typeof createPostgresStore>[0]> = {}): Promise<Store> {
  const store = await createPostgresStore({ url, poolSize: 4, ...options });
  stores.push(store);
  return store;
}

/** One statement on its own connection (what another tool would see). */
async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Use-case deps of one server instance: its own store (pool) and ids. */
const instance = (store: Store, idPrefix: string): Deps => ({ store, clock: fakeClock(MORNING), ids: sequentialIds(idPrefix), notifier: recordingNotifier() });
const officerAt = (centreId: string, counterId: string, actor: StaffActor) => ({ centreId, counterId, actor });
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe.skipIf(!installed)('PostgreSQL store', () => {
  describe('migrations', () => {
    it('bring an empty database to the latest schema, with the SQLite store’s migration history', async () => {
      const url = await cluster.createDatabase();
      const store = await open(url);
      expect(await store.listCentres()).toEqual([]);
      const names = await query<{ name: string }>(url, 'SELECT name FROM kysely_migration ORDER BY name');
      expect(names).toHaveLength(MIGRATIONS);
      expect(names[0]!.name).toBe('0001_init');
      // Opening again finds nothing to do.
      await open(url);
      expect(await query(url, 'SELECT name FROM kysely_migration')).toHaveLength(MIGRATIONS);
    });

    it('run once when three instances start together on an empty database', async () => {
      const url = await cluster.createDatabase();
      const three = await Promise.all([0, 1, 2].map(() => open(url)));
      expect(three).toHaveLength(3);
      const rows = await query<{ name: string; n: number }>(url, 'SELECT name, count(*)::int AS n FROM kysely_migration GROUP BY name ORDER BY name');
      expect(rows).toHaveLength(MIGRATIONS);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      // Every instance works on the one schema.
      await installCentre(three[0]!, hcmCentre);
      for (const s of three) expect((await s.getCentre(HCM))?.id).toBe(HCM);
    });
  });

  describe('two instances on one database', () => {
    it('issue distinct, gap-free numbers per service and call each ticket once', async () => {
      const url = await cluster.createDatabase();
      const [a, b] = [await open(url), await open(url)];
      await installCentre(a, hcmCentre);
      const [da, db] = [instance(a, 'a'), instance(b, 'b')];
      await openCounter(da, officerAt(HCM, 'quay-1', LAN));
      await openCounter(db, officerAt(HCM, 'quay-2', HUNG));

      const plan = range(60).map((i) => ({ deps: i % 2 ? da : db, serviceId: i % 3 ? 'ho-tich' : 'dat-dai' }));
      const issued = await Promise.all(plan.map((p) => issueTicket(p.deps, { centreId: HCM, serviceId: p.serviceId })));
      const seqsOf = (serviceId: string) =>
        issued
          .map((r) => r.ticket)
          .filter((t) => t.serviceId === serviceId)
          .map((t) => t.seq)
          .sort((x, y) => x - y);
      expect(seqsOf('ho-tich')).toEqual(range(40));
      expect(seqsOf('dat-dai')).toEqual(range(20));
      expect(new Set(issued.map((r) => r.ticket.number)).size).toBe(60);
      // The centre's realtime sequence: two counter openings, then one per ticket, gap-free.
      const seqs = await query<{ seq: number }>(url, `SELECT seq::int AS seq FROM ticket_events WHERE centre_id = '${HCM}' ORDER BY seq`);
      expect(seqs.map((r) => r.seq)).toEqual(range(60).map((i) => i + 2));

      // Both counters call and finish through their own instance until nothing is left to call.
      const served: string[] = [];
      const work = async (deps: Deps, counterId: string, actor: StaffActor) => {
        for (;;) {
          const called = await callNext(deps, officerAt(HCM, counterId, actor)).catch((error: { code?: string }) => {
            if (error.code === 'queue.empty') return null;
            throw error;
          });
          if (called === null) return;
          served.push(called.ticket.id);
          await finishTicket(deps, officerAt(HCM, counterId, actor));
        }
      };
      await Promise.all([work(da, 'quay-1', LAN), work(db, 'quay-2', HUNG)]);
      expect(served.sort()).toEqual(issued.map((r) => r.ticket.id).sort());
      expect(await a.waitingCounts(HCM)).toEqual({});
      const done = await query<{ n: number }>(url, `SELECT count(*) AS n FROM tickets WHERE state = 'done'`);
      expect(done).toEqual([{ n: '60' }]);
    });

    it('lock per centre: a transaction holding one centre’s lock does not delay another centre', async () => {
      const url = await cluster.createDatabase();
      const [a, b] = [await open(url), await open(url)];
      await installCentre(a, hcmCentre);
      await installCentre(a, hnCentre);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const holder = a.runInTx({ centreId: HCM }, async () => {
        entered();
        await held;
      });
      await inside;

      // The other centre, through the other instance: done while HCM's lock is held.
      const other = await issueTicket(instance(b, 'b'), { centreId: HN, serviceId: 'ho-tich' });
      expect(other.ticket.seq).toBe(1);
      // The same centre waits for the lock.
      let sameDone = false;
      const same = issueTicket(instance(b, 'c'), { centreId: HCM, serviceId: 'ho-tich' }).then((r) => ((sameDone = true), r));
      const waiting = await waitFor(url, "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
      expect(waiting).toBe(1);
      expect(sameDone).toBe(false);
      release();
      await holder;
      expect((await same).ticket.seq).toBe(1);
    });
  });

  describe('the real server on DATABASE_URL', () => {
    const servers: TestServer[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((s) => s.stop()));
    });

    it('two instances on one database share the demo centre and its numbers', async () => {
      const url = await cluster.createDatabase();
      for (let i = 0; i < 2; i++) servers.push(await startTestServer({}, { DATABASE_URL: url }));
      const [a, b] = servers as [TestServer, TestServer];
      expect(a.demoCreated).toBe(true);
      expect(b.demoCreated).toBe(false);
      const issue = async (server: TestServer) => {
        const res = await server.api('/centres/demo/tickets', { json: { serviceId: 'tu-phap-ho-tich' } });
        expect(res.status).toBe(200);
        return ((await res.json()) as { ticket: { seq: number } }).ticket.seq;
      };
      const seqs = await Promise.all(range(20).map((i) => issue(i % 2 ? a : b)));
      expect(seqs.sort((x, y) => x - y)).toEqual(range(20));
    });
  });

  describe('after-commit work', () => {
    it('runs after COMMIT, in order; is dropped on rollback and with a retried attempt', async () => {
      const url = await cluster.createDatabase();
      const statements: string[] = [];
      const store = await open(url, { observe: (text) => statements.push(text) });
      await installCentre(store, hcmCentre);
      const ran: string[] = [];
      const lastStatement = () => statements.at(-1)!;

      await store.runInTx({ centreId: HCM }, async (tx) => {
        tx.afterCommit(() => ran.push(`first after ${lastStatement()}`));
        tx.afterCommit(() => ran.push('second'));
        await tx.bumpSeq(HCM);
        expect(ran).toEqual([]);
      });
      expect(ran).toEqual(['first after COMMIT', 'second']);

      ran.length = 0;
      const before = await store.currentSeq(HCM);
      await expect(
        store.runInTx({ centreId: HCM }, async (tx) => {
          tx.afterCommit(() => ran.push('never'));
          await tx.bumpSeq(HCM);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(ran).toEqual([]);
      expect(await store.currentSeq(HCM)).toBe(before);

      // A deadlock (40P01) makes the store run the transaction again: the failed attempt's work is dropped.
      let attempts = 0;
      const result = await store.runInTx({ centreId: HCM }, async (tx) => {
        attempts++;
        tx.afterCommit(() => ran.push(`attempt ${attempts}`));
        await tx.bumpSeq(HCM);
        if (attempts === 1) throw new StoreUnavailable('test', '40P01', new Error('deadlock detected'), 'postgres');
        return 'ok';
      });
      expect({ result, attempts, ran }).toEqual({ result: 'ok', attempts: 2, ran: ['attempt 2'] });
      expect(await store.currentSeq(HCM)).toBe(before + 1);
    });

    it('a COMMIT PostgreSQL turned into ROLLBACK (a caught failed statement) is an error, not a commit', async () => {
      const url = await cluster.createDatabase();
      const store = await open(url);
      await installCentre(store, hcmCentre);
      const ran: string[] = [];
      await expect(
        store.runInTx({ centreId: HCM }, async (tx) => {
          tx.afterCommit(() => ran.push('never'));
          await tx.bumpSeq(HCM);
          // A second centre with the same id: the statement fails, the caller swallows it.
          await tx.upsertCounter({ ...hcmCentre.counters[0]!, id: 'dup', number: 1 }).catch(() => undefined);
        }),
      ).rejects.toThrow(/COMMIT rolled back/);
      expect(ran).toEqual([]);
    });
  });

  describe('faults', () => {
    it('a stopped server makes calls fail with store.unavailable; the same store works once it is back', async () => {
      const url = await cluster.createDatabase();
      const poolErrors: Error[] = [];
      const store = await open(url, { onPoolError: (e) => poolErrors.push(e) });
      await installCentre(store, hcmCentre);
      const deps = instance(store, 'a');
      expect((await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.seq).toBe(1);

      await stopServer(cluster);
      try {
        await expect(issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).rejects.toMatchObject({ code: 'store.unavailable' });
        await expect(store.listCentres()).rejects.toBeInstanceOf(StoreUnavailable);
        await expect(store.consistentRead((r) => r.currentSeq(HCM))).rejects.toMatchObject({ code: 'store.unavailable' });
      } finally {
        await startServer(cluster);
      }
      // No reopening: the pool connects anew.
      expect((await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.seq).toBe(2);
      expect(await store.consistentRead((r) => r.currentSeq(HCM))).toBe(2);
      // The idle connections the shutdown broke were reported, not thrown.
      expect(poolErrors.every((e) => e instanceof Error)).toBe(true);
    });

    it('an unreachable server at start is store.unavailable, without the password', async () => {
      const url = cluster.url('postgres').replace('luot@', 'luot:s3cret@').replace(`:${cluster.port}/`, ':1/');
      const error = await createPostgresStore({ url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailable);
      expect((error as StoreUnavailable).sqliteCode).toBe('ECONNREFUSED');
      expect(String((error as Error).cause)).not.toContain('s3cret');
    });
  });
});

/** Polls a count query until it is non-zero (a lock wait shows in pg_locks once the statement reaches the server). */
async function waitFor(url: string, text: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const [row] = await query<{ n: number }>(url, text);
    if (row && row.n > 0) return row.n;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return 0;
}

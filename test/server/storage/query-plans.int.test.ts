import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreSettings } from '../../../protocol/index.ts';
import { callNext, finishTicket, transferTicket } from '../../../server/counters/calls.usecases.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import type { Deps } from '../../../server/kernel/ports.ts';
import { reportsSubscriber } from '../../../server/reports/rollups.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { getTicketView, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { sequentialIds } from '../../fakes/ids.fake.ts';
import { recordingNotifier } from '../../fakes/notifier.fake.ts';
import { HCM, hcmCentre, HUNG, LAN, MORNING, TODAY } from '../../fixtures/centres.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { historyTables, planProblems, queriesOf, seedHistoryRows, type Recorded } from './query-plans.helpers.ts';

/**
 * Guard rail of issue #11: on a store with a long history (statistics as production has them),
 * no statement of the hot path — issue, call-next, finish, snapshot, status page — may read the
 * history or sort the waiting tickets. Each statement the use cases actually run is recorded
 * through the driver and its plan judged with EXPLAIN QUERY PLAN (query-plans.helpers.ts).
 */
const dir = tempDir('luot-plans');
const dbFile = join(dir.path, 'luot.sqlite');
const recorded: Recorded[] = [];
let recording = false;
let store: Store;
let deps: Deps;
const ops: Record<string, Recorded[]> = {};

async function record(name: string, op: () => Promise<unknown>): Promise<void> {
  recorded.length = 0;
  recording = true;
  try {
    await op();
  } finally {
    recording = false;
  }
  ops[name] = [...(ops[name] ?? []), ...queriesOf(recorded)];
}

async function settings(change: Partial<CentreSettings>): Promise<void> {
  const current = await store.getSettings(HCM);
  await store.runInTx({ centreId: HCM }, (tx) => tx.saveSettings(HCM, { ...current, ...change }));
}

beforeAll(async () => {
  const setup = await createSqliteStore({ filename: dbFile });
  await installCentre(setup, hcmCentre);
  await setup.close();
  seedHistoryRows(dbFile, { days: 400, perDay: 250, before: TODAY });
  // Production keeps statistics (PRAGMA optimize at open and every few hours); here, all of them.
  const raw = new BetterSqlite3(dbFile);
  raw.exec('ANALYZE');
  raw.close();

  store = await createSqliteStore({ filename: dbFile, observe: (sql, parameters) => recording && recorded.push({ sql, parameters }) });
  deps = { store, clock: fakeClock(MORNING), ids: sequentialIds('id'), notifier: recordingNotifier(), subscribers: [reportsSubscriber] };
  const clock = deps.clock as ReturnType<typeof fakeClock>;
  await openCounter(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  await openCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG });
  for (let i = 0; i < 40; i++) {
    await issueTicket(deps, { centreId: HCM, serviceId: i % 3 ? 'ho-tich' : 'dat-dai', ...(i % 5 === 0 ? { priorityGroupId: 'nguoi-cao-tuoi' } : {}) });
    clock.advance(20_000);
  }

  await record('issue', () => issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' }));
  await record('issue', () => issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai', priorityGroupId: 'nguoi-cao-tuoi' }));
  const policies: Partial<CentreSettings>[] = [{ carryOver: false }, { carryOver: true }, { priorityPolicy: { mode: 'interleaved', normalPerPriority: 2 } }];
  for (const policy of policies) {
    await settings(policy);
    const called = await callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    await record('call-next', () => callNext(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG }));
    await record('finish', () => finishTicket(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG }));
    await record('status page', () => getTicketView(deps, called.ticket.id));
    await finishTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  }
  // A ticket sent to a counter, then that counter's next call.
  await callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  await transferTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN, toCounterId: 'quay-2' });
  await record('call-next', () => callNext(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG }));
  const waiting = (await store.listWaiting(HCM)).at(-1)!;
  await record('status page', () => getTicketView(deps, waiting.id));
  await record('snapshot', () => getSnapshot(deps, HCM));
  await store.close();
}, 120_000);

afterAll(() => dir.remove());

function problemsWith(db: BetterSqlite3.Database): Record<string, string[]> {
  const history = historyTables(db);
  expect([...history]).toEqual(expect.arrayContaining(['tickets', 'ticket_events']));
  return Object.fromEntries(
    Object.entries(ops).map(([op, queries]) => [op, queries.flatMap((q) => planProblems(db, history, q).map((p) => `${p}\n    in: ${q.sql}`))]),
  );
}

describe('hot-path query plans on a store with 100 000 tickets of history', () => {
  it('recorded every hot-path operation', () => {
    expect(Object.keys(ops).sort()).toEqual(['call-next', 'finish', 'issue', 'snapshot', 'status page']);
    for (const queries of Object.values(ops)) expect(queries.length).toBeGreaterThan(0);
  });

  it('with statistics (ANALYZE): no history scan, no temporary B-tree', () => {
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      expect(problemsWith(db)).toEqual({ 'call-next': [], finish: [], issue: [], snapshot: [], 'status page': [] });
    } finally {
      db.close();
    }
  });

  it('without statistics (a store never analysed): the same', () => {
    const db = new BetterSqlite3(dbFile);
    try {
      db.exec('DELETE FROM sqlite_stat1');
      db.exec('DELETE FROM sqlite_stat4');
      db.close();
    } catch (error) {
      db.close();
      throw error;
    }
    const fresh = new BetterSqlite3(dbFile, { readonly: true });
    try {
      expect(problemsWith(fresh)).toEqual({ 'call-next': [], finish: [], issue: [], snapshot: [], 'status page': [] });
    } finally {
      fresh.close();
    }
  });

  it('catches the waiting count of before issue #11 (a range over business days)', () => {
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      const before = {
        sql: `select "queue_service_id", count(*) as "n" from "tickets" where "centre_id" = ? and "business_day" <= ? and "state" = ? group by "queue_service_id"`,
        parameters: [HCM, TODAY, 'waiting'],
      };
      expect(planProblems(db, historyTables(db), before)).not.toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('planner statistics', () => {
  it('are gathered when the store opens on a history that never had them', async () => {
    const other = tempDir('luot-stats');
    try {
      const file = join(other.path, 'luot.sqlite');
      const setup = await createSqliteStore({ filename: file });
      await installCentre(setup, hcmCentre);
      await setup.close();
      const raw = new BetterSqlite3(file);
      raw.exec('DELETE FROM sqlite_stat1');
      raw.close();
      seedHistoryRows(file, { days: 40, perDay: 250, before: TODAY });

      const opened = await createSqliteStore({ filename: file });
      const check = new BetterSqlite3(file, { readonly: true });
      try {
        // While the store is open: gathered at open, not only when it closes.
        const stats = check.prepare(`SELECT idx FROM sqlite_stat1 WHERE tbl = 'tickets'`).all() as { idx: string }[];
        expect(stats.map((s) => s.idx)).toEqual(expect.arrayContaining(['tickets_waiting_ix']));
      } finally {
        check.close();
        await opened.close();
      }
    } finally {
      other.remove();
    }
  });
});

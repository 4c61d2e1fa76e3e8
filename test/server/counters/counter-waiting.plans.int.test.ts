import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreSettings, CounterWaiting, Ticket } from '../../../protocol/index.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { callNext, transferTicket } from '../../../server/counters/calls.usecases.ts';
import { counterWaiting } from '../../../server/counters/counter-waiting.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import type { Deps } from '../../../server/kernel/ports.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { reportsSubscriber } from '../../../server/reports/rollups.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { sequentialIds } from '../../fakes/ids.fake.ts';
import { recordingNotifier } from '../../fakes/notifier.fake.ts';
import { HCM, hcmCentre, HUNG, LAN, MORNING, TODAY } from '../../fixtures/centres.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { historyTables, planProblems, queriesOf, seedHistoryRows, type Recorded } from '../storage/query-plans.helpers.ts';

/**
 * The console's waiting list (issue #15) is asked after every fact by every console: on a store
 * with a year of history (91 000 tickets) and 3 000 waiting, no statement of it may scan the
 * history or sort the waiting tickets (EXPLAIN QUERY PLAN, judged like the hot path's in
 * test/server/storage/query-plans.int.test.ts), and it runs a fixed handful of statements,
 * whatever the limit and the queue's length.
 */
const dir = tempDir('luot-waiting-plans');
const dbFile = join(dir.path, 'luot.sqlite');
const recorded: Recorded[] = [];
const all: string[] = [];
let recording = false;
let store: Store;
let deps: Deps;
const runs: { name: string; queries: Recorded[]; statements: string[]; answer: unknown }[] = [];

async function record(name: string, op: () => Promise<unknown>): Promise<void> {
  recorded.length = 0;
  all.length = 0;
  recording = true;
  let answer: unknown;
  try {
    answer = await op();
  } finally {
    recording = false;
  }
  runs.push({ name, queries: queriesOf(recorded), statements: [...all], answer });
}

async function settings(change: Partial<CentreSettings>): Promise<void> {
  const current = await store.getSettings(HCM);
  await store.runInTx({ centreId: HCM }, (tx) => tx.saveSettings(HCM, { ...current, ...change }));
}

/** 3 000 waiting tickets of today, straight into the store (a queue no real centre has: the worst case). */
async function manyWaiting(count: number): Promise<void> {
  const base = Date.parse(MORNING) - 3 * 3_600_000;
  await store.runInTx({ centreId: HCM }, async (tx) => {
    for (let i = 0; i < count; i++) {
      const serviceId = i % 2 ? 'ho-tich' : 'dat-dai';
      const ticket: Ticket = {
        id: `w-${i}`,
        centreId: HCM,
        serviceId,
        businessDay: TODAY,
        seq: 10_000 + i,
        number: `W${i}`,
        state: 'waiting',
        issuedAt: new Date(base + i * 1_000).toISOString(),
        calledAt: null,
        servingAt: null,
        finishedAt: null,
        counterId: null,
        staffId: null,
        priorityGroupId: i % 9 === 0 ? 'nguoi-cao-tuoi' : null,
        recallCount: 0,
        targetCounterId: null,
      };
      await tx.insertTicket(ticket);
    }
  });
}

beforeAll(async () => {
  const setup = await createSqliteStore({ filename: dbFile });
  await installCentre(setup, hcmCentre);
  await setup.close();
  seedHistoryRows(dbFile, { days: 365, perDay: 250, before: TODAY });
  const raw = new BetterSqlite3(dbFile);
  raw.exec('ANALYZE');
  raw.close();

  store = await createSqliteStore({
    filename: dbFile,
    observe: (sql, parameters) => {
      if (!recording) return;
      recorded.push({ sql, parameters });
      all.push(sql);
    },
  });
  deps = { store, clock: fakeClock(MORNING), ids: sequentialIds('id'), notifier: recordingNotifier(), subscribers: [reportsSubscriber] };
  await manyWaiting(3_000);
  await openCounter(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  await openCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG });
  for (let i = 0; i < 10; i++) await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', ...(i % 3 === 0 ? { priorityGroupId: 'nguoi-cao-tuoi' } : {}) });
  // A ticket sent to counter 2 (a transfer row to read), and calls in the counter's history.
  await callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  await transferTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN, toCounterId: 'quay-2' });

  const policies: Partial<CentreSettings>[] = [{}, { carryOver: true }, { carryOver: false, priorityPolicy: { mode: 'interleaved', normalPerPriority: 2 } }];
  for (const policy of policies) {
    await settings(policy);
    // What the console meets: the configuration cached since the change's snapshot.
    await counterWaiting(deps, { centreId: HCM, counterId: 'quay-2', limit: 1 });
    for (const limit of [20, 100]) {
      await record(`quay-2 ${JSON.stringify(policy)} limit ${limit}`, () => counterWaiting(deps, { centreId: HCM, counterId: 'quay-2', limit }));
    }
  }
  await store.close();
}, 180_000);

afterAll(() => dir.remove());

describe('the console’s waiting list on a year of history and 3 000 waiting', () => {
  it('was recorded, and lists what it should', () => {
    expect(runs).toHaveLength(6);
    for (const run of runs) {
      const answer = run.answer as CounterWaiting;
      // 3 000 + 10 issued, one of them called and sent back to counter 2 by a transfer.
      expect(answer.total, run.name).toBe(3_010);
      expect(answer.items, run.name).toHaveLength(run.name.endsWith('limit 20') ? 20 : 100);
    }
  });

  it('runs at most 7 statements (BEGIN and COMMIT included), whatever the policy and the limit, the configuration cached', () => {
    for (const run of runs) {
      const why = `${run.name}\n${run.statements.join('\n')}`;
      expect(run.statements.length, why).toBeLessThanOrEqual(7);
      // The configuration comes from the cache after one version read.
      expect(
        run.statements.filter((s) => /from "(services|counters|counter_services)"/.test(s)),
        why,
      ).toEqual([]);
    }
    // The interleaved policy counts the counter's past calls, as call-next does: one statement more.
    expect(runs.filter((r) => r.statements.some((s) => /from "ticket_events" as "e"/.test(s))).map((r) => r.name)).toEqual([
      expect.stringContaining('interleaved'),
      expect.stringContaining('interleaved'),
    ]);
  });

  it('no statement scans the history or sorts history rows: with statistics, and without', () => {
    const judge = (db: BetterSqlite3.Database) => {
      const history = historyTables(db);
      expect([...history]).toEqual(expect.arrayContaining(['tickets', 'ticket_events']));
      return runs.flatMap((run) => run.queries.flatMap((q) => planProblems(db, history, q).map((p) => `${run.name}: ${p}\n    in: ${q.sql}`)));
    };
    const analysed = new BetterSqlite3(dbFile, { readonly: true });
    try {
      expect(judge(analysed)).toEqual([]);
    } finally {
      analysed.close();
    }
    const raw = new BetterSqlite3(dbFile);
    raw.exec('DELETE FROM sqlite_stat1');
    raw.exec('DELETE FROM sqlite_stat4');
    raw.close();
    const fresh = new BetterSqlite3(dbFile, { readonly: true });
    try {
      expect(judge(fresh)).toEqual([]);
    } finally {
      fresh.close();
    }
  });

  it('counts on the waiting index alone (no row of the tickets read for the total)', () => {
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      const count = runs[0]!.queries.find((q) => /count\(\*\)/i.test(q.sql))!;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${count.sql}`).all(...count.parameters) as { detail: string }[]).map((r) => r.detail);
      expect(plan.join('\n')).toMatch(/USING COVERING INDEX tickets_waiting_ix/);
    } finally {
      db.close();
    }
  });
});

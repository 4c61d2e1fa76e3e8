import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import type { Deps } from '../../../server/kernel/ports.ts';
import { reportsSubscriber } from '../../../server/reports/rollups.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { openSqliteDatabase } from '../../../server/storage/sqlite-driver.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { sequentialIds } from '../../fakes/ids.fake.ts';
import { recordingNotifier } from '../../fakes/notifier.fake.ts';
import { HCM, hcmCentre, HUNG, MORNING } from '../../fixtures/centres.ts';

/**
 * Issue #11: an issued ticket costs at most 10 SQL statements and a call at most 12 (the use case
 * with the reports' rollup hook, as the server runs it; BEGIN and COMMIT count), each prepared
 * once. Counted through the driver, like the bench does.
 */
let store: Store;
let deps: Deps;
let statements: string[] = [];
beforeEach(async () => {
  store = await createSqliteStore({ filename: ':memory:', observe: (sql) => void statements.push(sql) });
  await installCentre(store, hcmCentre);
  deps = { store, clock: fakeClock(MORNING), ids: sequentialIds('id'), notifier: recordingNotifier(), subscribers: [reportsSubscriber] };
});
afterEach(() => store.close());

async function count(op: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await op();
  return statements;
}

describe('statements per operation', () => {
  it('issue: at most 10, configuration from the cache after one version read; a priority ticket one more', async () => {
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    const issued = await count(() => issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' }));
    expect(issued.length, issued.join('\n')).toBeLessThanOrEqual(10);
    expect(issued.filter((s) => /from "(services|counters|counter_services)"/.test(s))).toEqual([]);
    // Issue #15: a priority ticket counts its queue by class, for the people really ahead of it.
    const priority = await count(() => issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai', priorityGroupId: 'nguoi-cao-tuoi' }));
    expect(priority.length, priority.join('\n')).toBeLessThanOrEqual(11);
    expect(priority.filter((s) => /from "(services|counters|counter_services)"/.test(s))).toEqual([]);
  });

  it('call-next: at most 12, also when the policy reads the counter’s past calls; finish: at most 12', async () => {
    const settings = await store.getSettings(HCM);
    await store.runInTx({ centreId: HCM }, (tx) => tx.saveSettings(HCM, { ...settings, priorityPolicy: { mode: 'interleaved', normalPerPriority: 2 } }));
    await openCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG });
    for (let i = 0; i < 30; i++) await issueTicket(deps, { centreId: HCM, serviceId: i % 2 ? 'ho-tich' : 'dat-dai' });
    for (let i = 0; i < 3; i++) {
      const call = await count(() => callNext(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG }));
      expect(call.length, call.join('\n')).toBeLessThanOrEqual(12);
      const finish = await count(() => finishTicket(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG }));
      expect(finish.length, finish.join('\n')).toBeLessThanOrEqual(12);
    }
  });
});

describe('the driver prepares each statement once', () => {
  it('hands back the same prepared statement for the same SQL text', async () => {
    const db = await openSqliteDatabase(':memory:');
    try {
      const first = db.prepare('SELECT ? AS x');
      expect(db.prepare('SELECT ? AS x')).toBe(first);
      expect(db.prepare('SELECT ? AS y')).not.toBe(first);
      expect(first.all([7])).toEqual([{ x: 7 }]);
    } finally {
      db.close();
    }
  });
});

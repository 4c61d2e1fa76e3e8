import { describe, expect, it } from 'vitest';
import { evaluateCentreAlerts, type AlertDeps } from '../../../server/alerts/alerts.usecases.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { sequentialIds } from '../../fakes/ids.fake.ts';
import { recordingNotifier } from '../../fakes/notifier.fake.ts';
import { HCM, MORNING } from '../../fixtures/centres.ts';
import { sharedStoreRig } from '../../helpers/two-stores.ts';

/**
 * Two server instances over one store (issue #13's rig) evaluate the same centre at the same
 * moment, again and again: each alert is raised once, cleared once, and published by exactly one
 * instance — the one whose write made the change.
 */
const rig = sharedStoreRig('alerts.two-instances.int.test.ts');

/**
 * PostgreSQL: truly at once. SQLite: one after the other — two SQLite stores in one process cannot
 * write at the same moment (better-sqlite3 waits for the lock synchronously, blocking the other), and
 * SQLite's lock is the whole database anyway; two processes are covered by config-cache.int.test.ts's way.
 */
async function together<T>(kind: 'sqlite' | 'postgres', runs: (() => Promise<T>)[]): Promise<T[]> {
  if (kind === 'postgres') return Promise.all(runs.map((r) => r()));
  const out: T[] = [];
  for (const r of runs) out.push(await r());
  return out;
}

const instance = (store: Store, name: string) =>
  ({ store, clock: fakeClock(MORNING), ids: sequentialIds(name), notifier: recordingNotifier() }) satisfies AlertDeps;

describe.each(['sqlite', 'postgres'] as const)('two instances on one %s store', (kind) => {
  it.skipIf(kind === 'postgres' && !rig.pgInstalled)('raise one alert and clear it once, each fact published by one instance', async () => {
    const [storeA, storeB] = await rig.twoStores(kind);
    const a = instance(storeA, 'a');
    const b = instance(storeB, 'b');
    const settings = await storeA.getSettings(HCM);
    await storeA.runInTx({ centreId: HCM }, (tx) =>
      tx.saveSettings(HCM, { ...settings, alerts: { ...settings.alerts, maxQueueLength: { default: 2, services: {} } } }),
    );
    for (let i = 0; i < 3; i++) await issueTicket({ ...a, subscribers: [] }, { centreId: HCM, serviceId: 'dat-dai' });

    const rounds = await together(
      kind,
      [0, 1, 2, 3].map((i) => () => evaluateCentreAlerts(i % 2 ? b : a, HCM)),
    );
    expect(rounds.flat()).toHaveLength(1);
    const published = [...a.notifier.ofType('alert:changed'), ...b.notifier.ofType('alert:changed')];
    expect(published).toHaveLength(1);
    expect(await storeB.openAlerts(HCM)).toHaveLength(1);

    // Raise the limit: both look at once, the alert clears once.
    await storeB.runInTx({ centreId: HCM }, (tx) =>
      tx.saveSettings(HCM, { ...settings, alerts: { ...settings.alerts, maxQueueLength: { default: 5, services: {} } } }),
    );
    const clears = await together(kind, [() => evaluateCentreAlerts(a, HCM), () => evaluateCentreAlerts(b, HCM)]);
    expect(clears.flat().map((v) => v.clearedAt !== null)).toEqual([true]);
    expect([...a.notifier.ofType('alert:changed'), ...b.notifier.ofType('alert:changed')]).toHaveLength(2);
    expect(await storeA.openAlerts(HCM)).toEqual([]);
  });
});

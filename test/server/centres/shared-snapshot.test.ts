import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedSnapshots, snapshotRequests, SNAPSHOT_REQUESTS } from '../../../server/centres/shared-snapshot.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

describe('one snapshot per change, shared', () => {
  it('serves the same snapshot to every display until something changes', async () => {
    const snapshots = sharedSnapshots(deps);
    const many = await Promise.all(Array.from({ length: 50 }, () => snapshots.get(HCM)));
    expect(new Set(many).size).toBe(1);
    expect(await snapshots.get(HCM)).toBe(many[0]);

    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    const afterIssue = await snapshots.get(HCM);
    expect(afterIssue).not.toBe(many[0]);
    expect(afterIssue.seq).toBe(many[0]!.seq + 1);
    expect(afterIssue.waiting['ho-tich']).toBe(1);
  });

  it('builds anew after a configuration change and when the business day turns', async () => {
    const snapshots = sharedSnapshots(deps);
    const first = await snapshots.get(HCM);
    const settings = await deps.store.getSettings(HCM);
    await deps.store.runInTx({ centreId: HCM }, (tx) => tx.saveSettings(HCM, { ...settings, maxRecalls: settings.maxRecalls + 1 }));
    const second = await snapshots.get(HCM);
    expect(second).not.toBe(first);
    deps.clock.advance(24 * 3_600_000);
    const nextDay = await snapshots.get(HCM);
    expect(nextDay).not.toBe(second);
    expect(nextDay.businessDay > second.businessDay).toBe(true);
  });
});

describe('one socket’s snapshot requests', () => {
  it('allows a burst, then refuses until the bucket refills; a request while one is built joins it', async () => {
    let now = 0;
    let builds = 0;
    const ask = snapshotRequests(
      async () => {
        builds++;
        return { seq: builds } as never;
      },
      () => now,
    );
    const burst = Array.from({ length: SNAPSHOT_REQUESTS.burst + 3 }, () => ask());
    expect(burst.filter((a) => a === 'rate_limited')).toHaveLength(3);
    await Promise.all(burst.filter((a) => a !== 'rate_limited'));
    expect(builds).toBe(1);
    expect(ask()).toBe('rate_limited');
    now += 60_000 / SNAPSHOT_REQUESTS.perMinute;
    expect(ask()).not.toBe('rate_limited');
  });
});

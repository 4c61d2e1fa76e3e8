import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/deps.ts';

/**
 * The login throttle's records in the store (issue #13, `login_throttles`): written and read under
 * a key's lock, and pruned — forgotten keys go, locks stay, and a flood of names is cut back to
 * the newest. Runs on SQLite and, in the `pg` project, on PostgreSQL.
 */
const HOUR = 60 * 60_000;
const NOW = 10 * HOUR;

describe('login_throttles', () => {
  it('puts, replaces, reads and deletes a key’s record inside its transaction', async () => {
    const { store } = await makeDeps();
    await store.runInTx({ key: 'login:user:lan' }, (tx) => tx.putLoginThrottle({ key: 'user:lan', failures: 1, lastFailureMs: NOW, lockedUntilMs: 0 }));
    await store.runInTx({ key: 'login:user:lan' }, (tx) =>
      tx.putLoginThrottle({ key: 'user:lan', failures: 5, lastFailureMs: NOW + 1, lockedUntilMs: NOW + 1_001 }),
    );
    expect(await store.getLoginThrottles(['user:lan', 'addr:10.0.0.9'])).toEqual([
      { key: 'user:lan', failures: 5, lastFailureMs: NOW + 1, lockedUntilMs: NOW + 1_001 },
    ]);
    await store.runInTx({ key: 'login:user:lan' }, (tx) => tx.deleteLoginThrottle('user:lan'));
    expect(await store.getLoginThrottles(['user:lan'])).toEqual([]);
    expect(await store.getLoginThrottles([])).toEqual([]);
  });

  it('prunes keys an hour without a failure whose lock has ended, and past the cap the oldest unlocked keys', async () => {
    const { store } = await makeDeps();
    const put = (key: string, lastFailureMs: number, lockedUntilMs = 0) =>
      store.runInTx({ key: `login:${key}` }, (tx) => tx.putLoginThrottle({ key, failures: 3, lastFailureMs, lockedUntilMs }));
    await put('user:old', NOW - HOUR);
    await put('user:old-but-locked', NOW - HOUR, NOW + 60_000);
    for (let i = 1; i <= 5; i++) await put(`user:recent-${i}`, NOW - i * 1_000);
    await put('user:recent-locked', NOW - 10_000, NOW + 60_000);

    expect(await store.pruneLoginThrottles({ forgottenBeforeMs: NOW - HOUR, nowMs: NOW, maxRows: 100 })).toBe(1);
    expect(await store.getLoginThrottles(['user:old', 'user:old-but-locked'])).toMatchObject([{ key: 'user:old-but-locked' }]);

    // 7 keys left, 4 allowed: the three unlocked keys that failed longest ago go; locks stay.
    expect(await store.pruneLoginThrottles({ forgottenBeforeMs: NOW - HOUR, nowMs: NOW, maxRows: 4 })).toBe(3);
    const left = await store.getLoginThrottles(['user:old-but-locked', 'user:recent-locked', ...[1, 2, 3, 4, 5].map((i) => `user:recent-${i}`)]);
    expect(left.map((r) => r.key).sort()).toEqual(['user:old-but-locked', 'user:recent-1', 'user:recent-2', 'user:recent-locked']);
  });
});

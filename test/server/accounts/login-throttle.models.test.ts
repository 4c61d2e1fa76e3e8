import { describe, expect, it } from 'vitest';
import {
  addressKey,
  lockAfter,
  loginKeys,
  LoginThrottle,
  USERNAME_POLICY,
  type ThrottleKey,
  type ThrottlePolicy,
} from '../../../server/accounts/login-throttle.models.ts';

const policy: ThrottlePolicy = { freeFailures: 5, baseLockMs: 1_000, maxLockMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
const user: ThrottleKey = { id: 'user:lan', policy, counts: 'attempt' };
const userNamed = (name: string): ThrottleKey => ({ id: `user:${name}`, policy, counts: 'attempt' });
const addr: ThrottleKey = { id: 'addr:10.0.0.9', policy: { ...policy, freeFailures: 20 }, counts: 'failure' };

/** A fake clock: the rule only ever sees the numbers it is given. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** `n` failed attempts at `now`, each let through, then a wrong password; returns the locks started. */
function fail(t: LoginThrottle, keys: ThrottleKey[], now: number, n = 1) {
  const locks = [];
  for (let i = 0; i < n; i++) {
    const r = t.attempt(keys, now);
    expect(r.allowed, `attempt ${i + 1}`).toBe(true);
    locks.push(...(r.locks ?? []), ...t.failed(keys, now));
  }
  return locks;
}

describe('lockAfter', () => {
  it('is free up to the allowance, then 1 s doubling to the 15 min cap', () => {
    expect([1, 2, 3, 4].map((n) => lockAfter(n, policy))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 14].map((n) => lockAfter(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 512_000]);
    expect(lockAfter(15, policy)).toBe(15 * 60_000);
    expect(lockAfter(1_000_000, policy)).toBe(15 * 60_000);
  });
});

describe('LoginThrottle with a fake clock', () => {
  it('locks a username after 5 failures for 1 s, then 2 s, 4 s …; the right password works after the lock', () => {
    const t = new LoginThrottle();
    const c = clock();
    const locks = fail(t, [user], c.now(), 5);
    expect(locks).toEqual([{ key: 'user:lan', failures: 5, lockMs: 1_000 }]);
    expect(t.attempt([user], c.now())).toEqual({ allowed: false, retryAfterMs: 1_000, key: 'user:lan' });
    c.advance(999);
    expect(t.attempt([user], c.now())).toMatchObject({ allowed: false, retryAfterMs: 1 });
    c.advance(1);
    expect(fail(t, [user], c.now())).toEqual([{ key: 'user:lan', failures: 6, lockMs: 2_000 }]);
    c.advance(2_000);
    expect(fail(t, [user], c.now())).toEqual([{ key: 'user:lan', failures: 7, lockMs: 4_000 }]);
    c.advance(4_000);
    // The right password: let through, and the username starts again from zero.
    expect(t.attempt([user], c.now()).allowed).toBe(true);
    t.succeeded([user]);
    expect(fail(t, [user], c.now(), 4)).toEqual([]);
  });

  it('refuses while locked without counting (the guess is never checked)', () => {
    const t = new LoginThrottle();
    const c = clock();
    fail(t, [user], c.now(), 5);
    for (let i = 0; i < 100; i++) expect(t.attempt([user], c.now()).allowed).toBe(false);
    c.advance(1_000);
    // Still the 6th failure, not the 106th: 2 s.
    expect(fail(t, [user], c.now())).toEqual([{ key: 'user:lan', failures: 6, lockMs: 2_000 }]);
  });

  it('counts an attempt at once, so a parallel burst meets the lock after the allowance', () => {
    const t = new LoginThrottle();
    const now = clock().now();
    const results = Array.from({ length: 50 }, () => t.attempt([user], now));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('caps the lock at 15 minutes however long the guessing goes on', () => {
    const t = new LoginThrottle();
    const c = clock();
    let last = 0;
    for (let i = 0; i < 40; i++) {
      const r = t.attempt([user], c.now());
      expect(r.allowed).toBe(true);
      last = r.locks?.[0]?.lockMs ?? 0;
      c.advance(Math.max(last, 1));
    }
    expect(last).toBe(15 * 60_000);
  });

  it('forgets failures an hour after the last one', () => {
    const t = new LoginThrottle();
    const c = clock();
    fail(t, [user], c.now(), 4);
    c.advance(60 * 60_000);
    expect(fail(t, [user], c.now(), 4)).toEqual([]);
    expect(t.size).toBe(1);
  });

  it('locks an address guessing across usernames after its larger allowance', () => {
    const t = new LoginThrottle();
    const now = clock().now();
    const locks = [];
    for (let i = 0; i < 20; i++) locks.push(...fail(t, [userNamed(`u${i}`), addr], now));
    expect(locks).toEqual([{ key: 'addr:10.0.0.9', failures: 20, lockMs: 1_000 }]);
    expect(t.attempt([userNamed('someone-else'), addr], now)).toMatchObject({ allowed: false, key: 'addr:10.0.0.9' });
    // Another address is not affected.
    expect(t.attempt([userNamed('someone-else'), { ...addr, id: 'addr:10.0.0.10' }], now).allowed).toBe(true);
  });

  it('lets a whole centre log in at once through one address (an address counts failures only)', () => {
    const t = new LoginThrottle();
    const now = clock().now();
    const keys = Array.from({ length: 50 }, (_, i) => [userNamed(`officer-${i}`), addr]);
    // All 50 let through before any verdict, then all succeed.
    expect(keys.map((k) => t.attempt(k, now).allowed).every(Boolean)).toBe(true);
    for (const k of keys) t.succeeded(k);
    expect(t.check([addr], now)).toEqual({ allowed: true });
  });

  it('cancel takes back the count of an attempt that was no guess', () => {
    const t = new LoginThrottle();
    const now = clock().now();
    fail(t, [user], now, 4);
    const r = t.attempt([user], now);
    expect(r.locks).toHaveLength(1);
    t.cancel([user]);
    expect(t.check([user], now).allowed).toBe(true);
  });

  it('stays within its size under a flood of usernames', () => {
    const t = new LoginThrottle(100);
    const now = clock().now();
    for (let i = 0; i < 1_000; i++) t.attempt([{ id: `user:n${i}`, policy: USERNAME_POLICY, counts: 'attempt' }], now);
    expect(t.size).toBeLessThanOrEqual(100);
  });
});

describe('keys', () => {
  it('a username case-insensitively, an address by itself or its IPv6 /64', () => {
    expect(loginKeys(' Lan ', '10.0.0.9').map((k) => k.id)).toEqual(['user:lan', 'addr:10.0.0.9']);
    expect(addressKey('::ffff:192.168.1.4')).toBe('192.168.1.4');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

/**
 * Login throttling (issue #10, docs/security.md "Login throttling"): the rule, with no clock of
 * its own (every call takes `nowMs`) and no I/O. Failures are counted per key (a username, a
 * client address); past a free allowance each further failure locks the key for a delay that
 * doubles up to a cap. While any key of an attempt is locked the attempt is refused without
 * checking the password, so a lock also stops an attacker's guesses from costing scrypt time.
 *
 * A username counts an attempt as a failure the moment it is let through (`attempt`), so a burst
 * of parallel guesses at one account meets the lock as soon as the allowance is used up, not
 * after the first verdicts; the right password then clears it (`succeeded`). An address counts
 * only real failures (`failed`): a centre's officers logging in at once through one NAT address
 * must not lock each other out, and a parallel burst across many usernames is already held to
 * each username's allowance. A key forgets its failures after `forgetAfterMs` without one.
 */

export interface ThrottlePolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** The first lock; each further failure doubles it. */
  baseLockMs: number;
  /** The longest lock. */
  maxLockMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

/** Per username: 5 free failures, then 1 s, 2 s, 4 s … up to 15 min. */
export const USERNAME_POLICY: ThrottlePolicy = { freeFailures: 5, baseLockMs: 1_000, maxLockMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
/**
 * Per client address: more free failures, because a centre's officers may all reach the server
 * through one address (a NAT or proxy) and each may mistype; the same growth and cap.
 */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, baseLockMs: 1_000, maxLockMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

export interface ThrottleKey {
  /** `user:<name>` or `addr:<address>`: unique across kinds. */
  id: string;
  policy: ThrottlePolicy;
  /** 'attempt': counted when let through, cleared by a success; 'failure': counted on a failure only. */
  counts: 'attempt' | 'failure';
}

/** One key's count and lock: what the store keeps per key (security.port.ts, LoginThrottleRecord). */
export interface ThrottleEntry {
  failures: number;
  lastFailureMs: number;
  /** 0 when never locked. */
  lockedUntilMs: number;
}

export type ThrottleCheck = { allowed: true } | { allowed: false; retryAfterMs: number; key: string };

/** A lock that began with a failure: for the audit line. */
export interface LockStarted {
  key: string;
  failures: number;
  lockMs: number;
}

/**
 * The lock after the `failures`-th failure: none before the allowance is used up, then the base
 * (at the `freeFailures`-th), doubling with each further failure up to the cap.
 */
export function lockAfter(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over < 0) return 0;
  // 2^30 ms is already past any sensible cap; avoid Infinity for huge counts.
  return Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.min(over, 30));
}

/** The entry as it counts now: undefined once forgotten (no failure for `forgetAfterMs`, lock over). */
export function liveEntry(entry: ThrottleEntry | undefined, policy: ThrottlePolicy, nowMs: number): ThrottleEntry | undefined {
  if (entry && nowMs - entry.lastFailureMs >= policy.forgetAfterMs && nowMs >= entry.lockedUntilMs) return undefined;
  return entry;
}

/** May an attempt with these keys be checked now? If not, how long until it may (the longest lock). */
export function checkKeys(keys: readonly ThrottleKey[], entryOf: (id: string) => ThrottleEntry | undefined, nowMs: number): ThrottleCheck {
  let worst: { retryAfterMs: number; key: string } | null = null;
  for (const key of keys) {
    const entry = liveEntry(entryOf(key.id), key.policy, nowMs);
    const wait = entry ? entry.lockedUntilMs - nowMs : 0;
    if (wait > 0 && (!worst || wait > worst.retryAfterMs)) worst = { retryAfterMs: wait, key: key.id };
  }
  return worst ? { allowed: false, ...worst } : { allowed: true };
}

/** One more failure on a key: its new entry, and the lock that failure starts, if any. */
export function countFailure(entry: ThrottleEntry | undefined, key: ThrottleKey, nowMs: number): { entry: ThrottleEntry; lock: LockStarted | null } {
  const before = liveEntry(entry, key.policy, nowMs);
  const failures = (before?.failures ?? 0) + 1;
  const lockMs = lockAfter(failures, key.policy);
  const lockedUntilMs = lockMs > 0 ? Math.max(before?.lockedUntilMs ?? 0, nowMs + lockMs) : (before?.lockedUntilMs ?? 0);
  return { entry: { failures, lastFailureMs: nowMs, lockedUntilMs }, lock: lockMs > 0 ? { key: key.id, failures, lockMs } : null };
}

/** Takes back one counted attempt that was no guess, and the lock it started. */
export function takeBack(entry: ThrottleEntry, key: ThrottleKey): ThrottleEntry {
  const failures = Math.max(0, entry.failures - 1);
  return { ...entry, failures, lockedUntilMs: lockAfter(failures, key.policy) === 0 ? 0 : entry.lockedUntilMs };
}

/**
 * The rule over entries kept in this process's memory, bounded in size (a flood of distinct
 * names cannot grow memory). The server keeps the entries in the store instead, so every
 * instance counts the same guesses (login-throttle.ts); both go through the functions above.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, ThrottleEntry>();
  constructor(private readonly maxEntries = 10_000) {}

  /** May an attempt with these keys be checked now? If not, how long until it may. */
  check(keys: readonly ThrottleKey[], nowMs: number): ThrottleCheck {
    return checkKeys(keys, (id) => this.entries.get(id), nowMs);
  }

  /**
   * Lets an attempt through unless a key is locked, counting it at once against the keys that
   * count attempts. `locks`: the locks that count started, for the audit should it fail.
   */
  attempt(keys: readonly ThrottleKey[], nowMs: number): ThrottleCheck & { locks?: LockStarted[] } {
    const check = this.check(keys, nowMs);
    if (!check.allowed) return check;
    return {
      allowed: true,
      locks: this.count(
        keys.filter((k) => k.counts === 'attempt'),
        nowMs,
      ),
    };
  }

  /** The attempt had a wrong password: the keys that count failures count it. */
  failed(keys: readonly ThrottleKey[], nowMs: number): LockStarted[] {
    return this.count(
      keys.filter((k) => k.counts === 'failure'),
      nowMs,
    );
  }

  /** The attempt had the right password: keys that count attempts (its username) start again from zero. */
  succeeded(keys: readonly ThrottleKey[]): void {
    for (const key of keys) if (key.counts === 'attempt') this.entries.delete(key.id);
  }

  /** The attempt was no guess (it failed for another reason): the attempt's count is taken back, and a lock it started. */
  cancel(keys: readonly ThrottleKey[]): void {
    for (const key of keys) {
      const entry = key.counts === 'attempt' ? this.entries.get(key.id) : undefined;
      if (entry) this.entries.set(key.id, takeBack(entry, key));
    }
  }

  private count(keys: readonly ThrottleKey[], nowMs: number): LockStarted[] {
    const locks: LockStarted[] = [];
    for (const key of keys) {
      const { entry, lock } = countFailure(this.entries.get(key.id), key, nowMs);
      if (lock) locks.push(lock);
      // Re-insert: Map order is then least recently failed first, the order of eviction.
      this.entries.delete(key.id);
      this.entries.set(key.id, entry);
    }
    this.evict(nowMs);
    return locks;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(nowMs: number): void {
    if (this.entries.size <= this.maxEntries) return;
    // First whatever is unlocked, oldest first; then, if still over, the oldest locks.
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) return;
      if (entry.lockedUntilMs <= nowMs) this.entries.delete(id);
    }
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(id);
    }
  }
}

/** The keys of a login attempt: its username (case as the store matches it) and its client address. */
export function loginKeys(username: string, address: string): ThrottleKey[] {
  return [
    { id: `user:${username.trim().toLowerCase()}`, policy: USERNAME_POLICY, counts: 'attempt' },
    { id: `addr:${addressKey(address)}`, policy: ADDRESS_POLICY, counts: 'failure' },
  ];
}

/**
 * An address as a throttle key: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 network, the
 * block one subscriber gets, so an attacker cannot step through addresses of their own network.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

import type { Context } from 'hono';
import { isAppError, type ErrorBody } from '../../protocol/index.ts';
import {
  ADDRESS_POLICY,
  checkKeys,
  countFailure,
  loginKeys,
  takeBack,
  USERNAME_POLICY,
  type LockStarted,
  type ThrottleCheck,
  type ThrottleEntry,
  type ThrottleKey,
} from './login-throttle.models.ts';
import type { LoginThrottleRecord } from './security.port.ts';
import type { Clock, Ids } from '../kernel/ports.ts';
import type { Store } from '../kernel/store.port.ts';
import { requestAddress } from '../http/client-address.ts';
import type { Logger } from '../kernel/log.ts';

export interface LoginGuardOptions {
  clock: Clock;
  ids: Ids;
  /** Where the counts and locks live (shared by every instance) and each lock that starts is recorded (the audit; docs/security.md). */
  store: Pick<Store, 'findAccountByUsername' | 'insertSecurityEvent' | 'runInTx' | 'pruneLoginThrottles'>;
  log: Logger;
  /** TRUSTED_PROXIES: peers whose X-Forwarded-For names the client. */
  trustedProxies: readonly string[];
}

/**
 * The HTTP side of login throttling (the rule: server/accounts/login-throttle.models.ts). Wraps the
 * login use case: a locked username or address gets 429 `auth.throttled` with Retry-After, before
 * the password is checked; a wrong password is counted. Audit: each lock that starts is a row of
 * `security_events` (listSecurityEvents, for the centre of the account named) and a `security:`
 * line in the log; each refused attempt is a log line (docs/security.md). Only /auth/login goes
 * through here: devices authenticate with tokens and are never throttled by anyone's guessing.
 */
export function createLoginGuard(options: LoginGuardOptions) {
  const throttle = storedThrottle(options);
  const trusted = new Set(options.trustedProxies);
  /** The audit rows of locks that just started; a store fault is logged, never the login's answer. */
  async function record(locks: readonly LockStarted[], username: string, address: string): Promise<void> {
    try {
      const centreId = (await options.store.findAccountByUsername(username))?.centreId ?? null;
      const atMs = options.clock.now().getTime();
      for (const lock of locks) {
        await options.store.insertSecurityEvent({
          id: options.ids.newId(),
          centreId,
          atMs,
          kind: 'login.locked',
          subject: lock.key,
          username,
          address,
          failures: lock.failures,
          lockMs: lock.lockMs,
        });
      }
    } catch (error) {
      options.log.error('security: the login lock could not be recorded in the store', error);
    }
  }
  return async function guardLogin<T>(c: Context, username: string, run: () => Promise<T>): Promise<T | Response> {
    const address = requestAddress(c, trusted);
    const keys = loginKeys(username, address);
    const result = await throttle.attempt(keys, options.clock.now().getTime());
    if (!result.allowed) {
      const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      options.log.warn(`security: login refused, ${result.key} is locked for ${seconds} s more (username "${username}", address ${address})`);
      const error: ErrorBody = { code: 'auth.throttled', message: `Too many failed logins; try again in ${seconds} s.` };
      return c.json({ error }, 429, { 'Retry-After': String(seconds) });
    }
    try {
      const value = await run();
      await throttle.succeeded(keys);
      return value;
    } catch (error) {
      if (isAppError(error) && error.code === 'auth.invalid_credentials') {
        const locks = [...result.locks, ...(await throttle.failed(keys, options.clock.now().getTime()))];
        for (const lock of locks) {
          options.log.warn(
            `security: ${lock.key} locked for ${Math.ceil(lock.lockMs / 1000)} s after ${lock.failures} failed logins (username "${username}", address ${address})`,
          );
        }
        if (locks.length > 0) await record(locks, username, address);
      } else {
        // Not a wrong password (a store error, say): no guess was checked.
        await throttle.cancel(keys);
      }
      throw error;
    }
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;

/** Keys forgotten this long after their last failure are deleted (the longest policy's). */
const FORGET_AFTER_MS = Math.max(USERNAME_POLICY.forgetAfterMs, ADDRESS_POLICY.forgetAfterMs);
/** At most this many keys are kept; past it the unlocked keys failed longest ago go. */
const MAX_KEYS = 100_000;
const PRUNE_EVERY_MS = 60_000;

const entryOf = (r: LoginThrottleRecord | undefined): ThrottleEntry | undefined =>
  r && { failures: r.failures, lastFailureMs: r.lastFailureMs, lockedUntilMs: r.lockedUntilMs };

/**
 * The rule of login-throttle.models.ts over counts kept in the store (`login_throttles`), so
 * guesses through several server instances add up (issue #13). Each key is changed in a
 * transaction holding that key's lock (`login:<key>`): the username's count is checked and taken
 * in one, so a burst through every instance meets the lock after the allowance. Store faults in
 * the bookkeeping after a verdict are logged, never the login's answer.
 */
function storedThrottle(options: LoginGuardOptions) {
  const { store, log } = options;
  let prunedAtMs = Number.NEGATIVE_INFINITY;

  /** Applies `change` to one key's entry under that key's lock. */
  const change = <T>(key: ThrottleKey, fn: (entry: ThrottleEntry | undefined) => { entry: ThrottleEntry | null; result: T }) =>
    store.runInTx({ key: `login:${key.id}` }, async (tx) => {
      const { entry, result } = fn(entryOf((await tx.getLoginThrottles([key.id]))[0]));
      if (entry) await tx.putLoginThrottle({ key: key.id, ...entry });
      else await tx.deleteLoginThrottle(key.id);
      return result;
    });
  const quietly = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      log.error(`security: ${what} could not be recorded in the store`, error);
    }
  };
  /** Forgotten keys go at most once a minute per instance (a statement of its own: they count as absent anyway). */
  const prune = async (nowMs: number) => {
    if (nowMs - prunedAtMs < PRUNE_EVERY_MS) return;
    prunedAtMs = nowMs;
    await store.pruneLoginThrottles({ forgottenBeforeMs: nowMs - FORGET_AFTER_MS, nowMs, maxRows: MAX_KEYS });
  };

  return {
    /**
     * Lets an attempt through unless a key is locked, counting it at once against the key that
     * counts attempts (its username), in one transaction under that key's lock.
     */
    async attempt(keys: readonly ThrottleKey[], nowMs: number): Promise<Exclude<ThrottleCheck, { allowed: true }> | { allowed: true; locks: LockStarted[] }> {
      const counted = keys.find((k) => k.counts === 'attempt') ?? keys[0]!;
      return store.runInTx({ key: `login:${counted.id}` }, async (tx) => {
        const records = new Map((await tx.getLoginThrottles(keys.map((k) => k.id))).map((r) => [r.key, r]));
        const check = checkKeys(keys, (id) => entryOf(records.get(id)), nowMs);
        if (!check.allowed) return check;
        const locks: LockStarted[] = [];
        if (counted.counts === 'attempt') {
          const { entry, lock } = countFailure(entryOf(records.get(counted.id)), counted, nowMs);
          await tx.putLoginThrottle({ key: counted.id, ...entry });
          if (lock) locks.push(lock);
        }
        return { allowed: true as const, locks };
      });
    },
    /** A wrong password: each key that counts failures (the address) counts it, each under its own lock. */
    async failed(keys: readonly ThrottleKey[], nowMs: number): Promise<LockStarted[]> {
      const locks: LockStarted[] = [];
      for (const key of keys.filter((k) => k.counts === 'failure')) {
        await quietly(`the failed login on ${key.id}`, async () => {
          const lock = await change(key, (before) => {
            const { entry, lock } = countFailure(before, key, nowMs);
            return { entry, result: lock };
          });
          if (lock) locks.push(lock);
        });
      }
      await quietly('pruning the login throttle', () => prune(nowMs));
      return locks;
    },
    /** The right password: the username starts again from zero. */
    async succeeded(keys: readonly ThrottleKey[]): Promise<void> {
      for (const key of keys.filter((k) => k.counts === 'attempt')) {
        await quietly(`clearing ${key.id}`, () => change(key, () => ({ entry: null, result: undefined })));
      }
    },
    /** No guess was checked (the login failed for another reason): the attempt's count is taken back. */
    async cancel(keys: readonly ThrottleKey[]): Promise<void> {
      for (const key of keys.filter((k) => k.counts === 'attempt')) {
        await quietly(`taking back an attempt on ${key.id}`, () =>
          change(key, (before) => ({ entry: before ? takeBack(before, key) : null, result: undefined })),
        );
      }
    },
  };
}

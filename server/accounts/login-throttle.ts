import type { Context } from 'hono';
import { isAppError, type ErrorBody } from '../../protocol/index.ts';
import { LoginThrottle, loginKeys, type LockStarted } from './login-throttle.models.ts';
import type { Clock, Ids } from '../kernel/ports.ts';
import type { Store } from '../kernel/store.port.ts';
import { requestAddress } from '../http/client-address.ts';
import type { Logger } from '../kernel/log.ts';

export interface LoginGuardOptions {
  clock: Clock;
  ids: Ids;
  /** Where each lock that starts is recorded (the audit; docs/security.md). */
  store: Pick<Store, 'findAccountByUsername' | 'insertSecurityEvent'>;
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
  const throttle = new LoginThrottle();
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
    const result = throttle.attempt(keys, options.clock.now().getTime());
    if (!result.allowed) {
      const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      options.log.warn(`security: login refused, ${result.key} is locked for ${seconds} s more (username "${username}", address ${address})`);
      const error: ErrorBody = { code: 'auth.throttled', message: `Too many failed logins; try again in ${seconds} s.` };
      return c.json({ error }, 429, { 'Retry-After': String(seconds) });
    }
    try {
      const value = await run();
      throttle.succeeded(keys);
      return value;
    } catch (error) {
      if (isAppError(error) && error.code === 'auth.invalid_credentials') {
        const locks = [...(result.locks ?? []), ...throttle.failed(keys, options.clock.now().getTime())];
        for (const lock of locks) {
          options.log.warn(
            `security: ${lock.key} locked for ${Math.ceil(lock.lockMs / 1000)} s after ${lock.failures} failed logins (username "${username}", address ${address})`,
          );
        }
        if (locks.length > 0) await record(locks, username, address);
      } else {
        // Not a wrong password (a store error, say): no guess was checked.
        throttle.cancel(keys);
      }
      throw error;
    }
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;

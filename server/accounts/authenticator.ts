import { resolveSession, type ResolvedSession } from './accounts.usecases.ts';
import { resolveDeviceToken } from './devices.usecases.ts';
import type { Deps } from '../kernel/ports.ts';
import type { DeviceTokenRecord } from './accounts.port.ts';
import { ANONYMOUS, type Principal } from './principal.ts';

/** The staff session cookie: a random id, signed (HMAC-SHA256) with the server's session secret. */
export const SESSION_COOKIE = 'luot_session';

/** How a request proved who it is. Only `cookie` needs CSRF protection. */
export type Credential = 'cookie' | 'bearer' | 'none';

export interface Authentication {
  principal: Principal;
  via: Credential;
  /** A staff session whose account must change its one-time password before anything else. */
  mustChangePassword: boolean;
  session: ResolvedSession | null;
  device: DeviceTokenRecord | null;
}

export const anonymousAuthentication: Authentication = {
  principal: ANONYMOUS,
  via: 'none',
  mustChangePassword: false,
  session: null,
  device: null,
};

/** Device `last_seen_at` is written at most this often per device: one row write a minute, not one per request. */
export const LAST_SEEN_EVERY_MS = 60_000;

export type Authenticator = ReturnType<typeof createAuthenticator>;

/**
 * Turns credentials into a Principal, for HTTP and socket.io alike. Transport details (cookie
 * signature, headers) stay in the adapters: this takes the verified session id or the raw
 * bearer token. Anything invalid, revoked or expired is anonymous, never an error.
 */
export function createAuthenticator(deps: Deps) {
  const touched = new Map<string, number>();

  async function fromSessionId(sessionId: string): Promise<Authentication> {
    const session = await resolveSession(deps, sessionId);
    if (!session) return anonymousAuthentication;
    return { principal: session.principal, via: 'cookie', mustChangePassword: session.account.mustChangePassword, session, device: null };
  }

  async function fromDeviceToken(token: string): Promise<Authentication> {
    const found = await resolveDeviceToken(deps, token);
    if (!found) return anonymousAuthentication;
    const now = deps.clock.now().getTime();
    const last = Math.max(touched.get(found.record.id) ?? -Infinity, found.record.lastSeenAtMs ?? -Infinity);
    if (now - last >= LAST_SEEN_EVERY_MS) {
      // Marked before the write, so a burst of requests from one kiosk writes once.
      touched.set(found.record.id, now);
      await deps.store.touchDeviceToken(found.record.id, now);
    }
    return { principal: found.principal, via: 'bearer', mustChangePassword: false, session: null, device: found.record };
  }

  /**
   * A bearer token, when given, decides alone (a wrong one does not fall back to a cookie);
   * otherwise the verified session id from the signed cookie, if any.
   */
  async function authenticate(input: { bearer?: string | null; sessionId?: string | null }): Promise<Authentication> {
    if (input.bearer) return fromDeviceToken(input.bearer);
    if (input.sessionId) return fromSessionId(input.sessionId);
    return anonymousAuthentication;
  }

  /** Records that a device is there now, at most once a LAST_SEEN_EVERY_MS per device. */
  async function seen(deviceId: string): Promise<void> {
    const now = deps.clock.now().getTime();
    if (now - (touched.get(deviceId) ?? -Infinity) < LAST_SEEN_EVERY_MS) return;
    touched.set(deviceId, now);
    await deps.store.touchDeviceToken(deviceId, now);
  }

  /**
   * While a device's socket stays connected — socket.io's heartbeats end it within 15 s of the
   * device going silent — its last-seen time keeps up, so device health follows the live
   * connection, not the moment it connected (issue #15: a display connected without a break for
   * five minutes read "Lâu không thấy hoạt động"). Stops at disconnect. A write that fails (the
   * store away) is tried again at the next tick.
   */
  function keepSeen(socket: { once(event: 'disconnect', listener: () => void): unknown }, deviceId: string): void {
    const timer = setInterval(() => void seen(deviceId).catch(() => undefined), LAST_SEEN_EVERY_MS);
    timer.unref?.();
    socket.once('disconnect', () => clearInterval(timer));
  }

  return { authenticate, fromSessionId, fromDeviceToken, keepSeen };
}

/** The token of an `Authorization: Bearer …` header; null when absent or another scheme. */
export function bearerOf(header: string | null | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** Credentials that just stopped being valid; live connections made with them are closed. */
export type Revocation =
  | { kind: 'session'; sessionIdHash: string }
  | { kind: 'account'; centreId: string; staffId: string; exceptSessionIdHash?: string }
  | { kind: 'device'; deviceId: string };

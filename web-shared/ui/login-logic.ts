/**
 * What the login element decides before asking the server, kept out of the element so it is
 * tested in node. The server checks the same again.
 */
import type { Role, SessionInfo } from '../../protocol/auth.schemas.ts';
import type { MessageKey } from '../i18n/i18n.ts';

/** Same minimum as the server (protocol/auth.schemas.ts NewPasswordSchema). */
export const MIN_PASSWORD_LENGTH = 8;

/** The first problem with a new password, as a message key; null when it may be sent. */
export function newPasswordProblem(oldPassword: string, newPassword: string, confirm: string): MessageKey | null {
  if ([...newPassword].length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (newPassword !== confirm) return 'password.mismatch';
  if (newPassword === oldPassword) return 'password.same';
  return null;
}

/**
 * A refused login's message when the server throttles (429 auth.throttled, Retry-After): how long
 * to wait, in seconds or, past a minute, in whole minutes rounded up. Null for any other error.
 */
export function throttleNotice(code: string, retryAfterSeconds: number | null): { key: MessageKey; params: { n: number } } | null {
  if (code !== 'auth.throttled') return null;
  if (retryAfterSeconds === null || retryAfterSeconds <= 0) return { key: 'login.throttled', params: { n: 0 } };
  if (retryAfterSeconds < 60) return { key: 'login.throttledSeconds', params: { n: Math.ceil(retryAfterSeconds) } };
  return { key: 'login.throttledMinutes', params: { n: Math.ceil(retryAfterSeconds / 60) } };
}

/** What a staff page shows for a session: the login form, the forced password change, or the page. */
export type Gate = 'login' | 'change-password' | 'in';

export function gateOf(session: SessionInfo | null): Gate {
  if (session?.kind !== 'staff') return 'login';
  return session.account.mustChangePassword ? 'change-password' : 'in';
}

/**
 * What a staff page behind the login (admin, reports) shows under its header: the login (or the
 * forced password change) instead of everything, a "not for you" line to a role the page does
 * not admit, the page once its centre is loaded, else a loading line (also while the session is
 * still being checked, and when checking it failed).
 */
export type StaffView = 'login' | 'denied' | 'loading' | 'page';

export function staffViewOf(session: SessionInfo | null, centreLoaded: boolean, admits: (role: Role) => boolean): StaffView {
  if (session && gateOf(session) !== 'in') return 'login';
  if (session?.kind === 'staff' && !admits(session.account.role)) return 'denied';
  return centreLoaded ? 'page' : 'loading';
}

/**
 * What the login element decides before asking the server, kept out of the element so it is
 * tested in node. The server checks the same again.
 */
import type { SessionInfo } from '../protocol/auth.schemas.ts';
import type { MessageKey } from './i18n.ts';

/** Same minimum as the server (protocol/auth.schemas.ts NewPasswordSchema). */
export const MIN_PASSWORD_LENGTH = 8;

/** The first problem with a new password, as a message key; null when it may be sent. */
export function newPasswordProblem(oldPassword: string, newPassword: string, confirm: string): MessageKey | null {
  if ([...newPassword].length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (newPassword !== confirm) return 'password.mismatch';
  if (newPassword === oldPassword) return 'password.same';
  return null;
}

/** What a staff page shows for a session: the login form, the forced password change, or the page. */
export type Gate = 'login' | 'change-password' | 'in';

export function gateOf(session: SessionInfo | null): Gate {
  if (session?.kind !== 'staff') return 'login';
  return session.account.mustChangePassword ? 'change-password' : 'in';
}

import type { Role } from '../../protocol/index.ts';
import { isProvinceRole, PERMISSIONS } from './permissions.ts';

/**
 * Rules of account editing, pure so they are tested without a store. An admin keeps the page
 * they are using: they cannot demote or disable themselves (another admin can), so a centre
 * always keeps at least one active admin — the one making the change.
 */

/** A staff id for a new account: the username made id-safe ("nguyen.van.a" → "nguyen-van-a"), unique in the centre. */
export function staffIdFor(username: string, taken: ReadonlySet<string>): string {
  const base = username.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'staff';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export interface StaffChange {
  role?: Role;
  active?: boolean;
}

/**
 * Why an admin may not make this change to their own account, or null. Renaming oneself is
 * fine; becoming a manager or officer, or switching oneself off, is not.
 */
export function selfChangeProblem(actorId: string, targetId: string, change: StaffChange, actorRole: Role = 'admin'): string | null {
  if (actorId !== targetId) return null;
  if (change.role !== undefined && change.role !== actorRole) return 'An admin cannot demote their own account; ask another admin.';
  if (change.active === false) return 'An admin cannot disable their own account; ask another admin.';
  return null;
}

/**
 * Why `actorRole` may not give or touch an account of these roles, or null (issue #13). A
 * province role reaches every centre, so only a province admin makes, edits, resets or disables
 * one: a centre admin must not raise anybody (themselves included) above their centre, nor take
 * over the province admin whose home is their centre by resetting its password.
 */
export function provinceRoleProblem(actorRole: Role, roles: readonly (Role | undefined)[]): string | null {
  if (PERMISSIONS['province:admin'].includes(actorRole)) return null;
  return roles.some((r) => r !== undefined && isProvinceRole(r)) ? 'Only a province administrator gives or changes a province role.' : null;
}

/**
 * The admin's staff forms (luot-admin-staff.ts) as plain data: a new account and the edits of
 * an existing one, turned into createStaff / updateStaff bodies, with hints before sending.
 */
import type { Account, CreateStaffRequest, Role, UpdateStaffBody } from '../protocol/index.ts';
import { MIN_PASSWORD_LENGTH } from '../web-shared/ui/login-logic.ts';
import { hintsOf, requiredHint, type FieldLabels, type Hint } from './admin-form.ts';

export const ROLES: readonly Role[] = ['staff', 'manager', 'admin'];
/** Roles that reach every centre (issue #13): only a province administrator gives them. */
export const PROVINCE_ROLES: readonly Role[] = ['province_manager', 'province_admin'];

/**
 * The roles an admin may pick: a province administrator may also give the province roles. An
 * account's current role is always listed, so its select never shows a role it does not have.
 */
export function rolesFor(actorRole: Role | null, current?: Role): readonly Role[] {
  const roles = actorRole === 'province_admin' ? [...ROLES, ...PROVINCE_ROLES] : [...ROLES];
  return current !== undefined && !roles.includes(current) ? [...roles, current] : roles;
}

/** Same rule as protocol/auth.schemas.ts UsernameSchema, after trimming and lower-casing. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export interface NewStaffForm {
  username: string;
  name: string;
  role: Role;
  /** Empty: the server makes a one-time password and shows it once. */
  password: string;
}

export const newStaffForm = (): NewStaffForm => ({ username: '', name: '', role: 'staff', password: '' });

export function createStaffBody(f: NewStaffForm): CreateStaffRequest {
  return {
    username: f.username.trim().toLowerCase(),
    name: f.name.trim(),
    role: f.role,
    ...(f.password ? { password: f.password } : {}),
  };
}

export function newStaffHints(f: NewStaffForm, accounts: readonly Account[]): Hint[] {
  const username = f.username.trim().toLowerCase();
  return hintsOf(
    !USERNAME.test(username)
      ? { field: 'username', key: 'admin.hint.username' }
      : accounts.some((a) => a.username === username)
        ? { field: 'username', key: 'admin.hint.usernameTaken' }
        : null,
    requiredHint('name', f.name),
    f.password && [...f.password].length < MIN_PASSWORD_LENGTH ? { field: 'password', key: 'password.tooShort' } : null,
  );
}

export interface StaffEdit {
  name: string;
  role: Role;
  active: boolean;
}

export const staffEditOf = (a: Account): StaffEdit => ({ name: a.name, role: a.role, active: a.active });

/** Only what changed; null when nothing did. */
export function updateStaffBody(a: Account, e: StaffEdit): UpdateStaffBody | null {
  const body: UpdateStaffBody = {
    ...(e.name.trim() !== a.name ? { name: e.name.trim() } : {}),
    ...(e.role !== a.role ? { role: e.role } : {}),
    ...(e.active !== a.active ? { active: e.active } : {}),
  };
  return Object.keys(body).length ? body : null;
}

/**
 * What the page refuses before asking: an empty name, and an admin demoting or disabling their
 * own account (the server refuses it too, with staff.cannot_change_self).
 */
export function staffEditHints(a: Account, e: StaffEdit, selfId: string | null): Hint[] {
  const self = a.staffId === selfId;
  return hintsOf(requiredHint('name', e.name), self && (e.role !== 'admin' || !e.active) ? { field: 'role', key: 'error.staff.cannot_change_self' } : null);
}

export const staffFieldLabels: FieldLabels = {
  username: 'admin.staff.username',
  name: 'admin.staff.name',
  role: 'admin.staff.role',
  password: 'admin.staff.password',
};

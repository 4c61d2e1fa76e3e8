import { describe, expect, it } from 'vitest';
import type { Role, SessionInfo } from '../../../protocol/auth.schemas.ts';
import { gateOf, newPasswordProblem, staffViewOf } from '../../../web-shared/ui/login-logic.ts';

describe('newPasswordProblem', () => {
  it('wants 8 characters (counted as characters, not bytes), twice the same, and a change', () => {
    expect(newPasswordProblem('old-password', 'short', 'short')).toBe('password.tooShort');
    expect(newPasswordProblem('old-password', 'mậtkhẩu', 'mậtkhẩu')).toBe('password.tooShort');
    expect(newPasswordProblem('old-password', 'mậtkhẩuu', 'mậtkhẩuu')).toBeNull();
    expect(newPasswordProblem('old-password', 'new-password', 'new-passwort')).toBe('password.mismatch');
    expect(newPasswordProblem('same-password', 'same-password', 'same-password')).toBe('password.same');
  });
});

describe('gateOf', () => {
  const account = { centreId: 'demo', staffId: 'lan', name: 'Lan', username: 'lan', role: 'staff' as const, active: true, mustChangePassword: false };
  it('shows the login to anyone but an officer, the password change to a one-time password, else the page', () => {
    expect(gateOf(null)).toBe('login');
    expect(gateOf({ kind: 'anonymous' })).toBe('login');
    expect(gateOf({ kind: 'device', centreId: 'demo', deviceId: 'd', deviceKind: 'display', name: 'TV' })).toBe('login');
    expect(gateOf({ kind: 'staff', account: { ...account, mustChangePassword: true }, expiresAt: '2026-01-01T00:00:00.000Z' })).toBe('change-password');
    expect(gateOf({ kind: 'staff', account, expiresAt: '2026-01-01T00:00:00.000Z' })).toBe('in');
  });
});

describe('staffViewOf', () => {
  const account = { centreId: 'demo', staffId: 'ha', name: 'Hà', username: 'ha', role: 'manager' as const, active: true, mustChangePassword: false };
  const staff = (role: Role, mustChangePassword = false): SessionInfo => ({
    kind: 'staff',
    account: { ...account, role, mustChangePassword },
    expiresAt: '2026-01-01T00:00:00.000Z',
  });
  const adminsOnly = (role: Role) => role === 'admin';

  it('waits with a loading line while the session is unknown (not yet checked, or the check failed)', () => {
    expect(staffViewOf(null, false, adminsOnly)).toBe('loading');
  });

  it('shows the login to anyone signed out, a device, or an account that must change its password', () => {
    expect(staffViewOf({ kind: 'anonymous' }, false, adminsOnly)).toBe('login');
    expect(staffViewOf({ kind: 'device', centreId: 'demo', deviceId: 'd', deviceKind: 'display', name: 'TV' }, false, adminsOnly)).toBe('login');
    expect(staffViewOf(staff('admin', true), true, adminsOnly)).toBe('login');
  });

  it('tells a role the page does not admit that it is not for them, centre or not', () => {
    expect(staffViewOf(staff('manager'), false, adminsOnly)).toBe('denied');
    expect(staffViewOf(staff('staff'), true, adminsOnly)).toBe('denied');
  });

  it('shows the page to an admitted role once the centre is loaded', () => {
    expect(staffViewOf(staff('admin'), false, adminsOnly)).toBe('loading');
    expect(staffViewOf(staff('admin'), true, adminsOnly)).toBe('page');
    expect(staffViewOf(staff('manager'), true, (role) => role !== 'staff')).toBe('page');
  });
});

import { describe, expect, it } from 'vitest';
import { pairingUrl, sortDevices } from '../../admin/admin-logic.ts';
import type { DeviceToken } from '../../protocol/index.ts';
import { gateOf, newPasswordProblem } from '../../web-shared/ui/login-logic.ts';

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

describe('admin page logic', () => {
  it('makes pairing addresses for kiosks, displays and rating screens (at their counter), none for bridges', () => {
    expect(pairingUrl('http://192.168.1.10:3000', 'kiosk', 'luot_a.b')).toBe('http://192.168.1.10:3000/kiosk?pair=luot_a.b');
    expect(pairingUrl('http://x', 'display', 'luot_a.b')).toBe('http://x/display?pair=luot_a.b');
    expect(pairingUrl('http://x', 'bridge', 'luot_a.b')).toBeNull();
    expect(pairingUrl('http://x', 'rating-screen', 'luot_a.b', 'quay-3')).toBe('http://x/rate/quay-3?pair=luot_a.b');
    expect(pairingUrl('http://x', 'rating-screen', 'luot_a.b')).toBeNull();
  });

  it('lists live tokens newest first, then revoked ones', () => {
    const d = (id: string, createdAt: string, revokedAt: string | null = null): DeviceToken => ({
      id,
      centreId: 'demo',
      kind: 'kiosk',
      name: id,
      createdAt,
      createdBy: null,
      revokedAt,
      lastSeenAt: null,
      counterId: null,
    });
    const sorted = sortDevices([
      d('old', '2026-01-01T00:00:00.000Z'),
      d('gone', '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z'),
      d('new', '2026-01-02T00:00:00.000Z'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['new', 'old', 'gone']);
  });
});

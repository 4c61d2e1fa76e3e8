import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DeviceKind as ProtocolDeviceKind, Role as ProtocolRole } from '../../../protocol/index.ts';
import { can, PERMISSIONS } from '../../../server/accounts/permissions.ts';
import { ANONYMOUS, type DeviceKind, type Permission, type Principal, type Role } from '../../../server/accounts/principal.ts';

const staff = (role: 'admin' | 'manager' | 'staff', centreId = 'demo'): Principal => ({
  kind: 'staff',
  centreId,
  staffId: `${role}-1`,
  role,
  sessionId: 's',
});
const device = (deviceKind: DeviceKind, centreId = 'demo'): Principal => ({
  kind: 'device',
  centreId,
  deviceId: `${deviceKind}-1`,
  deviceKind,
});

const principals = {
  admin: staff('admin'),
  manager: staff('manager'),
  staff: staff('staff'),
  kiosk: device('kiosk'),
  display: device('display'),
  bridge: device('bridge'),
  ratingScreen: device('rating-screen'),
} as const;
type Name = keyof typeof principals;

/** The table of issue #3, written out in full: a change to permissions.ts must change this too. */
const expected: Record<Permission, Name[]> = {
  'ticket:issue': ['admin', 'manager', 'staff', 'kiosk'],
  // Issue #10: devices get only what their screen shows: no bridge (no screen), no staff list.
  'centre:read': ['admin', 'manager', 'staff', 'kiosk', 'display'],
  'staff:read': ['admin', 'manager', 'staff'],
  'counter:operate': ['admin', 'manager', 'staff'],
  'counter:force-close': ['admin'],
  'centre:admin': ['admin'],
  'reports:read': ['admin', 'manager'],
  'bridge:act': ['bridge'],
  'printing:manage': ['admin', 'manager', 'staff'],
  // Issue #10: no staff session rates (an officer could rate their own service); rating screens are devices.
  'rating:record': ['bridge', 'ratingScreen'],
  'rating:arm': ['admin', 'manager', 'staff', 'ratingScreen'],
};

describe('can(principal, permission, centreId)', () => {
  it('covers every permission of the Permission type', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [permission, allowed] of Object.entries(expected) as [Permission, Name[]][]) {
    it(`${permission}: ${allowed.join(', ')} and nobody else`, () => {
      const granted = (Object.keys(principals) as Name[]).filter((n) => can(principals[n], permission, 'demo'));
      expect(granted.sort()).toEqual([...allowed].sort());
    });
  }

  it('is always false for a principal of another centre, whatever the role', () => {
    for (const permission of Object.keys(expected) as Permission[]) {
      for (const p of [
        staff('admin', 'hcm'),
        staff('manager', 'hcm'),
        staff('staff', 'hcm'),
        device('kiosk', 'hcm'),
        device('display', 'hcm'),
        device('bridge', 'hcm'),
        device('rating-screen', 'hcm'),
      ]) {
        expect(can(p, permission, 'demo'), `${permission} ${JSON.stringify(p)}`).toBe(false);
      }
    }
  });

  it('is always false for anonymous', () => {
    for (const permission of Object.keys(expected) as Permission[]) expect(can(ANONYMOUS, permission, 'demo')).toBe(false);
  });

  it('compares centre ids exactly', () => {
    expect(can(principals.admin, 'centre:admin', 'Demo')).toBe(false);
    expect(can(principals.admin, 'centre:admin', 'demo ')).toBe(false);
    expect(can(principals.admin, 'centre:admin', '')).toBe(false);
  });
});

describe('the contract types', () => {
  it('are the same roles and device kinds the API schemas validate', () => {
    expectTypeOf<ProtocolRole>().toEqualTypeOf<Role>();
    expectTypeOf<ProtocolDeviceKind>().toEqualTypeOf<DeviceKind>();
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DeviceKind as ProtocolDeviceKind, Role as ProtocolRole } from '../../../protocol/index.ts';
import { can, EVERY_CENTRE, PERMISSIONS } from '../../../server/accounts/permissions.ts';
import { ANONYMOUS, type DeviceKind, type Permission, type Principal, type Role } from '../../../server/accounts/principal.ts';

const staff = (role: Role, centreId = 'demo'): Principal => ({
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
  integration: device('integration'),
  provinceAdmin: staff('province_admin'),
  provinceManager: staff('province_manager'),
} as const;
type Name = keyof typeof principals;

/** The table of issue #3, written out in full: a change to permissions.ts must change this too. */
const expected: Record<Permission, Name[]> = {
  'ticket:issue': ['admin', 'manager', 'staff', 'kiosk', 'provinceAdmin'],
  // Issue #10: devices get only what their screen shows: no bridge (no screen), no staff list.
  'centre:read': ['admin', 'manager', 'staff', 'kiosk', 'display', 'provinceAdmin', 'provinceManager'],
  'staff:read': ['admin', 'manager', 'staff', 'provinceAdmin', 'provinceManager'],
  'counter:operate': ['admin', 'manager', 'staff', 'provinceAdmin'],
  'counter:force-close': ['admin', 'provinceAdmin'],
  'centre:admin': ['admin', 'provinceAdmin'],
  // Issue #13: creating and editing centres.
  'province:admin': ['provinceAdmin'],
  'reports:read': ['admin', 'manager', 'provinceAdmin', 'provinceManager'],
  'bridge:act': ['bridge'],
  'printing:manage': ['admin', 'manager', 'staff', 'provinceAdmin'],
  // Issue #10: no staff session rates (an officer could rate their own service); rating screens are devices.
  'rating:record': ['bridge', 'ratingScreen'],
  'rating:arm': ['admin', 'manager', 'staff', 'ratingScreen', 'provinceAdmin'],
  // Issue #14: the province's dossier system holds an integration token.
  'dossier:sync': ['admin', 'integration', 'provinceAdmin'],
  'dossier:read': ['admin', 'manager', 'staff', 'integration', 'provinceAdmin', 'provinceManager'],
};

/** Issue #13: what a province role (home centre `tinh`) may do in centre `demo`, written out in full. */
const elsewhere: Record<Permission, ('provinceAdmin' | 'provinceManager')[]> = {
  'ticket:issue': [],
  'centre:read': ['provinceAdmin', 'provinceManager'],
  'staff:read': ['provinceAdmin', 'provinceManager'],
  'counter:operate': [],
  'counter:force-close': [],
  'centre:admin': ['provinceAdmin'],
  'province:admin': ['provinceAdmin'],
  'reports:read': ['provinceAdmin', 'provinceManager'],
  'bridge:act': [],
  'printing:manage': [],
  'rating:record': [],
  'rating:arm': [],
  'dossier:sync': ['provinceAdmin'],
  'dossier:read': ['provinceAdmin', 'provinceManager'],
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

  for (const [permission, allowed] of Object.entries(elsewhere) as [Permission, ('provinceAdmin' | 'provinceManager')[]][]) {
    it(`${permission} in another centre: ${allowed.join(', ') || 'nobody'} of the province roles`, () => {
      const from = { provinceAdmin: staff('province_admin', 'tinh'), provinceManager: staff('province_manager', 'tinh') };
      const granted = (Object.keys(from) as (keyof typeof from)[]).filter((n) => can(from[n], permission, 'demo'));
      expect(granted.sort()).toEqual([...allowed].sort());
    });
  }

  it('gives a province manager no change anywhere: the same read permissions at home and elsewhere', () => {
    const home = (Object.keys(expected) as Permission[]).filter((p) => can(staff('province_manager', 'tinh'), p, 'tinh'));
    const away = (Object.keys(expected) as Permission[]).filter((p) => can(staff('province_manager', 'tinh'), p, 'demo'));
    expect(home.sort()).toEqual(['centre:read', 'dossier:read', 'reports:read', 'staff:read']);
    expect(away.sort()).toEqual(home);
  });

  it('reaches another centre only through EVERY_CENTRE, which gives province roles nothing they lack at home', () => {
    for (const [permission, holders] of Object.entries(EVERY_CENTRE) as [Permission, readonly string[]][]) {
      for (const h of holders) {
        expect(['province_admin', 'province_manager'], `${permission}: ${h}`).toContain(h);
        expect(PERMISSIONS[permission], `${permission}: ${h} holds it at home too`).toContain(h);
      }
    }
  });

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

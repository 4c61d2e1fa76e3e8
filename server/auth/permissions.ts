import type { DeviceKind, Permission, Principal, Role } from './principal.ts';

/** An account role, or a device kind written `device:<kind>`. */
export type Holder = Role | `device:${DeviceKind}`;

const ACCOUNTS: readonly Holder[] = ['admin', 'manager', 'staff'];
const DEVICES: readonly Holder[] = ['device:kiosk', 'device:display', 'device:bridge'];

/**
 * Who holds which permission, within their own centre. The one table; docs/security.md shows
 * it and test/server/permissions.test.ts pins it.
 */
export const PERMISSIONS: Readonly<Record<Permission, readonly Holder[]>> = {
  'ticket:issue': ['device:kiosk', ...ACCOUNTS],
  'centre:read': [...DEVICES, ...ACCOUNTS],
  // The use case additionally checks that the officer holds the counter.
  'counter:operate': ACCOUNTS,
  'counter:force-close': ['admin'],
  'centre:admin': ['admin'],
  'reports:read': ['manager', 'admin'],
  'bridge:act': ['device:bridge'],
  // Failed prints and printer health are every officer's business: any of them may reprint.
  'printing:manage': ACCOUNTS,
  // Ratings (issue #5): the counter's rating screen runs in its officer's session (the use case
  // checks the officer holds that counter); bridges forward keypad presses.
  'rating:record': [...ACCOUNTS, 'device:bridge'],
};

export function holderOf(principal: Principal): Holder | null {
  switch (principal.kind) {
    case 'staff':
      return principal.role;
    case 'device':
      return `device:${principal.deviceKind}`;
    default:
      return null;
  }
}

/** May `principal` do `permission` in centre `centreId`? Never for anonymous or another centre. */
export function can(principal: Principal, permission: Permission, centreId: string): boolean {
  if (principal.kind === 'anonymous' || principal.centreId !== centreId) return false;
  const holder = holderOf(principal);
  return holder !== null && PERMISSIONS[permission].includes(holder);
}

import type { DeviceKind, Permission, Principal, Role } from './principal.ts';

/** An account role, or a device kind written `device:<kind>`. */
export type Holder = Role | `device:${DeviceKind}`;

const ACCOUNTS: readonly Holder[] = ['admin', 'manager', 'staff'];

/**
 * Who holds which permission, within their own centre. The one table; docs/security.md shows
 * it and test/server/permissions.test.ts pins it.
 */
export const PERMISSIONS: Readonly<Record<Permission, readonly Holder[]>> = {
  'ticket:issue': ['device:kiosk', ...ACCOUNTS],
  // What a kiosk or hall display shows (services, counters, the live queue). Not the bridge: it
  // has no screen and talks only on /bridge (issue #10: devices get only what their screen shows).
  'centre:read': ['device:kiosk', 'device:display', ...ACCOUNTS],
  // The centre's accounts (usernames, roles, must-change flags): no device screen shows them.
  'staff:read': ACCOUNTS,
  // The use case additionally checks that the officer holds the counter.
  'counter:operate': ACCOUNTS,
  'counter:force-close': ['admin'],
  'centre:admin': ['admin'],
  'reports:read': ['manager', 'admin'],
  'bridge:act': ['device:bridge'],
  // Failed prints and printer health are every officer's business: any of them may reprint.
  'printing:manage': ACCOUNTS,
  // Ratings: bridges forward keypad presses; a rating screen is a device paired with one counter
  // (the use case checks it is that one). Never a staff session: an officer must not be able to
  // rate their own service (issue #10, docs/security.md "Rating screens are paired devices").
  'rating:record': ['device:bridge', 'device:rating-screen'],
  // A counter's rating window: the officers' console and the counter's own rating screen, which
  // reads nothing else of its centre (no centre:read). Kiosks, hall displays and bridges show no
  // rating window (a bridge learns of arms on /bridge), so they do not read it (issue #10).
  'rating:arm': [...ACCOUNTS, 'device:rating-screen'],
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

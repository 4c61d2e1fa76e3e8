import type { DeviceKind, Permission, Principal, Role } from './principal.ts';

/** An account role, or a device kind written `device:<kind>`. */
export type Holder = Role | `device:${DeviceKind}`;

/** Accounts that work at counters: in its home centre a province admin is also an admin. */
const ACCOUNTS: readonly Holder[] = ['admin', 'manager', 'staff', 'province_admin'];
/** Every account, the province manager too: it reads and never changes anything (issue #13). */
const READERS: readonly Holder[] = [...ACCOUNTS, 'province_manager'];
const ADMINS: readonly Holder[] = ['admin', 'province_admin'];

/** The roles whose permissions reach beyond their home centre (issue #13). */
export const PROVINCE_ROLES: readonly Holder[] = ['province_admin', 'province_manager'];

/**
 * Who holds which permission, within their own centre. The one table; docs/security.md shows
 * it and test/server/accounts/permissions.test.ts pins it.
 */
export const PERMISSIONS: Readonly<Record<Permission, readonly Holder[]>> = {
  'ticket:issue': ['device:kiosk', ...ACCOUNTS],
  // What a kiosk or hall display shows (services, counters, the live queue). Not the bridge: it
  // has no screen and talks only on /bridge (issue #10: devices get only what their screen shows).
  'centre:read': ['device:kiosk', 'device:display', ...READERS],
  // The centre's accounts (usernames, roles, must-change flags): no device screen shows them.
  'staff:read': READERS,
  // The use case additionally checks that the officer holds the counter.
  'counter:operate': ACCOUNTS,
  'counter:force-close': ADMINS,
  'centre:admin': ADMINS,
  // Creating and editing centres, and accounts with a province role (issue #13).
  'province:admin': ['province_admin'],
  'reports:read': ['manager', 'admin', 'province_admin', 'province_manager'],
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
  // Dossiers (issue #14): the province's dossier system holds an integration token of the centre.
  'dossier:sync': ['device:integration', ...ADMINS],
  'dossier:read': ['device:integration', ...READERS],
};

/**
 * What a province role may do in a centre that is not its home (issue #13). A province admin
 * configures every centre (services, counters, settings, accounts, device tokens) and reads it,
 * but does not work there (`counter:operate`, `counter:force-close`, `ticket:issue`,
 * `printing:manage`, `rating:arm`): counter work is recorded under the officer's staff id, which
 * names an account of that centre. A province manager reads (the same everywhere, its home
 * included) and never changes. Nobody else reaches another centre at all.
 */
export const EVERY_CENTRE: Readonly<Partial<Record<Permission, readonly Holder[]>>> = {
  'centre:read': PROVINCE_ROLES,
  'staff:read': PROVINCE_ROLES,
  'reports:read': PROVINCE_ROLES,
  'centre:admin': ['province_admin'],
  'province:admin': ['province_admin'],
  'dossier:sync': ['province_admin'],
  'dossier:read': PROVINCE_ROLES,
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

/**
 * May `principal` do `permission` in centre `centreId`? Never for anonymous; in another centre
 * than its own only what `EVERY_CENTRE` gives a province role. The one choke point: routes,
 * socket handshakes and use cases all ask here.
 */
export function can(principal: Principal, permission: Permission, centreId: string): boolean {
  const holder = holderOf(principal);
  if (holder === null || principal.kind === 'anonymous') return false;
  const table = principal.centreId === centreId ? PERMISSIONS[permission] : (EVERY_CENTRE[permission] ?? []);
  return table.includes(holder);
}

/** Whether `role` reaches every centre (issue #13): its list of centres is all of them. */
export const isProvinceRole = (role: Role): boolean => PROVINCE_ROLES.includes(role);

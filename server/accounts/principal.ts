/**
 * Who is asking. Resolved once per request (cookie session or device bearer token) by the
 * authentication middleware, then handed to permission checks and to use cases as the actor.
 */
/**
 * `province_admin` and `province_manager` (issue #13) live in a home centre like every account,
 * but their permissions reach every centre of the deployment (permissions.ts `EVERY_CENTRE`).
 */
export type Role = 'admin' | 'manager' | 'staff' | 'province_admin' | 'province_manager';
export type DeviceKind = 'kiosk' | 'display' | 'bridge' | 'rating-screen' | 'integration';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'staff'; centreId: string; staffId: string; role: Role; sessionId: string }
  /** `counterId`: the one counter a rating screen is paired with (issue #10). */
  | { kind: 'device'; centreId: string; deviceId: string; deviceKind: DeviceKind; counterId?: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** What a route or socket event needs. The table of who has which lives in permissions.ts. */
export type Permission =
  | 'ticket:issue' // kiosks and staff
  | 'centre:read' // kiosks, displays and every account of the centre
  | 'staff:read' // accounts only: the list of the centre's accounts
  | 'counter:operate' // accounts; the use case also checks the officer holds the counter
  | 'counter:force-close' // admins
  | 'centre:admin' // admins: services, counters, staff, settings, device tokens
  | 'province:admin' // province admins: create and edit centres, province-wide accounts (issue #13)
  | 'reports:read' // managers and admins
  | 'bridge:act' // bridge devices, for their own devices only
  | 'printing:manage' // accounts: see failed prints and printers, reprint a ticket
  | 'rating:record' // rating screens at their own counter, bridge devices (keypads, integrations); never staff
  | 'dossier:sync' // the province's dossier system (an integration token), admins: upsert dossiers, CSV import (issue #14)
  | 'dossier:read' // a dossier's state: the dossier system, every account of the centre
  | 'rating:arm'; // whether a counter is armed: every device and account, a rating screen for its own counter

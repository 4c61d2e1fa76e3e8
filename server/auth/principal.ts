/**
 * Who is asking. Resolved once per request (cookie session or device bearer token) by the
 * authentication middleware, then handed to permission checks and to use cases as the actor.
 */
export type Role = 'admin' | 'manager' | 'staff';
export type DeviceKind = 'kiosk' | 'display' | 'bridge';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'staff'; centreId: string; staffId: string; role: Role; sessionId: string }
  | { kind: 'device'; centreId: string; deviceId: string; deviceKind: DeviceKind };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** What a route or socket event needs. The table of who has which lives in permissions.ts. */
export type Permission =
  | 'ticket:issue' // kiosks and staff
  | 'centre:read' // every device and every account of the centre
  | 'counter:operate' // accounts; the use case also checks the officer holds the counter
  | 'counter:force-close' // admins
  | 'centre:admin' // admins: services, counters, staff, settings, device tokens
  | 'reports:read' // managers and admins
  | 'bridge:act' // bridge devices, for their own devices only
  | 'printing:manage' // accounts: see failed prints and printers, reprint a ticket
  | 'rating:record'; // accounts at the counter they hold (rating screen, integrations), bridge devices (keypads)

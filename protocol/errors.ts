/**
 * Error codes shared by the API, the socket acks and the front-ends.
 * Dotted `entity.problem` codes; each maps to exactly one HTTP status here and nowhere else.
 */
export const errorStatus = {
  'request.invalid_payload': 400,
  'request.malformed': 400,
  'request.unsupported_media_type': 415,
  // A body over the route's limit, refused before it is read (issue #10, docs/security.md).
  'request.too_large': 413,
  // Refused by the HTTP parser itself: a URL or headers over 16 KiB, a request too slow to arrive.
  'request.headers_too_large': 431,
  'request.timeout': 408,
  'centre.not_found': 404,
  'centre.exists': 409,
  'service.not_found': 404,
  'service.inactive': 409,
  'service.not_served': 409,
  'service.numbers_exhausted': 409,
  // Two active services of a centre could show the same number (issue #10, server/queue/numbering-conflicts.ts).
  'service.numbering_conflict': 409,
  'counter.not_found': 404,
  'counter.inactive': 409,
  'counter.has_current_ticket': 409,
  'counter.no_current_ticket': 409,
  'counter.ticket_mismatch': 409,
  // Counter workflow (issue #3)
  'counter.busy': 409,
  'counter.not_held': 403,
  'counter.closed': 409,
  'counter.paused': 409,
  'counter.not_paused': 409,
  'staff.holds_other_counter': 409,
  'priority_group.not_found': 404,
  'ticket.not_waiting': 409,
  'ticket.not_parked': 409,
  // Administration (issue #3)
  'counter.number_taken': 409,
  'settings.invalid': 400,
  'queue.empty': 409,
  'ticket.not_found': 404,
  'staff.not_found': 404,
  'ticket.invalid_transition': 409,
  // Accounts and devices (issue #3): who may ask, and how often a kiosk may issue.
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  'auth.password_change_required': 403,
  'kiosk.rate_limited': 429,
  // Too many failed logins for a username or from an address (issue #10); Retry-After says when.
  'auth.throttled': 429,
  'device_token.not_found': 404,
  // Staff accounts edited by an admin (issue #3)
  'staff.username_taken': 409,
  'staff.cannot_change_self': 409,
  // Printing (issue #4)
  'print_job.not_found': 404,
  // /ticket followers (issue #10): socket.io handshake refusals (connect_error's message), capped per ticket and per address.
  'ticket.too_many_followers': 429,
  'realtime.too_many_connections': 429,
  // One /centre socket asking for snapshots over and over (issue #10): shared-snapshot.ts.
  'realtime.rate_limited': 429,
  'print.no_printer': 409,
  // Dossiers and result return (issue #14, docs/dossiers.md).
  'dossier.not_found': 404,
  'dossier.invalid': 400,
  'dossier.already_returned': 409,
  'dossier.not_ready': 409,
  'dossier.no_return_queue': 409,
  'route.not_found': 404,
  // Appointments (issue #14, docs/appointments.md)
  'appointment.not_found': 404,
  'appointment.slot_full': 409,
  'appointment.not_bookable': 409,
  'appointment.cancelled': 409,
  'appointment.already_checked_in': 409,
  'appointment.rate_limited': 429,
  // Pairing a device with a short code (issue #15, docs/security.md "Devices and pairing").
  'pairing.invalid': 404,
  'pairing.expired': 409,
  'pairing.used': 409,
  'pairing.wrong_kind': 409,
  'pairing.rate_limited': 429,
  // The store cannot be written or read (disk full, read-only, I/O error, locked too long): a fault
  // of the server's machine, not of the request; it passes by itself (docs/faults.md).
  'store.unavailable': 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** A failure the caller can act on. Thrown by use cases, rendered by the adapters. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
  get status(): number {
    return errorStatus[this.code];
  }
  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** The shape of every socket.io acknowledgement. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: ErrorBody): Result<never> => ({ ok: false, error });

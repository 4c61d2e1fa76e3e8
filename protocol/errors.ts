/**
 * Error codes shared by the API, the socket acks and the front-ends.
 * Dotted `entity.problem` codes; each maps to exactly one HTTP status here and nowhere else.
 */
export const errorStatus = {
  'request.invalid_payload': 400,
  'request.malformed': 400,
  'request.unsupported_media_type': 415,
  'centre.not_found': 404,
  'service.not_found': 404,
  'service.inactive': 409,
  'service.numbers_exhausted': 409,
  'counter.not_found': 404,
  'counter.inactive': 409,
  'counter.has_current_ticket': 409,
  'counter.no_current_ticket': 409,
  'counter.ticket_mismatch': 409,
  'queue.empty': 409,
  'ticket.not_found': 404,
  'staff.not_found': 404,
  'ticket.invalid_transition': 409,
  'route.not_found': 404,
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

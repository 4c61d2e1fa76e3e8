import type { MiddlewareHandler } from 'hono';
import { principalOf } from '../http/auth.middleware.ts';
import { addressRateLimit } from '../http/address-rate-limit.ts';
import type { Clock } from '../kernel/ports.ts';
import type { BucketRule } from '../queue/rate-limit.ts';

/** Per client address: a family booking together gets through, a script guessing codes does not. */
export const BOOKING_RULE: BucketRule = { burst: 10, perMinute: 10 };

/**
 * The public appointment endpoints (booking, looking up and cancelling by code), per client
 * address (server/http/address-rate-limit.ts, the kiosk's token bucket). Callers with credentials
 * — the province portal's integration token, staff — are not limited. Each instance keeps its own
 * buckets (docs/appointments.md).
 */
export function bookingRateLimit(options: { clock: Clock; trustedProxies: ReadonlySet<string>; rule?: BucketRule }): MiddlewareHandler {
  return addressRateLimit({
    ...options,
    rule: options.rule ?? BOOKING_RULE,
    code: 'appointment.rate_limited',
    message: (seconds) => `Too many requests; try again in ${seconds} s.`,
    exempt: (c) => principalOf(c).kind !== 'anonymous',
  });
}

import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ErrorBody } from '../../protocol/index.ts';
import { principalOf } from '../http/auth.middleware.ts';
import { requestAddress } from '../http/client-address.ts';
import type { Clock } from '../kernel/ports.ts';
import { take, type Bucket, type BucketRule } from '../queue/rate-limit.ts';

/** Per client address: a family booking together gets through, a script guessing codes does not. */
export const BOOKING_RULE: BucketRule = { burst: 10, perMinute: 10 };
/** Addresses remembered at most; past it the oldest are forgotten (a refill, which is harmless). */
const MAX_ADDRESSES = 10_000;

/**
 * The public appointment endpoints (booking, looking up and cancelling by code), per client
 * address: the kiosk's token bucket (server/queue/rate-limit.ts, like tickets/kiosk-rate-limit.ts).
 * Callers with credentials — the province portal's integration token, staff — are not limited.
 * Buckets live in this process's memory: each instance keeps its own (docs/appointments.md).
 */
export function bookingRateLimit(options: { clock: Clock; trustedProxies: ReadonlySet<string>; rule?: BucketRule }): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  const rule = options.rule ?? BOOKING_RULE;
  return createMiddleware(async (c, next) => {
    if (principalOf(c).kind !== 'anonymous') return next();
    const address = requestAddress(c, options.trustedProxies);
    const result = take(buckets.get(address), rule, options.clock.now().getTime());
    buckets.delete(address);
    buckets.set(address, result.bucket);
    if (buckets.size > MAX_ADDRESSES) buckets.delete(buckets.keys().next().value!);
    if (result.allowed) return next();
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    const error: ErrorBody = { code: 'appointment.rate_limited', message: `Too many requests; try again in ${seconds} s.` };
    return c.json({ error }, 429, { 'Retry-After': String(seconds) });
  });
}

import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ErrorBody, ErrorCode } from '../../protocol/index.ts';
import { requestAddress } from './client-address.ts';
import type { Clock } from '../kernel/ports.ts';
import { take, type Bucket, type BucketRule } from '../queue/rate-limit.ts';

/** Addresses remembered at most; past it the oldest are forgotten (a refill, which is harmless). */
const MAX_ADDRESSES = 10_000;

export interface AddressRateLimit {
  clock: Clock;
  trustedProxies: ReadonlySet<string>;
  rule: BucketRule;
  /** The refusal's code (a 429 in errors.ts) and its message, given the seconds to wait. */
  code: ErrorCode;
  message: (seconds: number) => string;
  /** Callers not limited (e.g. those with credentials); default: none. */
  exempt?: (c: Context) => boolean;
}

/**
 * A public endpoint's limit per client address (the address behind a trusted proxy): the kiosk's
 * token bucket (server/queue/rate-limit.ts). Past it: 429 with `Retry-After` and nothing done.
 * Buckets live in this process's memory: with several instances each keeps its own, which the
 * rules' docs take into account (docs/appointments.md, docs/security.md).
 */
export function addressRateLimit(options: AddressRateLimit): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  return createMiddleware(async (c, next) => {
    if (options.exempt?.(c)) return next();
    const address = requestAddress(c, options.trustedProxies);
    const result = take(buckets.get(address), options.rule, options.clock.now().getTime());
    // Re-inserted: the map's order is the order of last use, so the oldest goes first.
    buckets.delete(address);
    buckets.set(address, result.bucket);
    if (buckets.size > MAX_ADDRESSES) buckets.delete(buckets.keys().next().value!);
    if (result.allowed) return next();
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    const error: ErrorBody = { code: options.code, message: options.message(seconds) };
    return c.json({ error }, 429, { 'Retry-After': String(seconds) });
  });
}

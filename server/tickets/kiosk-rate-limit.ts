import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { CentreSettings, ErrorBody } from '../../protocol/index.ts';
import type { Clock } from '../kernel/ports.ts';
import { take, type Bucket } from '../queue/rate-limit.ts';
import { principalOf } from '../http/auth.middleware.ts';

export interface KioskRateLimitOptions {
  clock: Clock;
  /** The centre's settings (kioskBurst, kioskPerMinute), read on each request so a change applies live. */
  settingsOf(centreId: string): Promise<Pick<CentreSettings, 'kioskBurst' | 'kioskPerMinute'>>;
}

/**
 * Issuing, per kiosk device: a token bucket (server/queue/rate-limit.ts) so a stuck touchscreen or
 * a prankster cannot flood a queue. Staff issuing for a citizen are not limited. Buckets live in
 * this process's memory: a restart refills them, which is harmless; with several instances each
 * keeps its own (docs/deployment.md, "What still works per instance").
 */
export function kioskRateLimit(options: KioskRateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  return createMiddleware(async (c, next) => {
    const principal = principalOf(c);
    if (principal.kind !== 'device' || principal.deviceKind !== 'kiosk') return next();
    const settings = await options.settingsOf(principal.centreId);
    const result = take(buckets.get(principal.deviceId), { burst: settings.kioskBurst, perMinute: settings.kioskPerMinute }, options.clock.now().getTime());
    buckets.set(principal.deviceId, result.bucket);
    if (result.allowed) return next();
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    const error: ErrorBody = { code: 'kiosk.rate_limited', message: `Too many tickets from this kiosk; try again in ${seconds} s.` };
    return c.json({ error }, 429, { 'Retry-After': String(seconds) });
  });
}

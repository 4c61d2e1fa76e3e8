import type { MiddlewareHandler } from 'hono';
import { addressRateLimit } from '../http/address-rate-limit.ts';
import type { Clock } from '../kernel/ports.ts';
import type { BucketRule } from '../queue/rate-limit.ts';

/**
 * Per client address, every caller: a technician mistyping a code a few times gets through, a
 * script guessing codes gets ~100 tries in a code's 15 minutes (pairing.models.ts has the odds).
 */
export const PAIRING_RULE: BucketRule = { burst: 10, perMinute: 6 };

/**
 * Redeeming codes, per client address (server/http/address-rate-limit.ts). With several instances
 * each keeps its own buckets, which multiplies a guesser's rate by the number of instances and
 * leaves the odds negligible (docs/security.md).
 */
export function pairingRateLimit(options: { clock: Clock; trustedProxies: ReadonlySet<string>; rule?: BucketRule }): MiddlewareHandler {
  return addressRateLimit({
    ...options,
    rule: options.rule ?? PAIRING_RULE,
    code: 'pairing.rate_limited',
    message: (seconds) => `Too many pairing attempts; try again in ${seconds} s.`,
  });
}

/**
 * Token bucket per kiosk: a stuck touchscreen or a prankster cannot flood a queue, while a
 * morning rush (several citizens in a row at one kiosk) still gets through. Pure: the caller
 * keeps the bucket and passes the time.
 */
export interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

export interface BucketRule {
  /** Tickets a kiosk may issue back to back. */
  burst: number;
  /** Sustained rate. */
  perMinute: number;
}

export function take(bucket: Bucket | undefined, rule: BucketRule, nowMs: number): { allowed: boolean; bucket: Bucket; retryAfterMs: number } {
  const start = bucket ?? { tokens: rule.burst, updatedAtMs: nowMs };
  const refill = (Math.max(0, nowMs - start.updatedAtMs) * rule.perMinute) / 60_000;
  const tokens = Math.min(rule.burst, start.tokens + refill);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, updatedAtMs: nowMs }, retryAfterMs: 0 };
  const retryAfterMs = Math.ceil(((1 - tokens) * 60_000) / rule.perMinute);
  return { allowed: false, bucket: { tokens, updatedAtMs: nowMs }, retryAfterMs };
}

/**
 * The webhook outbox's rules (issue #14), pure: when to try again, when to give up, what counts
 * as acknowledged. docs/dossiers.md "Webhooks" states the same.
 */

export interface RetryPolicy {
  /** Wait after the first failed attempt, ms; doubles after each further failure. */
  baseMs: number;
  /** Longest wait between two attempts, ms. */
  capMs: number;
  /** Attempts in all; after the last failed one the delivery is given up. */
  maxAttempts: number;
}

export const ONE_HOUR_MS = 3_600_000;

/** Only a 2xx answer acknowledges a delivery; a redirect is not followed and counts as a failure. */
export const acknowledged = (status: number): boolean => status >= 200 && status <= 299;

/** The wait after the `failures`-th failed attempt (1-based): base × 2^(failures−1), at most the cap. */
export function retryDelayMs(failures: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>): number {
  if (failures < 1) return 0;
  // 2^31 × base is past any cap: stop doubling before the number grows meaningless.
  const exponent = Math.min(failures - 1, 31);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

export type AttemptOutcome =
  | { attempts: number; deliveredAtMs: number }
  | { attempts: number; error: string; nextAttemptAtMs: number }
  | { attempts: number; error: string; gaveUpAtMs: number };

/**
 * What to record after an attempt: delivered on a 2xx; otherwise the next attempt's instant, or
 * given up once `maxAttempts` attempts have failed.
 */
export function afterAttempt(previousAttempts: number, result: { status: number } | { error: string }, nowMs: number, policy: RetryPolicy): AttemptOutcome {
  const attempts = previousAttempts + 1;
  if ('status' in result && acknowledged(result.status)) return { attempts, deliveredAtMs: nowMs };
  const error = 'status' in result ? `HTTP ${result.status}` : result.error;
  if (attempts >= policy.maxAttempts) return { attempts, error, gaveUpAtMs: nowMs };
  return { attempts, error, nextAttemptAtMs: nowMs + retryDelayMs(attempts, policy) };
}

/** The delivery as a list shows it. */
export function deliveryStatus(d: { deliveredAtMs: number | null; gaveUpAtMs: number | null }): 'pending' | 'delivered' | 'failed' {
  if (d.deliveredAtMs !== null) return 'delivered';
  if (d.gaveUpAtMs !== null) return 'failed';
  return 'pending';
}

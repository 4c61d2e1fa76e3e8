import type { Logger } from '../kernel/log.ts';

/**
 * A warning that can come once per broadcast while a server is away: the first one, then at
 * most one a minute with the count of the others.
 */
export function throttledWarn(log: Logger, what: string, everyMs = 60_000): (error: unknown) => void {
  let loggedAt = -Infinity;
  let silenced = 0;
  return (error) => {
    const now = Date.now();
    if (now - loggedAt < everyMs) {
      silenced += 1;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    log.warn(`${what}: ${message}${silenced > 0 ? ` (and ${silenced} more since the last warning)` : ''}`);
    loggedAt = now;
    silenced = 0;
  };
}

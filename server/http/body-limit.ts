import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ErrorBody } from '../../protocol/index.ts';

const KiB = 1024;

/** The limits, in bytes (docs/security.md "Request bodies"). */
export const BODY_LIMITS = {
  /** Logging in, changing a password, issuing a ticket: a few short fields. */
  small: 8 * KiB,
  /** Every other route: counter actions, ratings, staff and device tokens. */
  default: 64 * KiB,
  /** An admin's configuration: a centre's settings, a service, a counter. */
  admin: 1024 * KiB,
} as const;

/** Which limit a request gets, by method and path (paths under /api). The first match wins. */
const RULES: [method: string, path: RegExp, limit: number][] = [
  ['POST', /^\/api\/auth\/(login|password)$/, BODY_LIMITS.small],
  ['POST', /^\/api\/centres\/[^/]+\/tickets$/, BODY_LIMITS.small],
  ['PUT', /^\/api\/centres\/[^/]+\/(settings|services\/[^/]+|counters\/[^/]+)$/, BODY_LIMITS.admin],
  // The dossier system's batch (up to 1,000 dossiers) and the admin's CSV import (issue #14).
  ['POST', /^\/api\/centres\/[^/]+\/dossiers\/(batch|import)$/, BODY_LIMITS.admin],
];

export function bodyLimitFor(method: string, path: string): number {
  for (const [m, re, limit] of RULES) if (m === method && re.test(path)) return limit;
  return BODY_LIMITS.default;
}

const limiters = new Map<number, MiddlewareHandler>();

/**
 * Refuses a body over its route's limit with 413 `request.too_large` before anything reads it:
 * a Content-Length over the limit is refused at once, unread; a chunked body is read only up to
 * the limit (hono/body-limit keeps at most `limit` bytes), then refused. The answer closes the
 * connection, so the client stops sending and the rest is never read into memory. Runs first,
 * before authentication: a stranger's 450 MB costs nothing.
 */
export const limitBodies: MiddlewareHandler = createMiddleware(async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const limit = bodyLimitFor(c.req.method, c.req.path);
  let limiter = limiters.get(limit);
  if (!limiter) {
    limiter = bodyLimit({
      maxSize: limit,
      onError: (ctx) => {
        const error: ErrorBody = { code: 'request.too_large', message: `The request body is larger than ${limit} bytes.` };
        return ctx.json({ error }, 413);
      },
    });
    limiters.set(limit, limiter);
  }
  return limiter(c, next);
});

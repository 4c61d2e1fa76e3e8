import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorStatus, isAppError, type ErrorBody } from '../../protocol/index.ts';

import type { Logger } from '../kernel/log.ts';

export type { Logger };

/**
 * The one error path: AppError → its status; framework 4xx → request.malformed (403 → auth.forbidden); the rest → 500 with no detail.
 * `storeFault` is told of every `store.unavailable` answered (the metrics' luot_store_errors_total).
 */
export function errorHandler(log: Logger, storeFault?: () => void) {
  return (err: Error, c: Context) => {
    if (isAppError(err)) {
      if (err.code === 'store.unavailable') storeFault?.();
      // A fault of the server's own (503 store.unavailable): the client gets the code, the log says why and where.
      if (err.status >= 500) log.error(`${c.req.method} ${c.req.path}: ${faultDetail(err)}`);
      return c.json({ error: err.toBody() }, err.status as ContentfulStatusCode);
    }
    if (err instanceof HTTPException && err.status < 500) {
      // 403 comes from hono/csrf: a cross-site form post.
      const code = err.status === 415 ? 'request.unsupported_media_type' : err.status === 403 ? 'auth.forbidden' : 'request.malformed';
      const message = err.status === 403 ? 'Cross-site request refused.' : err.message || 'Malformed request.';
      const body: ErrorBody = { code, message };
      return c.json({ error: body }, errorStatus[code]);
    }
    log.error('unhandled error', err);
    const body: ErrorBody = { code: 'internal', message: 'Internal error.' };
    return c.json({ error: body }, 500);
  };
}

/** What the log says of an AppError that is the server's fault: its code and its cause (the store's file and SQLite code). */
export const faultDetail = (err: Error & { code: string }): string => `${err.code}: ${err.cause instanceof Error ? err.cause.message : err.message}`;

export const notFound = (c: Context) => {
  const body: ErrorBody = { code: 'route.not_found', message: `No route ${c.req.method} ${c.req.path}.` };
  return c.json({ error: body }, 404);
};

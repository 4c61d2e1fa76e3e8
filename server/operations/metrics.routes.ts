import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { ErrorBody } from '../../protocol/index.ts';
import { EXPOSITION_CONTENT_TYPE } from './exposition.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Does the Authorization header carry the token? Both sides are hashed first, so the comparison
 * takes the same time whatever the length or the first wrong character of a guess.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * `GET /metrics` at the root (Prometheus' default metrics_path, outside the API and its OpenAPI
 * document), for the holder of METRICS_TOKEN only: without the right bearer token, 401
 * `auth.required` — the route's existence is no secret once it is configured, and a clear 401
 * tells an operator that the scrape's credentials are wrong. Not registered at all without a token.
 */
export function metricsRoutes(token: string, scrape: () => Promise<string>): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    if (!bearerMatches(c.req.header('authorization'), token)) {
      const body: ErrorBody = { code: 'auth.required', message: 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.' };
      return c.json({ error: body }, 401, { 'www-authenticate': 'Bearer realm="metrics"' });
    }
    return c.body(await scrape(), 200, { 'content-type': EXPOSITION_CONTENT_TYPE, 'cache-control': 'no-store' });
  });
  return app;
}

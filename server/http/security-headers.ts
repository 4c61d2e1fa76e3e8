import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';

/**
 * The Content-Security-Policy of every answer (docs/security.md "Security headers"). The built
 * pages load only their own hashed modules (no inline script), so scripts are 'self' alone.
 * - style-src 'unsafe-inline': the kiosk and display HTML carry a small <style>, and Lit
 *   templates bind `style="…"` attributes (notice ticker, rating pad); Lit's own component
 *   styles are constructable stylesheets, which CSP does not restrict.
 * - img-src data: blob:: the favicon stub (`data:,`), QR codes as data: URLs, the kiosk's print
 *   preview as a blob: URL.
 * - media-src blob: data:: announcement clips, decoded from /voice/ fetches.
 * - connect-src 'self' plus ws(s)://<this host>: the API and socket.io (polling and websocket to
 *   the same host and port). CSP 3 browsers match same-host websockets with 'self' alone; older
 *   ones (Safari before 15.4, on a citizen's phone) need the ws: origin spelled out.
 * - frame-ancestors 'none': no page may be framed (clickjacking of the console or admin).
 */
const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'", // + this host's websocket origins: policyFor()
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** A host header as it may appear in a CSP source (anything else is left out). */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The policy for a request to `host` (the Host header). */
export function policyFor(host: string | undefined): string {
  const ws = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return BASE_POLICY.map((d) => (d.startsWith('connect-src') ? `connect-src 'self'${ws}` : d)).join('; ');
}

/**
 * Sets the security headers on every answer, pages and API alike: CSP, no sniffing, no referrer
 * (ticket ids and pairing tokens live in URLs), and `Cache-Control: no-store` on every /api answer
 * that does not say otherwise: logins, sessions, one-time passwords and device tokens must never
 * sit in a browser's or a proxy's cache. Pages and assets keep their own caching (static.routes.ts).
 */
export const securityHeaders: MiddlewareHandler = createMiddleware(async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set('content-security-policy', policyFor(c.req.header('host')));
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'no-referrer');
  headers.set('x-frame-options', 'DENY');
  if (c.req.path.startsWith('/api/') && !headers.has('cache-control')) headers.set('cache-control', 'no-store');
});

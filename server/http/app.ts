import { OpenAPIHono } from '@hono/zod-openapi';
import { csrf } from 'hono/csrf';
import type { Authenticator, Revocation } from '../accounts/authenticator.ts';
import type { Permission } from '../accounts/principal.ts';
import type { Deps } from '../kernel/ports.ts';
import type { PrintDeps } from '../printing/printing.deps.ts';
import { authenticate, csrfForCookies, requirePermission, SESSION_COOKIE } from './auth.middleware.ts';
import { limitBodies } from './body-limit.ts';
import { securityHeaders } from './security-headers.ts';
import { adminRoutes } from '../centres/admin.routes.ts';
import { authRoutes } from '../accounts/auth.routes.ts';
import { centresRoutes } from '../centres/centres.routes.ts';
import { countersRoutes } from '../counters/counters.routes.ts';
import { devicesRoutes } from '../accounts/devices.routes.ts';
import { errorHandler, notFound, type Logger } from './errors.ts';
import { createLoginGuard } from '../accounts/login-throttle.ts';
import { printJobsRoutes } from '../printing/print-jobs.routes.ts';
import { reportsRoutes } from '../reports/reports.routes.ts';
import { ratingsRoutes } from '../ratings/ratings.routes.ts';
import type { RatingDeps } from '../ratings/ratings.deps.ts';
import { securityRoutes } from '../accounts/security.routes.ts';
import { staffRoutes } from '../accounts/staff.routes.ts';
import { staticRoutes } from './static.routes.ts';
import { ticketsRoutes } from '../tickets/tickets.routes.ts';

export interface AppOptions {
  /** Folder of the Vite build (dist/web). */
  webRoot: string;
  version: string;
  log: Logger;
  authenticator: Authenticator;
  /** Signs the session cookie. */
  sessionSecret: string;
  /** Told when credentials are revoked, so live socket connections made with them close. */
  onRevoked?: (revocation: Revocation) => void;
  /** Printing (issue #4): print jobs, devices, reprint. Absent: no printing routes. */
  printing?: PrintDeps;
  /** Ratings (issue #5): recordRating, getRatingArm. Absent: no rating routes. */
  ratings?: RatingDeps;
  /** Where a simulated printer writes <job id>.png (demo), served as the job's preview. */
  previewDir?: string;
  /** A centre's own announcement clips, served at /voice/ before the default set (docs/voice.md). */
  voiceDir?: string;
  /** TRUSTED_PROXIES: the peers whose X-Forwarded-For is believed (login throttling). */
  trustedProxies?: readonly string[];
}

/**
 * Guards of the routes whose files apply none themselves (the counter workflow and the centre
 * configuration), by method and path. They run before the route's own middleware and body
 * validation. A force-close also needs counter:operate, which every admin has.
 * test/server/accounts/role-matrix.int.test.ts fails for any operation that is left open.
 */
const pathGuards: [method: 'GET' | 'POST' | 'PUT', path: string, permission: Permission][] = [
  ['POST', '/centres/:centreId/counters/:counterId/*', 'counter:operate'],
  ['POST', '/centres/:centreId/counters/:counterId/force-close', 'counter:force-close'],
  ['POST', '/centres/:centreId/grant-priority', 'counter:operate'],
  ['PUT', '/centres/:centreId/services/:serviceId', 'centre:admin'],
  ['PUT', '/centres/:centreId/counters/:counterId', 'centre:admin'],
  ['GET', '/centres/:centreId/settings', 'centre:admin'],
  ['PUT', '/centres/:centreId/settings', 'centre:admin'],
];

/** The HTTP side of the server: API under /api (with its OpenAPI 3.1 document) and the pages. */
export function createHttpApp(deps: Deps, options: AppOptions) {
  const api = new OpenAPIHono();
  // First: an oversized body is refused before authentication or anything else reads it.
  api.use('*', limitBodies);
  // hono/csrf refuses cross-site form posts (which need no CORS preflight) that carry cookies;
  // the authentication middleware also refuses any cross-origin state change made with the
  // session cookie, whatever its content type. See docs/security.md.
  api.use('*', csrfForCookies(csrf()));
  api.use('*', authenticate(options.authenticator, options.sessionSecret));
  for (const [method, path, permission] of pathGuards) api.on(method, path, requirePermission(permission));

  const onRevoked = options.onRevoked ?? (() => {});
  const guardLogin = createLoginGuard({ clock: deps.clock, ids: deps.ids, store: deps.store, log: options.log, trustedProxies: options.trustedProxies ?? [] });
  api.route('/', authRoutes(deps, { secret: options.sessionSecret, onRevoked, guardLogin }));
  api.route('/', centresRoutes(deps));
  api.route('/', ticketsRoutes(deps));
  api.route('/', countersRoutes(deps));
  api.route('/', adminRoutes(deps));
  api.route('/', devicesRoutes(deps, { onRevoked }));
  api.route('/', staffRoutes(deps, { onRevoked }));
  api.route('/', securityRoutes(deps));
  api.route('/', reportsRoutes(deps));
  if (options.printing) api.route('/', printJobsRoutes(options.printing, { previewDir: options.previewDir ?? null }));
  if (options.ratings) api.route('/', ratingsRoutes(options.ratings));
  api.get('/health', (c) => c.json({ ok: true, version: options.version }));

  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Staff session from POST /auth/login (httpOnly, signed, SameSite=Strict). State changes must come from the same origin.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'deviceToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'Device token of a kiosk, display or bridge: `Authorization: Bearer luot_<id>.<secret>`.',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/api' }],
    // The default for every operation; public ones say `security: []`.
    security: [{ sessionCookie: [] }, { deviceToken: [] }],
    info: {
      title: 'Luot API',
      version: options.version,
      description:
        'Queue kiosk and counter display system. Errors: { "error": { "code", "message" } }. ' +
        'Staff log in (cookie session); kiosks, displays and bridges send a device token. ' +
        'Each guarded operation names its permission in `x-permission`; see docs/security.md.',
    },
  });

  const app = new OpenAPIHono();
  // CSP, nosniff, no referrer on pages and API; no-store on API answers (docs/security.md).
  app.use('*', securityHeaders);
  app.onError(errorHandler(options.log));
  app.notFound(notFound);
  api.onError(errorHandler(options.log));
  api.notFound(notFound);
  app.route('/api', api);
  app.route('/', staticRoutes(options.webRoot, { voiceDir: options.voiceDir }));
  return app;
}

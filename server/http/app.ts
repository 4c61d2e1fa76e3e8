import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { matchedRoutes } from 'hono/route';
import type { Authenticator } from '../accounts/authenticator.ts';
import type { AnsweredRequest, HttpHooks, PathGuard } from '../kernel/module.ts';
import { authenticate, csrfForCookies, requirePermission, SESSION_COOKIE } from './auth.middleware.ts';
import { limitBodies } from './body-limit.ts';
import { errorHandler, notFound, type Logger } from './errors.ts';
import { securityHeaders } from './security-headers.ts';
import { staticRoutes } from './static.routes.ts';

export interface AppOptions {
  /** Folder of the Vite build (dist/web). */
  webRoot: string;
  version: string;
  log: Logger;
  authenticator: Authenticator;
  /** Signs the session cookie. */
  sessionSecret: string;
  /** The modules' routes (server/modules.ts), mounted under /api. */
  routes: readonly OpenAPIHono[];
  /**
   * The modules' path guards: permissions of the paths whose route files apply none themselves
   * (the counter workflow and the centre configuration). They run before the route's own
   * middleware and body validation. test/server/accounts/role-matrix.int.test.ts fails for any
   * operation that is left open.
   */
  guards: readonly PathGuard[];
  /** The modules' HTTP hooks (LuotModule.http). */
  hooks?: readonly HttpHooks[];
  /** A centre's own announcement clips, served at /voice/ before the default set (docs/voice.md). */
  voiceDir?: string;
}

/** Methods as labels: Node's parser accepts a few dozen, metrics need a handful. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The pattern of the handler that matched (middleware registered with `use` is method ALL). */
const routeOf = (c: Context): string => matchedRoutes(c).findLast((r) => r.method !== 'ALL')?.path ?? 'unmatched';

/** The HTTP side of the server: API under /api (with its OpenAPI 3.1 document) and the pages. */
export function createHttpApp(options: AppOptions) {
  const hooks = options.hooks ?? [];
  const storeFault = () => {
    for (const h of hooks) h.storeFault?.();
  };
  const api = new OpenAPIHono();
  // First: an oversized body is refused before authentication or anything else reads it.
  api.use('*', limitBodies);
  // hono/csrf refuses cross-site form posts (which need no CORS preflight) that carry cookies;
  // the authentication middleware also refuses any cross-origin state change made with the
  // session cookie, whatever its content type. See docs/security.md.
  api.use('*', csrfForCookies(csrf()));
  api.use('*', authenticate(options.authenticator, options.sessionSecret));
  for (const [method, path, permission] of options.guards) api.on(method, path, requirePermission(permission));
  for (const routes of options.routes) api.route('/', routes);
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
  const observers = hooks.filter((h) => h.answered);
  if (observers.length > 0) {
    // First, so it times everything below it; the error path has answered by the time next() returns.
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      const request: AnsweredRequest = {
        method: METHODS.has(c.req.method) ? c.req.method : 'OTHER',
        route: routeOf(c),
        status: c.res.status,
        seconds: (performance.now() - started) / 1000,
      };
      for (const h of observers) h.answered!(request);
    });
  }
  // CSP, nosniff, no referrer on pages and API; no-store on API answers (docs/security.md).
  app.use('*', securityHeaders);
  app.onError(errorHandler(options.log, storeFault));
  app.notFound(notFound);
  api.onError(errorHandler(options.log, storeFault));
  api.notFound(notFound);
  app.route('/api', api);
  for (const h of hooks) if (h.root) app.route('/', h.root);
  app.route('/', staticRoutes(options.webRoot, { voiceDir: options.voiceDir }));
  return app;
}

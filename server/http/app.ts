import { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../ports.ts';
import { centresRoutes } from './centres.routes.ts';
import { countersRoutes } from './counters.routes.ts';
import { errorHandler, notFound, type Logger } from './errors.ts';
import { staticRoutes } from './static.routes.ts';
import { ticketsRoutes } from './tickets.routes.ts';

export interface AppOptions {
  /** Folder of the Vite build (dist/web). */
  webRoot: string;
  version: string;
  log: Logger;
}

/** The HTTP side of the server: API under /api (with its OpenAPI 3.1 document) and the pages. */
export function createHttpApp(deps: Deps, options: AppOptions) {
  const api = new OpenAPIHono();
  api.route('/', centresRoutes(deps));
  api.route('/', ticketsRoutes(deps));
  api.route('/', countersRoutes(deps));
  api.get('/health', (c) => c.json({ ok: true, version: options.version }));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/api' }],
    info: {
      title: 'Luot API',
      version: options.version,
      description: 'Queue kiosk and counter display system. Errors: { "error": { "code", "message" } }.',
    },
  });

  const app = new OpenAPIHono();
  app.onError(errorHandler(options.log));
  app.notFound(notFound);
  api.onError(errorHandler(options.log));
  api.notFound(notFound);
  app.route('/api', api);
  app.route('/', staticRoutes(options.webRoot));
  return app;
}

import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { adminRoutes } from './admin.routes.ts';
import { attachCentreNamespace } from './centre.namespace.ts';
import { centresRoutes } from './centres.routes.ts';
import { provinceRoutes } from './province.routes.ts';

/** Centres: their configuration (services, counters, settings), their creation by the province (issue #13) and the /centre namespace every screen follows. */
export function centresModule(ctx: ModuleContext): LuotModule {
  return {
    name: 'centres',
    guards: [
      ['PUT', '/centres/:centreId/services/:serviceId', 'centre:admin'],
      ['PUT', '/centres/:centreId/counters/:counterId', 'centre:admin'],
      ['GET', '/centres/:centreId/settings', 'centre:admin'],
      ['PUT', '/centres/:centreId/settings', 'centre:admin'],
    ],
    routes: (deps) => [centresRoutes(deps), adminRoutes(deps), provinceRoutes(deps)],
    sockets(deps) {
      const centre = attachCentreNamespace(ctx.io, deps, ctx.log, { authenticator: ctx.authenticator, sessionSecret: ctx.sessionSecret });
      return { facts: centre, revoke: (r) => centre.revoke(r) };
    },
  };
}

import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { SecurityEventSchema } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { listSecurityEvents, SECURITY_EVENTS_LIMIT } from './security.usecases.ts';
import { guard } from '../http/auth.middleware.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonOk } from '../http/router.ts';

/** The centre's security audit: login locks (docs/security.md "Login throttling"). Admins only. */
export function securityRoutes(deps: Deps) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/security-events',
      operationId: 'listSecurityEvents',
      tags: ['staff'],
      summary: `Login locks of the centre's accounts, newest first (at most ${SECURITY_EVENTS_LIMIT})`,
      ...guard('centre:admin'),
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(SecurityEventSchema), 'Login locks, newest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listSecurityEvents(deps, c.req.valid('param').centreId), 200),
  );
  return app;
}

import { createRoute } from '@hono/zod-openapi';
import { CentreSchema, CreateCentreBodySchema, UpdateCentreBodySchema } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { guard } from '../http/auth.middleware.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';
import { createCentre, updateCentre } from './province.usecases.ts';

/** Creating and editing centres: province administrators only (issue #13, `province:admin`). */
export function provinceRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres',
      operationId: 'createCentre',
      tags: ['province'],
      summary: "Create a centre with a copy of a template centre's services, counters (closed) and settings; no staff, tickets or devices",
      ...guard('province:admin'),
      request: jsonBody(CreateCentreBodySchema),
      responses: { ...jsonOk(CentreSchema, 'The new centre'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await createCentre(deps, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/centres/{centreId}',
      operationId: 'updateCentre',
      tags: ['province'],
      summary: "Change a centre's name, address and time zone (its id never changes)",
      ...guard('province:admin'),
      request: { params: CentreParams, ...jsonBody(UpdateCentreBodySchema) },
      responses: { ...jsonOk(CentreSchema, 'The centre as stored'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateCentre(deps, c.req.valid('param').centreId, c.req.valid('json')), 200),
  );

  return app;
}

import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CentreSettingsSchema, CounterInputSchema, CounterSchema, IdSchema, ServiceInputSchema, ServiceSchema } from '../../protocol/index.ts';
import { getSettings, putCounter, putService, putSettings } from './admin.usecases.ts';
import type { Deps } from '../kernel/ports.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';

const pathId = (name: string) => IdSchema.meta({ param: { name, in: 'path' } });
const ServiceParams = z.object({ centreId: pathId('centreId'), serviceId: pathId('serviceId') });
const CounterConfigParams = z.object({ centreId: pathId('centreId'), counterId: pathId('counterId') });

/** Centre configuration: services, counters, settings (priority groups included). Admins only. */
export function adminRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'put',
      path: '/centres/{centreId}/services/{serviceId}',
      operationId: 'putService',
      summary: "Create or replace a service (lĩnh vực); refused (409 service.numbering_conflict) when its numbers could collide with another active service's",
      tags: ['admin'],
      request: { params: ServiceParams, ...jsonBody(ServiceInputSchema) },
      responses: { ...jsonOk(ServiceSchema, 'The service as stored'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { centreId, serviceId } = c.req.valid('param');
      return c.json(await putService(deps, centreId, serviceId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/centres/{centreId}/counters/{counterId}',
      operationId: 'putCounter',
      summary: 'Create or replace a counter with its services, calling order and weights',
      tags: ['admin'],
      request: { params: CounterConfigParams, ...jsonBody(CounterInputSchema) },
      responses: { ...jsonOk(CounterSchema, 'The counter as stored'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { centreId, counterId } = c.req.valid('param');
      return c.json(await putCounter(deps, centreId, counterId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/settings',
      operationId: 'getSettings',
      tags: ['admin'],
      request: { params: CentreParams },
      responses: { ...jsonOk(CentreSettingsSchema, 'Calling policy, priority groups, recalls, day end, kiosk limits'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getSettings(deps, c.req.valid('param').centreId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/centres/{centreId}/settings',
      operationId: 'putSettings',
      summary: 'Replace the centre settings (missing keys take their defaults)',
      tags: ['admin'],
      request: { params: CentreParams, ...jsonBody(z.record(z.string(), z.unknown())) },
      responses: { ...jsonOk(CentreSettingsSchema, 'The settings as stored'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await putSettings(deps, c.req.valid('param').centreId, c.req.valid('json')), 200),
  );

  return app;
}

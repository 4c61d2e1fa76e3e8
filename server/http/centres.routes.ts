import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CentreSchema, CounterSchema, ServiceSchema, SnapshotSchema } from '../../protocol/index.ts';
import { getSnapshot, listCentres, listServices } from '../centres.usecases.ts';
import { requireCentre } from '../lookups.ts';
import type { Deps } from '../ports.ts';
import { CentreParams } from './params.schemas.ts';
import { createRouter, errorResponses, jsonOk } from './router.ts';

export function centresRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres',
      operationId: 'listCentres',
      tags: ['centres'],
      responses: jsonOk(z.array(CentreSchema), 'Centres served by this deployment'),
    }),
    async (c) => c.json(await listCentres(deps), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/services',
      operationId: 'listServices',
      tags: ['centres'],
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(ServiceSchema), 'Services (lĩnh vực) in display order'), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await listServices(deps, c.req.valid('param').centreId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/counters',
      operationId: 'listCounters',
      tags: ['centres'],
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(CounterSchema), 'Counters (quầy) with the services they call'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      await requireCentre(deps.store, centreId);
      return c.json(await deps.store.listCounters(centreId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/snapshot',
      operationId: 'getSnapshot',
      tags: ['centres'],
      request: { params: CentreParams },
      responses: { ...jsonOk(SnapshotSchema, 'Everything a display shows, with its sequence number'), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getSnapshot(deps, c.req.valid('param').centreId), 200),
  );

  return app;
}

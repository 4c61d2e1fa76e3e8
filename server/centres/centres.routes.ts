import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CentreSchema, CounterSchema, ServiceSchema, SnapshotSchema } from '../../protocol/index.ts';
import { getSnapshot, listCentres, listServices } from './centres.usecases.ts';
import { requireCentre } from '../kernel/require-found.ts';
import type { Deps } from '../kernel/ports.ts';
import { guard, principalOf } from '../http/auth.middleware.ts';
import { can } from '../accounts/permissions.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonOk } from '../http/router.ts';

export function centresRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres',
      operationId: 'listCentres',
      tags: ['centres'],
      summary: "The caller's own centre (a device or account belongs to one centre); every centre for a province role",
      ...guard('centre:read'),
      responses: { ...jsonOk(z.array(CentreSchema), 'Centres the caller may read'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const principal = principalOf(c);
      const centres = await listCentres(deps);
      // The same rule as every other read: the centres where the caller holds centre:read.
      return c.json(
        centres.filter((x) => can(principal, 'centre:read', x.id)),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/services',
      operationId: 'listServices',
      tags: ['centres'],
      ...guard('centre:read'),
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(ServiceSchema), 'Services (lĩnh vực) in display order'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listServices(deps, c.req.valid('param').centreId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/counters',
      operationId: 'listCounters',
      tags: ['centres'],
      ...guard('centre:read'),
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(CounterSchema), 'Counters (quầy) with the services they call'), ...errorResponses(400, 401, 403, 404) },
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
      ...guard('centre:read'),
      request: { params: CentreParams },
      responses: { ...jsonOk(SnapshotSchema, 'Everything a display shows, with its sequence number'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getSnapshot(deps, c.req.valid('param').centreId), 200),
  );

  return app;
}

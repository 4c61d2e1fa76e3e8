import { createRoute } from '@hono/zod-openapi';
import { CounterWaitingQuerySchema, CounterWaitingSchema } from '../../protocol/index.ts';
import { guard } from '../http/auth.middleware.ts';
import { CounterParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonOk } from '../http/router.ts';
import type { Deps } from '../kernel/ports.ts';
import { counterWaiting } from './counter-waiting.usecases.ts';

/** The console's waiting list (issue #15, docs/console.md): for the officers who work counters (`counter:operate`). */
export function counterWaitingRoutes(deps: Deps) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/counters/{counterId}/waiting',
      operationId: 'counterWaiting',
      tags: ['counters'],
      summary: 'The tickets this counter could call, in the order it would call them (the first is what call-next calls now), with their marks and the total',
      ...guard('counter:operate'),
      request: { params: CounterParams, query: CounterWaitingQuerySchema },
      responses: { ...jsonOk(CounterWaitingSchema, 'The counter’s waiting list'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { centreId, counterId } = c.req.valid('param');
      return c.json(await counterWaiting(deps, { centreId, counterId, limit: c.req.valid('query').limit }), 200);
    },
  );
  return app;
}

import { createRoute } from '@hono/zod-openapi';
import { AppError, ErrorResponseSchema, isAppError, ReadinessSchema } from '../../protocol/index.ts';
import type { Store } from '../kernel/store.port.ts';
import { createRouter, jsonOk } from '../http/router.ts';

/** A centre id no centre has: its sequence read is one primary-key probe of `centres`. */
const PROBE = '';

/**
 * Can the store serve? One trivial read, uncached. Migrations are done by construction: the
 * server listens only once the store has opened and migrated. Any failure of the probe means not
 * ready (503 `store.unavailable`), whether the adapter recognised it as a store fault or not.
 */
export async function probeStore(store: Pick<Store, 'currentSeq'>): Promise<void> {
  try {
    await store.currentSeq(PROBE);
  } catch (error) {
    if (isAppError(error)) throw error;
    const fault = new AppError('store.unavailable', 'The data store is unavailable right now; try again in a moment.');
    fault.cause = error;
    throw fault;
  }
}

/** `GET /api/ready` for load balancers; `GET /api/health` (alive) stays in http/app.ts. */
export function readyRoutes(store: Pick<Store, 'currentSeq'>, version: () => string) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      operationId: 'getReadiness',
      tags: ['operations'],
      summary: 'Ready for traffic: the store answers a trivial read (load balancers); public',
      security: [],
      responses: {
        ...jsonOk(ReadinessSchema, 'This instance can serve'),
        503: { description: 'The store is unreachable: store.unavailable', content: { 'application/json': { schema: ErrorResponseSchema } } },
      },
    }),
    async (c) => {
      await probeStore(store);
      return c.json({ ok: true as const, version: version() }, 200);
    },
  );
  return app;
}

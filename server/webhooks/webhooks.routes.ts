import { createRoute } from '@hono/zod-openapi';
import { WebhookDeliveryListSchema } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { requireCentre } from '../kernel/require-found.ts';
import { guard } from '../http/auth.middleware.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonOk } from '../http/router.ts';
import { listWebhookDeliveries } from './webhooks.usecases.ts';

/** The outbox as an admin sees it: what was sent where, what is pending, what was given up. */
export function webhooksRoutes(deps: Deps) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/webhook-deliveries',
      operationId: 'listWebhookDeliveries',
      tags: ['webhooks'],
      summary: "The centre's latest 200 webhook deliveries, newest first: pending (with the next attempt), delivered, or failed (given up)",
      ...guard('centre:admin'),
      request: { params: CentreParams },
      responses: { ...jsonOk(WebhookDeliveryListSchema, 'The deliveries'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      await requireCentre(deps.store, centreId);
      return c.json({ deliveries: await listWebhookDeliveries(deps, centreId) }, 200);
    },
  );
  return app;
}

import { createRoute } from '@hono/zod-openapi';
import { AlertReportQuerySchema, AlertReportSchema } from '../../protocol/index.ts';
import { guard } from '../http/auth.middleware.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonOk } from '../http/router.ts';
import type { Deps } from '../kernel/ports.ts';
import { alertReport } from './alerts-report.usecases.ts';

/** SLA alerts (issue #14, docs/alerts.md): the report of alerts raised in a period, for managers (`reports:read`). */
export function alertsRoutes(deps: Deps) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/reports/alerts',
      operationId: 'alertReport',
      tags: ['reports'],
      summary: 'SLA alerts raised in a range of local days, counted per kind and service or counter, and the alerts open now',
      ...guard('reports:read'),
      request: { params: CentreParams, query: AlertReportQuerySchema },
      responses: { ...jsonOk(AlertReportSchema, 'The alerts report'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await alertReport(deps, c.req.valid('param').centreId, c.req.valid('query')), 200),
  );
  return app;
}

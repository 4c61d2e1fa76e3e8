import { createRoute } from '@hono/zod-openapi';
import { ProvinceReportQuerySchema, ProvinceReportSchema } from '../../protocol/province-report.schemas.ts';
import type { Deps } from '../kernel/ports.ts';
import { guard, principalOf } from '../http/auth.middleware.ts';
import { createRouter, errorResponses } from '../http/router.ts';
import { provinceReport } from './province-report.usecases.ts';
import { provinceReportTable } from './province-tables.models.ts';
import { download, reportOk } from './reports.routes.ts';

/**
 * The province report (issue #13, docs/reports.md "The province report"): not under one centre.
 * The guard asks for `reports:read` in the caller's home centre; the use case then keeps the
 * centres where the caller holds it (every centre for a province role, its own for the rest).
 */
export function provinceReportRoutes(deps: Deps) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/province/reports/centres',
      operationId: 'provinceReport',
      tags: ['reports'],
      summary:
        'Every centre the caller may read reports of, side by side: issued, served, no-show, satisfied share, response rate, mean and p90 wait and service; ranked by one column',
      ...guard('reports:read'),
      request: { query: ProvinceReportQuerySchema },
      responses: { ...reportOk(ProvinceReportSchema, 'The centres, ranked'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const report = await provinceReport(deps, principalOf(c), q);
      if (q.format !== 'json') return download(c, q.format, provinceReportTable(report, q.lang));
      return c.json(report, 200);
    },
  );
  return app;
}

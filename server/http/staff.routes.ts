import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AccountSchema } from '../../protocol/index.ts';
import { listStaffAccounts } from '../accounts.usecases.ts';
import type { Deps } from '../ports.ts';
import { guard } from './auth.middleware.ts';
import { CentreParams } from './params.schemas.ts';
import { createRouter, errorResponses, jsonOk } from './router.ts';

/** Staff accounts of a centre. (Editing them is the admin page's next section.) */
export function staffRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/staff',
      operationId: 'listStaff',
      tags: ['staff'],
      summary: 'Staff accounts of the centre with their roles; never a password hash',
      ...guard('centre:read'),
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(AccountSchema), 'Accounts by username'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listStaffAccounts(deps, c.req.valid('param').centreId), 200),
  );

  return app;
}

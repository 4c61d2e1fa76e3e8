import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AccountSchema, CreateStaffBodySchema, StaffWithPasswordSchema, UpdateStaffBodySchema } from '../../protocol/index.ts';
import { listStaffAccounts } from './accounts.usecases.ts';
import type { Revocation } from './authenticator.ts';
import type { Deps } from '../kernel/ports.ts';
import { createStaff, resetStaffPassword, updateStaff } from './staff.usecases.ts';
import { guard, principalOf, staffActor } from '../http/auth.middleware.ts';
import type { Context } from 'hono';
import type { AccountActor } from './staff.usecases.ts';
import { CentreParams, StaffParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';

/** The admin acting, with their home centre (a province admin edits other centres' accounts). */
function accountActor(c: Context): AccountActor {
  const principal = principalOf(c);
  return { ...staffActor(c), ...(principal.kind === 'staff' ? { centreId: principal.centreId } : {}) };
}

/** Staff accounts of a centre: everyone there may list them; admins create and edit them. */
export function staffRoutes(deps: Deps, options: { onRevoked: (r: Revocation) => void }) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/staff',
      operationId: 'listStaff',
      tags: ['staff'],
      summary: 'Staff accounts of the centre with their roles; never a password hash',
      ...guard('staff:read'),
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(AccountSchema), 'Accounts by username'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listStaffAccounts(deps, c.req.valid('param').centreId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/staff',
      operationId: 'createStaff',
      tags: ['staff'],
      summary: 'Create an account; without a password, a one-time password is made and answered once',
      ...guard('centre:admin'),
      request: { params: CentreParams, ...jsonBody(CreateStaffBodySchema) },
      responses: { ...jsonOk(StaffWithPasswordSchema, 'The account, and its one-time password'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await createStaff(deps, c.req.valid('param').centreId, c.req.valid('json'), accountActor(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/centres/{centreId}/staff/{staffId}',
      operationId: 'updateStaff',
      tags: ['staff'],
      summary: "Rename, change the role of, disable or re-enable an account (not one's own role or access)",
      description: "Disabling ends the account's sessions at once; a counter the officer holds stays open until an admin force-closes it.",
      ...guard('centre:admin'),
      request: { params: StaffParams, ...jsonBody(UpdateStaffBodySchema) },
      responses: { ...jsonOk(AccountSchema, 'The account'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { centreId, staffId } = c.req.valid('param');
      const account = await updateStaff(deps, accountActor(c), centreId, staffId, c.req.valid('json'));
      if (!account.active) options.onRevoked({ kind: 'account', centreId, staffId });
      return c.json(account, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/staff/{staffId}/reset-password',
      operationId: 'resetStaffPassword',
      tags: ['staff'],
      summary: "Give another account a one-time password (answered once; to be changed at the next login); ends the account's sessions",
      ...guard('centre:admin'),
      request: { params: StaffParams },
      responses: { ...jsonOk(StaffWithPasswordSchema, 'The account and its one-time password'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { centreId, staffId } = c.req.valid('param');
      const reset = await resetStaffPassword(deps, accountActor(c), centreId, staffId);
      options.onRevoked({ kind: 'account', centreId, staffId });
      return c.json(reset, 200);
    },
  );

  return app;
}

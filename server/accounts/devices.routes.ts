import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CreateDeviceTokenBodySchema, CreatedDeviceWithPairingSchema, DeviceTokenSchema } from '../../protocol/index.ts';
import type { PairingKeys } from '../pairing/pairing-crypto.ts';
import { createDeviceTokenWithPairing } from '../pairing/pairing.usecases.ts';
import { listDeviceTokens, revokeDeviceToken } from './devices.usecases.ts';
import type { Revocation } from './authenticator.ts';
import type { Deps } from '../kernel/ports.ts';
import { guard, principalOf } from '../http/auth.middleware.ts';
import { CentreParams, DeviceTokenParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';

/** Device tokens of kiosks, displays and bridges: admins create, list and revoke them. */
export function devicesRoutes(deps: Deps, options: { onRevoked: (r: Revocation) => void; pairing: PairingKeys }) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/device-tokens',
      operationId: 'createDeviceToken',
      tags: ['devices'],
      summary:
        'Make a token for a kiosk, display or bridge; the answer is the only place its secret appears. A kiosk, display or rating screen ' +
        'also gets `pairing`: a one-time code to type on the device (redeemPairingCode), valid 15 minutes',
      ...guard('centre:admin'),
      request: { params: CentreParams, ...jsonBody(CreateDeviceTokenBodySchema) },
      responses: { ...jsonOk(CreatedDeviceWithPairingSchema, 'The token, with its secret, once, and its pairing code'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      const principal = principalOf(c);
      // A staff id names an account of the token's centre: a province admin of another centre is not one (issue #13).
      const createdBy = principal.kind === 'staff' && principal.centreId === centreId ? principal.staffId : null;
      return c.json(await createDeviceTokenWithPairing({ deps, keys: options.pairing }, { centreId, createdBy, ...c.req.valid('json') }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/device-tokens',
      operationId: 'listDeviceTokens',
      tags: ['devices'],
      summary: "The centre's device tokens, revoked ones included, with when each was last used; no secrets",
      ...guard('centre:admin'),
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(DeviceTokenSchema), 'Device tokens, oldest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listDeviceTokens(deps, c.req.valid('param').centreId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/device-tokens/{tokenId}/revoke',
      operationId: 'revokeDeviceToken',
      tags: ['devices'],
      summary: 'Revoke a device token at once (its next request is anonymous, its live connections are closed)',
      ...guard('centre:admin'),
      request: { params: DeviceTokenParams },
      responses: { ...jsonOk(DeviceTokenSchema, 'The revoked token'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { centreId, tokenId } = c.req.valid('param');
      const revoked = await revokeDeviceToken(deps, centreId, tokenId);
      options.onRevoked({ kind: 'device', deviceId: tokenId });
      return c.json(revoked, 200);
    },
  );

  return app;
}

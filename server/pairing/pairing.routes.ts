import { createRoute } from '@hono/zod-openapi';
import { PairingInfoSchema, RedeemedPairingSchema, RedeemPairingBodySchema, RevokedPairingSchema } from '../../protocol/index.ts';
import { guard } from '../http/auth.middleware.ts';
import { CentreParams, DeviceTokenParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';
import { pairingRateLimit } from './pairing-rate-limit.ts';
import { PAIRING_TTL_MS } from './pairing.models.ts';
import { redeemPairingCode, revokePairingCodes, type PairingDeps } from './pairing.usecases.ts';

const tags = ['devices'];

/** Pairing a device with a short code: the device redeems (public), the admin reads the setup and withdraws codes. */
export function pairingRoutes(pd: PairingDeps, options: { trustedProxies: readonly string[]; publicUrl: string | null }) {
  const app = createRouter();
  const limit = pairingRateLimit({ clock: pd.deps.clock, trustedProxies: new Set(options.trustedProxies) });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/pairing/redeem',
      operationId: 'redeemPairingCode',
      tags,
      summary:
        'Exchange a pairing code typed on a kiosk, display or rating screen for its device token, once (public; rate-limited per address). ' +
        'Refusals change nothing: 404 pairing.invalid, 409 pairing.expired, pairing.used or pairing.wrong_kind, 429 pairing.rate_limited.',
      security: [],
      middleware: [limit],
      request: jsonBody(RedeemPairingBodySchema),
      responses: { ...jsonOk(RedeemedPairingSchema, 'The device token, handed over once'), ...errorResponses(400, 404, 409, 429) },
    }),
    async (c) => c.json(await redeemPairingCode(pd, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/pairing-info',
      operationId: 'getPairingInfo',
      tags,
      summary: "What the admin page needs for pairing addresses: PUBLIC_URL (null when unset) and a code's lifetime",
      ...guard('centre:admin'),
      request: { params: CentreParams },
      responses: { ...jsonOk(PairingInfoSchema, 'The pairing setup'), ...errorResponses(400, 401, 403, 404) },
    }),
    (c) => c.json({ publicUrl: options.publicUrl, codeMinutes: PAIRING_TTL_MS / 60_000 }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/device-tokens/{tokenId}/pairing/revoke',
      operationId: 'revokePairingCode',
      tags,
      summary: "Withdraw a device token's unused pairing codes at once (the token itself stays; revokeDeviceToken ends it)",
      ...guard('centre:admin'),
      request: { params: DeviceTokenParams },
      responses: { ...jsonOk(RevokedPairingSchema, 'How many codes were withdrawn'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { centreId, tokenId } = c.req.valid('param');
      return c.json(await revokePairingCodes(pd, centreId, tokenId), 200);
    },
  );

  return app;
}

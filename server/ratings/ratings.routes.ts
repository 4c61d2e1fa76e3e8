import { createRoute } from '@hono/zod-openapi';
import { PressResultSchema, RatingArmViewSchema, RecordRatingBodySchema } from '../../protocol/index.ts';
import type { RatingDeps } from './ratings.deps.ts';
import { getRatingArm, recordRating } from './ratings.usecases.ts';
import { guard, principalOf } from '../http/auth.middleware.ts';
import { CentreParams, CounterParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';

/**
 * Ratings (issue #5). `recordRating` is the customer-facing rating screen of a counter without
 * a keypad (a device paired with that counter, issue #10), and the door for integrations: the
 * same rules and idempotency as the keypads (docs/keypad-protocol.md, server/queue/rating.models.ts).
 * Staff sessions never rate. Its path is outside /counters/{counterId}/ on purpose: those are
 * guarded for officers only.
 */
export function ratingsRoutes(rd: RatingDeps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/ratings',
      operationId: 'recordRating',
      tags: ['ratings'],
      summary:
        'Rate the ticket last finished at a counter (one press). Every press is recorded with its outcome; the first valid one in the ' +
        "counter's window becomes the ticket's rating. The same idempotencyKey again is answered with the first outcome (duplicate: true). " +
        'A rating screen rates only at the counter it is paired with; a bridge device at any counter of its centre; staff sessions never (403).',
      ...guard('rating:record'),
      request: { params: CentreParams, ...jsonBody(RecordRatingBodySchema) },
      responses: { ...jsonOk(PressResultSchema, 'What became of the press (rejections are outcomes, not errors)'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await recordRating(rd, principalOf(c), c.req.valid('param').centreId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/counters/{counterId}/rating-arm',
      operationId: 'getRatingArm',
      tags: ['ratings'],
      summary: "Whether the counter's keypad and rating screen are armed now, for which ticket, and for how long still (a rating screen: its own counter only)",
      ...guard('rating:arm'),
      request: { params: CounterParams },
      responses: { ...jsonOk(RatingArmViewSchema, 'The arm'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { centreId, counterId } = c.req.valid('param');
      return c.json(await getRatingArm(rd, principalOf(c), centreId, counterId), 200);
    },
  );

  return app;
}

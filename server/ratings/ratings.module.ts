import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { createKeypadTransport, createRatingNotifier } from './keypad.namespace.ts';
import { attachRatingNamespace } from './rating.namespace.ts';
import type { RatingDeps } from './ratings.deps.ts';
import { ratingsRoutes } from './ratings.routes.ts';
import { armOnFinish } from './ratings.usecases.ts';

/**
 * Ratings: finishing a ticket arms its counter's keypads (through the firmware bridges) and its
 * rating screen (/rating); a press or a tap becomes one rating tied to the ticket.
 */
export function ratingsModule(ctx: ModuleContext): LuotModule & { deps: RatingDeps } {
  const rd: RatingDeps = {
    ...ctx.base,
    keypads: createKeypadTransport(ctx.io),
    ratingNotifier: createRatingNotifier(ctx.io),
    log: ctx.log,
  };
  return {
    name: 'ratings',
    deps: rd,
    subscribers: [armOnFinish(rd)],
    routes: () => [ratingsRoutes(rd)],
    sockets: () => attachRatingNamespace(ctx.io, ctx.log, { authenticator: ctx.authenticator }),
  };
}

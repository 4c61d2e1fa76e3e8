import { join } from 'node:path';
import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import type { RatingDeps } from '../ratings/ratings.deps.ts';
import { attachBridgeNamespace, type createBridgeRegistry } from './bridge.namespace.ts';
import { createPrintNotifier } from './print.notifier.ts';
import { printJobsRoutes } from './print-jobs.routes.ts';
import { abandonOverdue, printOnIssue } from './print-jobs.usecases.ts';
import type { PrintDeps } from './printing.deps.ts';

/**
 * Printing: a kiosk's ticket gets a print job in the issuing transaction (its subscriber), the
 * job goes to the kiosk's firmware bridge over /bridge, and jobs past their deadline are abandoned.
 * The /bridge namespace also carries the rating keypads' presses to the ratings module.
 */
export function printingModule(
  ctx: ModuleContext,
  shared: { bridges: ReturnType<typeof createBridgeRegistry>; ratings: RatingDeps },
): LuotModule & { deps: PrintDeps } {
  const { config, log } = ctx;
  const pd: PrintDeps = {
    ...ctx.base,
    transport: shared.bridges,
    printNotifier: createPrintNotifier(ctx.io),
    printTimeoutMs: config.PRINT_TIMEOUT_MS,
    heartbeatMs: config.BRIDGE_HEARTBEAT_MS,
    publicUrl: ctx.publicUrl,
    log,
  };
  return {
    name: 'printing',
    deps: pd,
    subscribers: [printOnIssue(pd)],
    routes: () => [printJobsRoutes(pd, { previewDir: join(config.DATA_DIR, 'printed') })],
    sockets: () => attachBridgeNamespace(ctx.io, pd, shared.bridges, log, { authenticator: ctx.authenticator, ratings: shared.ratings }),
    async start() {
      // Bridges connected to a previous run are not connected to this one (they will say hello again).
      await pd.store.disconnectAllBridges(pd.clock.now().getTime());
      // Print jobs past their deadline are abandoned (also those left over from before a restart).
      const abandon = () => abandonOverdue(pd).catch((error) => log.error('print job sweep failed', error));
      await abandon();
      const timer = setInterval(() => void abandon(), Math.min(1000, Math.floor(config.PRINT_TIMEOUT_MS / 4)));
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

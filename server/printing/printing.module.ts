import { join } from 'node:path';
import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import type { RatingDeps } from '../ratings/ratings.deps.ts';
import { attachBridgeNamespace, type createBridgeRegistry } from './bridge.namespace.ts';
import { createPrintNotifier } from './print.notifier.ts';
import { printJobsRoutes } from './print-jobs.routes.ts';
import { abandonOverdue, deliverJob, deliverOverlooked, printOnIssue } from './print-jobs.usecases.ts';
import { sweepStaleBridges } from './bridge-devices.usecases.ts';
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
    sockets: () => {
      // Another instance issued a job for a bridge connected here, or gave up on one (issue #13).
      const { bridges } = shared;
      ctx.peers.on('print:deliver', ({ centreId, bridgeId, jobId }) => {
        if (!bridges.isConnected({ centreId, bridgeId })) return;
        void deliverJob(pd, jobId, { forward: false }).catch((error) => log.error(`print job ${jobId}: delivery failed`, error));
      });
      ctx.peers.on('print:cancel', ({ centreId, bridgeId, jobId, reason }) => bridges.cancelHere({ centreId, bridgeId }, jobId, reason));
      return attachBridgeNamespace(ctx.io, pd, bridges, log, { authenticator: ctx.authenticator, ratings: shared.ratings });
    },
    async start() {
      const now = pd.clock.now().getTime();
      // One process: bridges connected to a previous run are not connected to this one (they will
      // say hello again). Several instances: the others' bridges are; only those nobody has heard
      // of for a while are not (their instance died; the sweep below keeps checking).
      if (ctx.peers.several) await sweepStaleBridges(pd);
      else await pd.store.disconnectAllBridges(now);
      // Print jobs past their deadline are abandoned (also those left over from before a restart).
      const abandon = () => abandonOverdue(pd).catch((error) => log.error('print job sweep failed', error));
      await abandon();
      let lastStaleSweep = now;
      const sweep = async () => {
        await abandon();
        if (!ctx.peers.several) return;
        // The fast path's safety net: jobs of this instance's bridges that nobody handed over.
        await deliverOverlooked(pd, shared.bridges.readyBridges()).catch((error) => log.error('print job delivery sweep failed', error));
        if (pd.clock.now().getTime() - lastStaleSweep < pd.heartbeatMs) return;
        lastStaleSweep = pd.clock.now().getTime();
        await sweepStaleBridges(pd).catch((error) => log.error('bridge connection sweep failed', error));
      };
      const timer = setInterval(() => void sweep(), Math.min(1000, Math.floor(config.PRINT_TIMEOUT_MS / 4)));
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { provinceReportRoutes } from './province-report.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import { ensureRollups, reportsSubscriber } from './rollups.usecases.ts';

/** Reports: daily rollups kept by every ticket change, summaries, logs and their exports. */
export function reportsModule(ctx: ModuleContext): LuotModule {
  return {
    name: 'reports',
    subscribers: [reportsSubscriber],
    routes: (deps) => [reportsRoutes(deps, ctx.log), provinceReportRoutes(deps)],
    async start(deps) {
      // A store that never had rollups (older, or seeded straight into its tables) gets them built.
      for (const centreId of await ensureRollups(deps.store, deps.clock)) ctx.log.info(`reports: rollups of centre ${centreId} built from its tickets`);
    },
  };
}

import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { countersRoutes } from './counters.routes.ts';
import { counterWaitingRoutes } from './counter-waiting.routes.ts';
import { expireStaleTickets } from './day-end.usecases.ts';

/** How often day end is checked (each centre expires its tickets at its own local midnight). */
const DAY_END_EVERY_MS = 60_000;

/** Counters: open/pause/close, calling and serving tickets, and day end. */
export function countersModule(ctx: ModuleContext): LuotModule {
  return {
    name: 'counters',
    // A force-close also needs counter:operate, which every admin has.
    guards: [
      ['POST', '/centres/:centreId/counters/:counterId/*', 'counter:operate'],
      ['POST', '/centres/:centreId/counters/:counterId/force-close', 'counter:force-close'],
    ],
    routes: (deps) => [countersRoutes(deps), counterWaitingRoutes(deps)],
    async start(deps) {
      // Checked now (for a server that was off at midnight), then every minute.
      const sweep = () =>
        expireStaleTickets(deps).then(
          (n) => n > 0 && ctx.log.info(`day end: ${n} unserved ticket(s) expired`),
          (error) => ctx.log.error('day-end sweep failed', error),
        );
      await sweep();
      const timer = setInterval(() => void sweep(), DAY_END_EVERY_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

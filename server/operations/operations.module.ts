import { isAppError } from '../../protocol/index.ts';
import { faultDetail } from '../http/errors.ts';
import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { renderExposition, type Family } from './exposition.ts';
import { createHttpMetrics } from './http-metrics.ts';
import { metricsRoutes } from './metrics.routes.ts';
import { createProcessMetrics } from './process-metrics.ts';
import { readyRoutes } from './ready.routes.ts';
import { createSocketMetrics } from './socket-metrics.ts';
import { storeFamilies } from './store-metrics.ts';

/**
 * Operations (issue #13, docs/operations.md): `GET /api/ready` for the load balancer and, when
 * METRICS_TOKEN is set, `GET /metrics` for the operator's Prometheus — this process's requests,
 * latencies, sockets and store faults, the store's queues, devices and failed prints, and the
 * process itself. Without the token nothing is measured.
 */
export function operationsModule(ctx: ModuleContext): LuotModule {
  const { store, clock } = ctx.base;
  const token = ctx.config.METRICS_TOKEN;
  const version = () => ctx.version;
  if (!token) return { name: 'operations', routes: () => [readyRoutes(store, version)] };

  const http = createHttpMetrics();
  const processMetrics = createProcessMetrics();
  const sockets = createSocketMetrics(ctx.io, store);

  async function scrape(): Promise<string> {
    let storeUp = 1;
    const storeFailed = (error: unknown) => {
      if (storeUp === 1) ctx.log.error(isAppError(error) ? `GET /metrics: ${faultDetail(error)}` : 'GET /metrics: a store read failed', error);
      storeUp = 0;
      http.storeFault();
    };
    const families: Family[] = await sockets.families(storeFailed);
    try {
      families.push(...(await storeFamilies(store, clock)));
    } catch (error) {
      storeFailed(error);
    }
    families.push({
      name: 'luot_store_up',
      help: '1 when the store answered every read of this scrape, else 0.',
      type: 'gauge',
      samples: [{ labels: {}, value: storeUp }],
    });
    families.push(...http.families(), ...processMetrics.families());
    return renderExposition(families);
  }

  return {
    name: 'operations',
    routes: () => [readyRoutes(store, version)],
    http: { answered: http.answered, storeFault: http.storeFault, root: metricsRoutes(token, scrape) },
    start: async () => processMetrics.start(),
  };
}

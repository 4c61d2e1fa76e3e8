import type { LuotModule } from '../kernel/module.ts';
import { dossiersRoutes } from './dossiers.routes.ts';

/**
 * Dossiers and result return (issue #14): the dossier system's API, the kiosk's "Nhận kết quả",
 * the officer's hand-over, which enqueues `dossier.returned` through the webhooks module's outbox.
 */
export function dossiersModule(): LuotModule {
  return { name: 'dossiers', routes: (deps) => [dossiersRoutes(deps)] };
}

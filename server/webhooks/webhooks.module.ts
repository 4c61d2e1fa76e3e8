import { randomUUID } from 'node:crypto';
import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { ONE_HOUR_MS } from './webhooks.models.ts';
import { webhooksRoutes } from './webhooks.routes.ts';
import { fetchPost, sendDueWebhooks, type WebhookDeps } from './webhooks.usecases.ts';

/**
 * Webhooks (issue #14): an outbox in the store. Modules enqueue in their own transaction
 * (`enqueueWebhook`); every instance's sender claims what is due each second and sends it signed.
 */
export function webhooksModule(ctx: ModuleContext): LuotModule & { deps: WebhookDeps } {
  const wd: WebhookDeps = {
    ...ctx.base,
    policy: { baseMs: ctx.config.WEBHOOK_RETRY_BASE_MS, capMs: ONE_HOUR_MS, maxAttempts: ctx.config.WEBHOOK_MAX_ATTEMPTS },
    post: fetchPost,
    instanceId: randomUUID(),
    timeoutMs: 10_000,
    log: ctx.log,
  };
  return {
    name: 'webhooks',
    deps: wd,
    routes: (deps) => [webhooksRoutes(deps)],
    async start() {
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          // A full batch: more may be due at once.
          while ((await sendDueWebhooks(wd)) === 20);
        } catch (error) {
          ctx.log.error('webhook sender failed', error);
        } finally {
          running = false;
        }
      };
      const timer = setInterval(() => void tick(), Math.min(1000, ctx.config.WEBHOOK_RETRY_BASE_MS));
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

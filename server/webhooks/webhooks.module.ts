import { randomUUID } from 'node:crypto';
import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { ONE_HOUR_MS } from './webhooks.models.ts';
import { webhooksRoutes } from './webhooks.routes.ts';
import { fetchPost, pruneFinishedWebhooks, sendDueWebhooks, type WebhookDeps } from './webhooks.usecases.ts';

/**
 * Webhooks (issue #14): an outbox in the store. Modules enqueue in their own transaction
 * (`enqueueWebhook`); every instance's sender claims what is due each second and sends it signed,
 * and hourly deletes deliveries finished more than WEBHOOK_KEEP_DAYS ago.
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
      let prunedAtMs = Number.NEGATIVE_INFINITY;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          // A full batch: more may be due at once.
          while ((await sendDueWebhooks(wd)) === 20);
          // Hourly (and at start): finished deliveries past WEBHOOK_KEEP_DAYS go.
          const now = wd.clock.now().getTime();
          if (now - prunedAtMs >= ONE_HOUR_MS) {
            prunedAtMs = now;
            await pruneFinishedWebhooks(wd, ctx.config.WEBHOOK_KEEP_DAYS);
          }
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

import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import type { TicketSubscriber } from '../kernel/ticket-subscribers.ts';
import { ALERT_CHECK_MS, createAlertEvaluator, type AlertEvaluator } from './alert-evaluator.ts';
import { anyRuleOn } from './alerts.models.ts';
import { alertsRoutes } from './alerts.routes.ts';

/**
 * A ticket change may raise or clear an alert: once it has committed, evaluate its centre. After
 * the commit and outside the change's transaction, so issuing and calling cost what they did. A
 * centre with every rule off and nothing open is told apart here, from the configuration the
 * transaction has already checked (no statement): it is not evaluated at all, where asking after
 * the commit cost each ticket change one more version read.
 */
export const alertsSubscriber = (evaluator: AlertEvaluator): TicketSubscriber => ({
  name: 'alerts',
  async changed(tx, change) {
    const config = await tx.centreConfig(change.centreId);
    if (config && !anyRuleOn(config.settings.alerts) && evaluator.quietAt(change.centreId, config.version)) return;
    tx.afterCommit(() => void evaluator.schedule(change.centreId));
  },
});

/**
 * SLA alerts (issue #14, docs/alerts.md): evaluated after every ticket change (a subscriber),
 * every counter or configuration change (the facts this instance publishes) and on a timer;
 * recorded in the store, published as `alert:changed`, counted in a report.
 */
export function alertsModule(ctx: ModuleContext): LuotModule & { evaluator: AlertEvaluator } {
  const evaluator = createAlertEvaluator(ctx.base, ctx.log);
  return {
    name: 'alerts',
    evaluator,
    subscribers: [alertsSubscriber(evaluator)],
    routes: (deps) => [alertsRoutes(deps)],
    sockets: () => ({
      facts: {
        publish(fact) {
          // Counters opening, pausing or closing and configuration changes (thresholds) are not ticket changes.
          if (fact.type === 'counter:updated' || fact.type === 'state:snapshot') void evaluator.schedule(fact.centreId);
        },
      },
    }),
    async start() {
      const timer = setInterval(() => void evaluator.tick(), ALERT_CHECK_MS);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}

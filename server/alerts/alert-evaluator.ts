import type { Logger } from '../kernel/log.ts';
import { throttledWarn } from '../realtime/throttled-warn.ts';
import { anyRuleOn } from './alerts.models.ts';
import { evaluateCentreAlerts, type AlertDeps } from './alerts.usecases.ts';

/** How often every centre's alerts are evaluated besides after each change: waits and idleness grow with time. */
export const ALERT_CHECK_MS = 15_000;

/**
 * Runs a centre's evaluation when asked, one at a time per centre: a request while one runs
 * makes one more run after it, so a burst of changes costs at most two evaluations. Failures
 * (a store away) are logged, throttled; the next change or tick tries again.
 */
export function createAlertEvaluator(deps: AlertDeps, log: Logger) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const warn = throttledWarn(log, 'alerts: evaluation failed');

  // Centres with every rule off and no alert open, by the configuration version that said so: they
  // cost nothing until their configuration changes (an alert needs a rule, a rule needs a new version).
  const quiet = new Map<string, number>();

  async function evaluate(centreId: string): Promise<void> {
    // One version read: another instance may have just switched a rule on.
    const config = await deps.store.centreConfig(centreId);
    if (!config) return;
    const rulesOff = !anyRuleOn(config.settings.alerts);
    if (rulesOff && quiet.get(centreId) === config.version) return;
    await evaluateCentreAlerts(deps, centreId);
    // Evaluated with the rules off: whatever was open is cleared now.
    if (rulesOff) quiet.set(centreId, config.version);
    else quiet.delete(centreId);
  }

  function run(centreId: string): Promise<void> {
    const done = (async () => {
      do {
        again.delete(centreId);
        await evaluate(centreId).catch(warn);
      } while (again.has(centreId));
    })().finally(() => running.delete(centreId));
    running.set(centreId, done);
    return done;
  }

  return {
    /** The centre had every rule off and nothing open at this configuration version: nothing to evaluate. */
    quietAt: (centreId: string, version: number): boolean => quiet.get(centreId) === version,
    /** Evaluate the centre soon; resolves once an evaluation that started after this call has run. */
    schedule(centreId: string): Promise<void> {
      const current = running.get(centreId);
      if (current) {
        again.add(centreId);
        return current;
      }
      return run(centreId);
    },
    /** Every centre, now (the timer). */
    async tick(): Promise<void> {
      const centres = await deps.store.listCentres().catch((error: unknown) => {
        warn(error);
        return [];
      });
      await Promise.all(centres.map((c) => this.schedule(c.id)));
    },
    /** Resolves once nothing is running (tests, shutdown). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

export type AlertEvaluator = ReturnType<typeof createAlertEvaluator>;

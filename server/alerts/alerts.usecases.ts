import type { AlertView, AlertWebhookBody, CentreFact } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import type { StoreReads, StoreWriteTx } from '../kernel/store.port.ts';
import { enqueueWebhook } from '../webhooks/webhooks.usecases.ts';
import type { AlertRecord, AlertStore } from './alerts.port.ts';
import { activeAlerts, alertChanges, alertView, anyRuleOn, hasChanges, type AlertChanges, type AlertState } from './alerts.models.ts';

/** What the alerts' use cases need: the base deps (store, clock, ids, notifier). */
export type AlertDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'notifier'>;

/** The webhook kind of an alert delivery (the X-Luot-Event header; the body says raised or cleared). */
export const ALERT_WEBHOOK_KIND = 'sla.alert';

type Reads = Pick<StoreReads, 'centreConfig' | 'currentTickets'> & Pick<AlertStore, 'openAlerts' | 'waitingForAlerts' | 'lastCounterActivity'>;

/** The centre's state as the rules take it, and the alerts the store holds open; null for an unknown centre. */
async function readState(reads: Reads, centreId: string, nowMs: number): Promise<{ state: AlertState; open: AlertRecord[] } | null> {
  const config = await reads.centreConfig(centreId);
  if (!config) return null;
  const settings = config.settings.alerts;
  const open = await reads.openAlerts(centreId);
  if (!anyRuleOn(settings)) {
    return { state: { nowMs, settings, serviceIds: [], counters: [], waiting: [] }, open };
  }
  const waiting = await reads.waitingForAlerts(centreId);
  const attending = await reads.currentTickets(centreId);
  const counters = [];
  for (const c of config.counters) {
    const status = config.states[c.id]?.status ?? 'closed';
    const isAttending = attending[c.id] !== undefined;
    // Only the idle rule needs a counter's last activity, and only of an open counter attending nobody.
    const needsActivity = settings.maxIdleMinutes > 0 && c.active && status === 'open' && !isAttending;
    const lastActivityMs = needsActivity ? await reads.lastCounterActivity(centreId, c.id) : null;
    counters.push({ id: c.id, serviceIds: c.serviceIds, active: c.active, status, attending: isAttending, lastActivityMs });
  }
  return {
    state: { nowMs, settings, serviceIds: config.services.filter((s) => s.active).map((s) => s.id), counters, waiting },
    open,
  };
}

/** Writes the changes; returns the alerts whose row this transaction changed (others' writes are not ours to publish). */
async function applyChanges(deps: AlertDeps, tx: StoreWriteTx, centreId: string, changes: AlertChanges<AlertRecord>, nowMs: number) {
  const changed: { view: AlertView; event: 'alert.raised' | 'alert.cleared' | null }[] = [];
  for (const a of changes.raise) {
    const record = {
      id: deps.ids.newId(),
      centreId,
      kind: a.kind,
      subject: a.subject,
      serviceId: a.serviceId,
      counterId: a.counterId,
      threshold: a.threshold,
      value: a.value,
      count: a.count,
      raisedAtMs: Math.min(a.sinceMs, nowMs),
    };
    if (await tx.raiseAlert(record)) changed.push({ view: alertView({ ...record, peakValue: a.value, clearedAtMs: null }), event: 'alert.raised' });
  }
  for (const { open, now } of changes.update) {
    if (!(await tx.updateAlert(open.id, { threshold: now.threshold, value: now.value, count: now.count }))) continue;
    const figures = { threshold: now.threshold, value: now.value, count: now.count, peakValue: Math.max(open.peakValue, now.value) };
    changed.push({ view: alertView({ ...open, ...figures }), event: null });
  }
  for (const o of changes.clear) {
    if (await tx.clearAlert(o.id, nowMs)) changed.push({ view: alertView({ ...o, clearedAtMs: nowMs }), event: 'alert.cleared' });
  }
  return changed;
}

/**
 * Evaluates a centre's alerts now and records what changed. A first look outside any write
 * transaction: a centre whose alerts are as stored (nearly always) costs a few reads and no lock.
 * Otherwise, in one transaction holding the centre's lock, it looks again and writes: raising is
 * insert-if-absent and clearing close-if-open, so two instances evaluating at once record each
 * change once, and only the one whose write made it publishes it (`alert:changed`, sequenced) and
 * enqueues its webhook. Returns the facts it published.
 */
export async function evaluateCentreAlerts(deps: AlertDeps, centreId: string): Promise<AlertView[]> {
  const first = await readState(deps.store, centreId, deps.clock.now().getTime());
  if (!first || !hasChanges(alertChanges(first.open, activeAlerts(first.state)))) return [];
  return deps.store.runInTx({ centreId }, async (tx) => {
    const nowMs = deps.clock.now().getTime();
    const read = await readState(tx, centreId, nowMs);
    if (!read) return [];
    const changes = alertChanges(read.open, activeAlerts(read.state));
    if (!hasChanges(changes)) return [];
    const changed = await applyChanges(deps, tx, centreId, changes, nowMs);
    const url = read.state.settings.webhookUrl;
    const facts: CentreFact[] = [];
    for (const c of changed) {
      const seq = await tx.bumpSeq(centreId);
      facts.push({ type: 'alert:changed', centreId, payload: { seq, alert: c.view } });
      if (url && c.event) {
        const body: AlertWebhookBody = { event: c.event, centreId, alert: c.view };
        await enqueueWebhook(deps, tx, { centreId, kind: ALERT_WEBHOOK_KIND, url, body });
      }
    }
    tx.afterCommit(() => {
      for (const f of facts) deps.notifier.publish(f);
    });
    return changed.map((c) => c.view);
  });
}

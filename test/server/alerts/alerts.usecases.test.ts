import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertSettings } from '../../../protocol/index.ts';
import { createAlertEvaluator } from '../../../server/alerts/alert-evaluator.ts';
import { alertReport } from '../../../server/alerts/alerts-report.usecases.ts';
import { ALERT_WEBHOOK_KIND, evaluateCentreAlerts } from '../../../server/alerts/alerts.usecases.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { callNext } from '../../../server/counters/calls.usecases.ts';
import { closeCounter, openCounter } from '../../../server/counters/counters.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { recordingNotifier } from '../../fakes/notifier.fake.ts';
import { HCM, HUNG, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

const MIN = 60_000;
let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

async function setAlerts(a: Partial<AlertSettings>) {
  const settings = await deps.store.getSettings(HCM);
  await deps.store.runInTx({ centreId: HCM }, (tx) => tx.saveSettings(HCM, { ...settings, alerts: { ...settings.alerts, ...a } }));
}
const alertFacts = () => deps.notifier.ofType('alert:changed').map((f) => f.payload);

describe('evaluating a centre’s alerts', () => {
  it('raises a wait alert once, publishes it sequenced, keeps it in the snapshot, and clears it when the ticket is called', async () => {
    await setAlerts({ maxWaitMinutes: { default: 10, services: {} } });
    await openCounter(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    expect(await evaluateCentreAlerts(deps, HCM)).toEqual([]);

    deps.clock.advance(11 * MIN);
    const raised = await evaluateCentreAlerts(deps, HCM);
    expect(raised).toMatchObject([{ kind: 'wait', serviceId: 'ho-tich', threshold: 10, value: 11, count: 1, clearedAt: null }]);
    const seqAfterRaise = await deps.store.currentSeq(HCM);
    expect(alertFacts()).toEqual([{ seq: seqAfterRaise, alert: raised[0] }]);
    // Nothing changed: nothing written, nothing published, the sequence unmoved.
    expect(await evaluateCentreAlerts(deps, HCM)).toEqual([]);
    expect(await deps.store.currentSeq(HCM)).toBe(seqAfterRaise);

    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot.seq).toBe(seqAfterRaise);
    expect(snapshot.alerts).toEqual(raised);

    // A minute later the longest wait grew: one update, the peak follows.
    deps.clock.advance(MIN);
    expect(await evaluateCentreAlerts(deps, HCM)).toMatchObject([{ id: raised[0]!.id, value: 12, peakValue: 12 }]);

    await callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    const cleared = await evaluateCentreAlerts(deps, HCM);
    expect(cleared).toMatchObject([{ id: raised[0]!.id, kind: 'wait', peakValue: 12 }]);
    expect(cleared[0]!.clearedAt).toBe(deps.clock.now().toISOString());
    expect((await getSnapshot(deps, HCM)).alerts).toEqual([]);
    expect(await deps.store.openAlerts(HCM)).toEqual([]);
  });

  it('two instances evaluating at once record and publish one alert', async () => {
    await setAlerts({ maxQueueLength: { default: 1, services: {} } });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    const other = { ...deps, notifier: recordingNotifier() };
    const [a, b] = await Promise.all([evaluateCentreAlerts(deps, HCM), evaluateCentreAlerts(other, HCM)]);
    expect(a.length + b.length).toBe(1);
    expect(alertFacts().length + other.notifier.ofType('alert:changed').length).toBe(1);
    expect(await deps.store.openAlerts(HCM)).toHaveLength(1);
  });

  it('the store itself refuses a second open alert for the same subject (insert-if-absent) and a second clearing', async () => {
    const alert = {
      centreId: HCM,
      kind: 'queue_length' as const,
      subject: 'dat-dai',
      serviceId: 'dat-dai',
      counterId: null,
      threshold: 1,
      value: 2,
      count: null,
      raisedAtMs: 1,
    };
    expect(await deps.store.runInTx({ centreId: HCM }, (tx) => tx.raiseAlert({ ...alert, id: 'a1' }))).toBe(true);
    expect(await deps.store.runInTx({ centreId: HCM }, (tx) => tx.raiseAlert({ ...alert, id: 'a2' }))).toBe(false);
    expect(await deps.store.runInTx({ centreId: HCM }, (tx) => tx.clearAlert('a1', 5))).toBe(true);
    expect(await deps.store.runInTx({ centreId: HCM }, (tx) => tx.clearAlert('a1', 6))).toBe(false);
    // Once cleared, the subject may raise again.
    expect(await deps.store.runInTx({ centreId: HCM }, (tx) => tx.raiseAlert({ ...alert, id: 'a3' }))).toBe(true);
  });

  it('no open counter: raised after the grace, cleared when a counter serving the service opens', async () => {
    await setAlerts({ noOpenCounterMinutes: 2 });
    await issueTicket(deps, { centreId: HCM, serviceId: 'tiny' });
    deps.clock.advance(3 * MIN);
    expect(await evaluateCentreAlerts(deps, HCM)).toMatchObject([{ kind: 'no_open_counter', serviceId: 'tiny', value: 3 }]);
    await openCounter(deps, { centreId: HCM, counterId: 'quay-3', actor: HUNG });
    expect(await evaluateCentreAlerts(deps, HCM)).toMatchObject([{ kind: 'no_open_counter', clearedAt: deps.clock.now().toISOString() }]);
  });

  it('idle counter: open, attending nobody, tickets waiting; cleared by closing it', async () => {
    await setAlerts({ maxIdleMinutes: 5 });
    await openCounter(deps, { centreId: HCM, counterId: 'quay-3', actor: HUNG });
    await issueTicket(deps, { centreId: HCM, serviceId: 'tiny' });
    deps.clock.advance(4 * MIN);
    expect(await evaluateCentreAlerts(deps, HCM)).toEqual([]);
    deps.clock.advance(2 * MIN);
    expect(await evaluateCentreAlerts(deps, HCM)).toMatchObject([{ kind: 'counter_idle', counterId: 'quay-3', value: 6 }]);
    await closeCounter(deps, { centreId: HCM, counterId: 'quay-3', actor: HUNG });
    expect(await evaluateCentreAlerts(deps, HCM)).toMatchObject([{ kind: 'counter_idle', counterId: 'quay-3' }]);
    expect(await deps.store.openAlerts(HCM)).toEqual([]);
  });

  it('a raised and a cleared alert each enqueue one webhook delivery when the centre has an alert webhook', async () => {
    await setAlerts({ maxQueueLength: { default: 1, services: {} }, webhookUrl: 'https://hook.example.vn/luot' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await evaluateCentreAlerts(deps, HCM);
    await openCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG });
    await callNext(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG });
    await evaluateCentreAlerts(deps, HCM);
    const deliveries = await deps.store.listWebhookDeliveries(HCM, 10);
    expect(deliveries.map((d) => [d.kind, d.url, JSON.parse(d.body).event]).sort()).toEqual([
      [ALERT_WEBHOOK_KIND, 'https://hook.example.vn/luot', 'alert.cleared'],
      [ALERT_WEBHOOK_KIND, 'https://hook.example.vn/luot', 'alert.raised'],
    ]);
  });

  it('switching the rules off clears the open alerts', async () => {
    await setAlerts({ maxQueueLength: { default: 1, services: {} } });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    expect(await evaluateCentreAlerts(deps, HCM)).toHaveLength(1);
    await setAlerts({ maxQueueLength: { default: 0, services: {} } });
    expect(await evaluateCentreAlerts(deps, HCM)).toMatchObject([{ kind: 'queue_length' }]);
    expect(await deps.store.openAlerts(HCM)).toEqual([]);
  });

  it('the evaluator clears what is open when the rules are switched off, then leaves the quiet centre alone', async () => {
    const evaluator = createAlertEvaluator(deps, { info() {}, warn() {}, error() {} });
    await setAlerts({ maxQueueLength: { default: 1, services: {} } });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await evaluator.schedule(HCM);
    expect(await deps.store.openAlerts(HCM)).toHaveLength(1);
    await setAlerts({ maxQueueLength: { default: 0, services: {} } });
    await evaluator.schedule(HCM);
    expect(await deps.store.openAlerts(HCM)).toEqual([]);
    expect(alertFacts().map((f) => f.alert.clearedAt === null)).toEqual([true, false]);
    // Concurrent requests while one runs coalesce into one more run, and nothing new is published.
    await Promise.all([evaluator.schedule(HCM), evaluator.schedule(HCM), evaluator.schedule(HCM)]);
    await evaluator.idle();
    expect(alertFacts()).toHaveLength(2);
  });

  it('the timer evaluates every centre; the report counts alerts per kind and subject', async () => {
    await setAlerts({ maxQueueLength: { default: 1, services: {} } });
    const evaluator = createAlertEvaluator(deps, { info() {}, warn() {}, error() {} });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await evaluator.tick();
    expect(alertFacts()).toHaveLength(1);
    await openCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG });
    await callNext(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG });
    deps.clock.advance(3 * MIN);
    await evaluator.tick();
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await evaluator.tick();
    const report = await alertReport(deps, HCM, {});
    expect(report.rows).toEqual([
      {
        kind: 'queue_length',
        serviceId: 'dat-dai',
        counterId: null,
        name: { vi: 'Lĩnh vực dat-dai', en: 'Service dat-dai' },
        count: 2,
        minutes: 3,
        peakValue: 2,
      },
    ]);
    expect(report.active).toHaveLength(1);
  });
});

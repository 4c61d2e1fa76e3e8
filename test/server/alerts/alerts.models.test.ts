import { describe, expect, it } from 'vitest';
import { AlertSettingsSchema, type AlertSettings } from '../../../protocol/index.ts';
import {
  activeAlerts,
  alertChanges,
  anyRuleOn,
  hasChanges,
  thresholdFor,
  type AlertState,
  type CounterAlertState,
  type OpenAlert,
} from '../../../server/alerts/alerts.models.ts';

const T0 = Date.parse('2026-03-16T02:00:00Z');
const MIN = 60_000;
const settings = (s: Partial<AlertSettings> = {}): AlertSettings => ({ ...AlertSettingsSchema.parse({}), ...s });
const counter = (id: string, serviceIds: string[], c: Partial<CounterAlertState> = {}): CounterAlertState => ({
  id,
  serviceIds,
  active: true,
  status: 'open',
  attending: false,
  lastActivityMs: T0,
  ...c,
});
const waiting = (serviceId: string, minutesAgo: number, targetCounterId: string | null = null) => ({
  serviceId,
  issuedAtMs: NOW - minutesAgo * MIN,
  targetCounterId,
});
const NOW = T0 + 60 * MIN;
const state = (s: Partial<AlertState>): AlertState => ({
  nowMs: NOW,
  settings: settings(),
  serviceIds: ['ho-tich', 'dat-dai'],
  counters: [],
  waiting: [],
  ...s,
});

describe('settings', () => {
  it('every rule is off by default, so old settings rows raise nothing', () => {
    const s = AlertSettingsSchema.parse({});
    expect(anyRuleOn(s)).toBe(false);
    expect(activeAlerts(state({ settings: s, waiting: [waiting('ho-tich', 500)] }))).toEqual([]);
  });

  it('a per-service override beats the default; 0 switches the rule off for that service', () => {
    const rule = { default: 30, services: { 'dat-dai': 0, 'ho-tich': 10 } };
    expect(thresholdFor(rule, 'ho-tich')).toBe(10);
    expect(thresholdFor(rule, 'dat-dai')).toBe(0);
    expect(thresholdFor(rule, 'other')).toBe(30);
    expect(anyRuleOn(settings({ maxWaitMinutes: { default: 0, services: { x: 5 } } }))).toBe(true);
  });

  it('refuses a negative threshold and a webhook that is not http(s)', () => {
    expect(AlertSettingsSchema.safeParse({ maxIdleMinutes: -1 }).success).toBe(false);
    expect(AlertSettingsSchema.safeParse({ webhookUrl: 'ftp://x.vn/a' }).success).toBe(false);
    expect(AlertSettingsSchema.safeParse({ webhookUrl: 'https://hook.example.vn/a' }).success).toBe(true);
  });
});

describe('maximum wait', () => {
  const s = settings({ maxWaitMinutes: { default: 30, services: { 'dat-dai': 0 } } });

  it('raises when a ticket has waited beyond the threshold: count beyond, longest wait, since the crossing', () => {
    const alerts = activeAlerts(
      state({
        settings: s,
        waiting: [waiting('ho-tich', 45), waiting('ho-tich', 31), waiting('ho-tich', 10)],
        counters: [counter('q1', ['ho-tich'], { attending: true })],
      }),
    );
    expect(alerts).toEqual([
      { kind: 'wait', subject: 'ho-tich', serviceId: 'ho-tich', counterId: null, threshold: 30, value: 45, count: 2, sinceMs: NOW - 15 * MIN },
    ]);
  });

  it('does not raise at or under the threshold, nor for a service whose override is 0', () => {
    expect(activeAlerts(state({ settings: s, waiting: [waiting('ho-tich', 30), waiting('dat-dai', 300)] }))).toEqual([]);
  });

  it('clears when the old tickets are called (no longer waiting)', () => {
    const before = activeAlerts(state({ settings: s, waiting: [waiting('ho-tich', 45)] }));
    const after = activeAlerts(state({ settings: s, waiting: [waiting('ho-tich', 5)] }));
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
  });

  it('an inactive service raises nothing', () => {
    expect(activeAlerts(state({ settings: s, serviceIds: ['dat-dai'], waiting: [waiting('ho-tich', 90)] }))).toEqual([]);
  });
});

describe('maximum queue length', () => {
  const s = settings({ maxQueueLength: { default: 2, services: { 'dat-dai': 5 } } });
  it('raises when more tickets wait than allowed, per service, and clears at the threshold', () => {
    const three = [waiting('ho-tich', 1), waiting('ho-tich', 2), waiting('ho-tich', 3), waiting('dat-dai', 1), waiting('dat-dai', 1), waiting('dat-dai', 1)];
    expect(activeAlerts(state({ settings: s, waiting: three }))).toEqual([
      { kind: 'queue_length', subject: 'ho-tich', serviceId: 'ho-tich', counterId: null, threshold: 2, value: 3, count: null, sinceMs: NOW },
    ]);
    expect(activeAlerts(state({ settings: s, waiting: three.slice(1) }))).toEqual([]);
  });
});

describe('no open counter', () => {
  const s = settings({ noOpenCounterMinutes: 5 });
  it('raises when tickets waited beyond the grace and no open counter serves the service (paused and closed do not count)', () => {
    const counters = [counter('q1', ['ho-tich'], { status: 'paused' }), counter('q2', ['ho-tich'], { status: 'closed' }), counter('q3', ['dat-dai'])];
    expect(activeAlerts(state({ settings: s, counters, waiting: [waiting('ho-tich', 8), waiting('dat-dai', 8)] }))).toEqual([
      { kind: 'no_open_counter', subject: 'ho-tich', serviceId: 'ho-tich', counterId: null, threshold: 5, value: 8, count: null, sinceMs: NOW - 3 * MIN },
    ]);
  });
  it('not within the grace, and it clears once a counter serving the service opens', () => {
    expect(activeAlerts(state({ settings: s, waiting: [waiting('ho-tich', 4)] }))).toEqual([]);
    expect(activeAlerts(state({ settings: s, counters: [counter('q1', ['ho-tich'], { attending: true })], waiting: [waiting('ho-tich', 8)] }))).toEqual([]);
  });
  it('an inactive counter is not open', () => {
    expect(activeAlerts(state({ settings: s, counters: [counter('q1', ['ho-tich'], { active: false })], waiting: [waiting('ho-tich', 8)] }))).toHaveLength(1);
  });
});

describe('idle counter', () => {
  const s = settings({ maxIdleMinutes: 10 });
  it('raises for an open counter attending nobody while tickets it could call wait, idle since its last activity', () => {
    const c = counter('q1', ['ho-tich'], { lastActivityMs: NOW - 12 * MIN });
    expect(activeAlerts(state({ settings: s, counters: [c], waiting: [waiting('ho-tich', 30)] }))).toEqual([
      { kind: 'counter_idle', subject: 'q1', serviceId: null, counterId: 'q1', threshold: 10, value: 12, count: null, sinceMs: NOW - 2 * MIN },
    ]);
  });
  it('idle only since the first ticket it could call arrived', () => {
    const c = counter('q1', ['ho-tich'], { lastActivityMs: NOW - 60 * MIN });
    expect(activeAlerts(state({ settings: s, counters: [c], waiting: [waiting('ho-tich', 9)] }))).toEqual([]);
    expect(activeAlerts(state({ settings: s, counters: [c], waiting: [waiting('ho-tich', 11)] }))[0]).toMatchObject({ kind: 'counter_idle', value: 11 });
  });
  it('not idle: attending a ticket, paused, nothing it may call (other service, or sent to another counter)', () => {
    const old = NOW - 60 * MIN;
    const w = [waiting('ho-tich', 30)];
    expect(activeAlerts(state({ settings: s, counters: [counter('q1', ['ho-tich'], { attending: true, lastActivityMs: old })], waiting: w }))).toEqual([]);
    expect(activeAlerts(state({ settings: s, counters: [counter('q1', ['ho-tich'], { status: 'paused', lastActivityMs: old })], waiting: w }))).toEqual([]);
    expect(activeAlerts(state({ settings: s, counters: [counter('q1', ['dat-dai'], { lastActivityMs: old })], waiting: w }))).toEqual([]);
    expect(
      activeAlerts(state({ settings: s, counters: [counter('q1', ['ho-tich'], { lastActivityMs: old })], waiting: [waiting('ho-tich', 30, 'q2')] })),
    ).toEqual([]);
  });
  it('a ticket sent to this counter makes it idle even outside its services', () => {
    const c = counter('q1', ['dat-dai'], { lastActivityMs: NOW - 60 * MIN });
    expect(activeAlerts(state({ settings: s, counters: [c], waiting: [waiting('ho-tich', 30, 'q1')] }))).toHaveLength(1);
  });
});

describe('changes against the open alerts', () => {
  const open = (o: Partial<OpenAlert> & Pick<OpenAlert, 'kind' | 'subject'>): OpenAlert => ({
    id: `a-${o.subject}`,
    threshold: 30,
    value: 40,
    peakValue: 40,
    count: 1,
    ...o,
  });
  const s = settings({ maxWaitMinutes: { default: 30, services: {} }, maxQueueLength: { default: 1, services: {} } });

  it('raises the new, updates the changed, clears the gone, and leaves the unchanged alone', () => {
    const active = activeAlerts(state({ settings: s, waiting: [waiting('ho-tich', 40), waiting('dat-dai', 50), waiting('dat-dai', 1)] }));
    const stored = [
      open({ kind: 'wait', subject: 'ho-tich', value: 40, count: 1 }),
      open({ kind: 'wait', subject: 'dat-dai', value: 45, count: 1 }),
      open({ kind: 'queue_length', subject: 'ho-tich', value: 3, count: null }),
    ];
    const changes = alertChanges(stored, active);
    expect(changes.raise.map((a) => `${a.kind}:${a.subject}`)).toEqual(['queue_length:dat-dai']);
    expect(changes.update.map((u) => [u.open.id, u.now.value])).toEqual([['a-dat-dai', 50]]);
    expect(changes.clear.map((o) => `${o.kind}:${o.subject}`)).toEqual(['queue_length:ho-tich']);
  });

  it('nothing to write when the store already matches', () => {
    const active = activeAlerts(state({ settings: s, waiting: [waiting('ho-tich', 40)] }));
    expect(hasChanges(alertChanges([open({ kind: 'wait', subject: 'ho-tich', value: 40, count: 1 })], active))).toBe(false);
  });

  it('switching every rule off clears every open alert', () => {
    const changes = alertChanges([open({ kind: 'wait', subject: 'ho-tich' })], activeAlerts(state({ waiting: [waiting('ho-tich', 90)] })));
    expect(changes.clear).toHaveLength(1);
  });
});

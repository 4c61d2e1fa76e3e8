import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../protocol/index.ts';
import { applyEvent, applySnapshot } from '../../../web-shared/client/centre-state.ts';
import { snapshot } from './centre.fixtures.ts';

const alert = (a: Partial<AlertView> = {}): AlertView => ({
  id: 'al-1',
  kind: 'queue_length',
  serviceId: 'a',
  counterId: null,
  threshold: 1,
  value: 2,
  peakValue: 2,
  count: null,
  raisedAt: '2026-11-23T02:00:00.000Z',
  clearedAt: null,
  ...a,
});

describe('alerts in the live centre state', () => {
  it('an alert:changed fact lists a raised alert, replaces its figures, and takes it off once cleared', () => {
    const s0 = applySnapshot(snapshot({ seq: 4 }));
    const s1 = applyEvent(s0, 'alert:changed', { seq: 5, alert: alert() });
    expect(s1).toMatchObject({ gap: false, state: { seq: 5, alerts: [alert()] } });
    expect(s1.state.waiting).toEqual(s0.waiting);
    const s2 = applyEvent(s1.state, 'alert:changed', { seq: 6, alert: alert({ value: 3, peakValue: 3 }) });
    expect(s2.state.alerts).toEqual([alert({ value: 3, peakValue: 3 })]);
    const s3 = applyEvent(s2.state, 'alert:changed', { seq: 7, alert: alert({ clearedAt: '2026-11-23T02:10:00.000Z' }) });
    expect(s3.state.alerts).toEqual([]);
  });

  it('a missed alert fact is a gap (a snapshot follows); one the snapshot covers is dropped', () => {
    const s0 = applySnapshot(snapshot({ seq: 4, alerts: [alert()] }));
    expect(applyEvent(s0, 'alert:changed', { seq: 6, alert: alert({ id: 'al-2' }) }).gap).toBe(true);
    expect(applyEvent(s0, 'alert:changed', { seq: 4, alert: alert({ clearedAt: '2026-11-23T02:10:00.000Z' }) }).state.alerts).toEqual([alert()]);
  });
});

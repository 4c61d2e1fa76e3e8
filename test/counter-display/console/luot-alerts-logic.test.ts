import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../protocol/index.ts';
import { alertsAtCounter, alertsForCounter, alertText, byRaised } from '../../../counter-display/console/luot-alerts-logic.ts';

const alert = (a: Partial<AlertView>): AlertView => ({
  id: 'a1',
  kind: 'wait',
  serviceId: 'ho-tich',
  counterId: null,
  threshold: 30,
  value: 42,
  peakValue: 42,
  count: 5,
  raisedAt: '2026-03-16T02:00:00.000Z',
  clearedAt: null,
  ...a,
});
const services = [{ id: 'ho-tich', name: { vi: 'Lĩnh vực Hộ tịch', en: 'Civil status' } }];
const counters = [{ id: 'quay-3', number: 3 }];

describe('alerts on a console', () => {
  it('shows the alerts of the services its counter serves and of its own counter only', () => {
    const alerts = [
      alert({ id: 's' }),
      alert({ id: 'other', serviceId: 'dat-dai' }),
      alert({ id: 'mine', kind: 'counter_idle', serviceId: null, counterId: 'quay-3' }),
      alert({ id: 'theirs', kind: 'counter_idle', serviceId: null, counterId: 'quay-1' }),
    ];
    expect(alertsForCounter(alerts, { id: 'quay-3', serviceIds: ['ho-tich'] }).map((a) => a.id)).toEqual(['s', 'mine']);
    expect(alertsForCounter(alerts, { id: 'quay-2', serviceIds: ['tiny'] })).toEqual([]);
  });

  it('follows the counter’s services as the live state has them (an admin just changed them)', () => {
    const live = { alerts: [alert({ id: 's' })], counters: [{ counter: { id: 'quay-3', serviceIds: ['ho-tich'] } }] } as never;
    expect(alertsAtCounter(live, { id: 'quay-3', serviceIds: ['dat-dai'] }).map((a) => a.id)).toEqual(['s']);
    expect(alertsAtCounter({ counters: [] }, { id: 'quay-3', serviceIds: ['ho-tich'] })).toEqual([]);
  });

  it('reads in Vietnamese and English', () => {
    expect(alertText('vi', alert({}), services, counters)).toBe('Lĩnh vực Hộ tịch: 5 người chờ quá 30 phút (lâu nhất 42 phút)');
    expect(alertText('en', alert({}), services, counters)).toBe('Civil status: 5 waiting over 30 min (longest 42 min)');
    expect(
      alertText('vi', alert({ kind: 'counter_idle', serviceId: null, counterId: 'quay-3', value: 12, threshold: 10, count: null }), services, counters),
    ).toBe('Quầy số 3 để trống 12 phút trong khi có người chờ (mức 10 phút)');
    expect(alertText('vi', alert({ kind: 'no_open_counter', value: 7, count: null }), services, counters)).toBe(
      'Lĩnh vực Hộ tịch: không có quầy nào mở, có người đã chờ 7 phút',
    );
    expect(alertText('vi', alert({ kind: 'queue_length', value: 16, threshold: 15, count: null }), services, counters)).toBe(
      'Lĩnh vực Hộ tịch: 16 người đang chờ, vượt mức 15',
    );
  });

  it('lists the oldest first', () => {
    expect(byRaised([alert({ id: 'b', raisedAt: '2026-03-16T03:00:00.000Z' }), alert({ id: 'a' })]).map((a) => a.id)).toEqual(['a', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { busyHours, summarizeTimes, type DailyRollupRow } from '../../../server/reports/time-summary.models.ts';
import { dailyRollup, durations } from '../../fixtures/rollups.ts';

function row(over: Partial<DailyRollupRow>): DailyRollupRow {
  return dailyRollup({ counterId: '', staffId: '', ...over });
}

// A small hand-computed day: Hộ tịch issued 5, served 3 at counter 1 (waits 4, 10, 22 min; services
// 6, 8, 9 min) and one at counter 2 (wait 1, service 15); one no-show at counter 1; Đất đai issued 2,
// one served at counter 2 (wait 30, service 20) and one transferred away from counter 2.
const rows: DailyRollupRow[] = [
  row({ issued: 5 }),
  row({ serviceId: 'dat-dai', issued: 2 }),
  row({ counterId: 'quay-1', staffId: 'lan', served: 3, noShow: 1, wait: durations(4, 10, 22), service: durations(6, 8, 9) }),
  row({ counterId: 'quay-2', staffId: 'hung', served: 1, wait: durations(1), service: durations(15) }),
  row({ serviceId: 'dat-dai', counterId: 'quay-2', staffId: 'hung', served: 1, transferred: 1, wait: durations(30), service: durations(20) }),
  row({ businessDay: '2026-03-17', serviceId: 'dat-dai', issued: 1 }),
];

describe('summarizeTimes', () => {
  it('totals every row; waits 1, 4, 10, 22, 30 → p50 10, p90 30, mean 13.4', () => {
    const { totals } = summarizeTimes(rows, 'service');
    expect(totals).toMatchObject({ issued: 8, served: 5, noShow: 1, transferred: 1, expired: 0 });
    expect(totals.wait).toMatchObject({ count: 5, p50Minutes: 10, p90Minutes: 30, maxMinutes: 30, meanMinutes: 13.4 });
    // services 6, 8, 9, 15, 20 → p50 9, p90 20, mean 11.6
    expect(totals.service).toMatchObject({ count: 5, p50Minutes: 9, p90Minutes: 20, maxMinutes: 20, meanMinutes: 11.6 });
  });

  it('groups by service', () => {
    const { groups } = summarizeTimes(rows, 'service');
    expect(groups.map((g) => [g.key, g.issued, g.served, g.transferred, g.wait.p50Minutes])).toEqual([
      ['dat-dai', 3, 1, 1, 30],
      ['ho-tich', 5, 4, 0, 4],
    ]);
  });

  it('groups by counter and officer ("" = not at a counter)', () => {
    const byCounter = summarizeTimes(rows, 'counter').groups;
    expect(byCounter.map((g) => [g.key, g.served, g.wait.count, g.service.p90Minutes])).toEqual([
      ['', 0, 0, null],
      ['quay-1', 3, 3, 9],
      ['quay-2', 2, 2, 20],
    ]);
    expect(summarizeTimes(rows, 'staff').groups.map((g) => g.key)).toEqual(['', 'hung', 'lan']);
  });

  it('groups by day, ISO week and month', () => {
    expect(summarizeTimes(rows, 'day').groups.map((g) => [g.key, g.issued])).toEqual([
      ['2026-03-16', 7],
      ['2026-03-17', 1],
    ]);
    expect(summarizeTimes(rows, 'week').groups.map((g) => [g.key, g.issued])).toEqual([['2026-W12', 8]]);
    expect(summarizeTimes(rows, 'month').groups.map((g) => [g.key, g.issued])).toEqual([['2026-03', 8]]);
  });
});

describe('busyHours', () => {
  it('adds tickets per local hour and weekday, and averages over open days', () => {
    const hours = busyHours([
      { businessDay: '2026-03-16', serviceId: 'a', hour: 8, issued: 10 }, // Monday
      { businessDay: '2026-03-16', serviceId: 'b', hour: 8, issued: 4 },
      { businessDay: '2026-03-16', serviceId: 'a', hour: 14, issued: 3 },
      { businessDay: '2026-03-23', serviceId: 'a', hour: 8, issued: 6 }, // next Monday
      { businessDay: '2026-03-18', serviceId: 'a', hour: 9, issued: 5 }, // Wednesday
    ]);
    expect(hours.openDays).toBe(3);
    expect(hours.hours[8]).toEqual({ hour: 8, issued: 20, perDay: 6.7, byWeekday: [20, 0, 0, 0, 0, 0, 0] });
    expect(hours.hours[9]).toEqual({ hour: 9, issued: 5, perDay: 1.7, byWeekday: [0, 0, 5, 0, 0, 0, 0] });
    expect(hours.hours[0]).toEqual({ hour: 0, issued: 0, perDay: 0, byWeekday: [0, 0, 0, 0, 0, 0, 0] });
    expect(hours.weekdays[0]).toEqual({ weekday: 1, issued: 23, perDay: 11.5 });
    expect(hours.weekdays[2]).toEqual({ weekday: 3, issued: 5, perDay: 5 });
    expect(hours.weekdays[6]).toEqual({ weekday: 7, issued: 0, perDay: null });
  });
});

/**
 * The time and volume report from daily rollup rows: tickets issued, served, no-show,
 * transferred, expired, and waiting and service times, grouped by service, counter, officer or
 * period. Pure (docs/reports.md).
 */
import { isoWeekday, periodKey, type Period } from './periods.models.ts';
import { durationStats, emptyDurations, mergeDurations, type DurationAccumulator, type DurationStats } from './stats.models.ts';

export type TimeGroupBy = 'service' | 'counter' | 'staff' | Period;

/** One stored rollup row (report_daily). */
export interface DailyRollupRow {
  businessDay: string;
  serviceId: string;
  /** '' when not at a counter (issued, expired while waiting). */
  counterId: string;
  staffId: string;
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  expired: number;
  wait: DurationAccumulator;
  service: DurationAccumulator;
}

export interface TimeFigures {
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  expired: number;
  wait: DurationStats;
  service: DurationStats;
}

export interface TimeGroup extends TimeFigures {
  /** Service, counter or staff id ('' = not at a counter / no officer), or the period key. */
  key: string;
}

interface Totals {
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  expired: number;
  wait: DurationAccumulator;
  service: DurationAccumulator;
}

const emptyTotals = (): Totals => ({ issued: 0, served: 0, noShow: 0, transferred: 0, expired: 0, wait: emptyDurations(), service: emptyDurations() });

function add(into: Totals, row: DailyRollupRow): void {
  into.issued += row.issued;
  into.served += row.served;
  into.noShow += row.noShow;
  into.transferred += row.transferred;
  into.expired += row.expired;
  mergeDurations(into.wait, row.wait);
  mergeDurations(into.service, row.service);
}

const figures = (t: Totals): TimeFigures => ({
  issued: t.issued,
  served: t.served,
  noShow: t.noShow,
  transferred: t.transferred,
  expired: t.expired,
  wait: durationStats(t.wait),
  service: durationStats(t.service),
});

export function groupKeyOf(row: DailyRollupRow, by: TimeGroupBy): string {
  switch (by) {
    case 'service':
      return row.serviceId;
    case 'counter':
      return row.counterId;
    case 'staff':
      return row.staffId;
    default:
      return periodKey(row.businessDay, by);
  }
}

/** Totals and one group per key, groups in key order (the use case orders them for people). */
export function summarizeTimes(rows: readonly DailyRollupRow[], by: TimeGroupBy): { totals: TimeFigures; groups: TimeGroup[] } {
  const total = emptyTotals();
  const groups = new Map<string, Totals>();
  for (const row of rows) {
    add(total, row);
    const k = groupKeyOf(row, by);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = emptyTotals()));
    add(g, row);
  }
  return {
    totals: figures(total),
    groups: [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, g]) => ({ key: k, ...figures(g) })),
  };
}

/** Tickets issued in one local hour of one day (report_hourly). */
export interface HourlyRow {
  businessDay: string;
  serviceId: string;
  hour: number;
  issued: number;
}

export interface BusyHours {
  /**
   * 24 entries, hour 0–23 local: tickets issued in that hour over the range, per open day, and
   * split by ISO weekday (index 0 = Monday).
   */
  hours: { hour: number; issued: number; perDay: number | null; byWeekday: number[] }[];
  /** 7 entries, ISO weekday 1 (Monday) – 7: tickets issued, and per open day of that weekday. */
  weekdays: { weekday: number; issued: number; perDay: number | null }[];
  /** Days with at least one ticket issued. */
  openDays: number;
}

const perDay = (issued: number, days: number) => (days === 0 ? null : Math.round((issued / days) * 10) / 10);

/** Busiest hours (local hour of issue) and weekdays; days with no ticket at all count as closed. */
export function busyHours(rows: readonly HourlyRow[]): BusyHours {
  const hours = Array.from({ length: 24 }, () => 0);
  const matrix = Array.from({ length: 24 }, () => Array.from({ length: 7 }, () => 0));
  const weekdays = Array.from({ length: 7 }, () => 0);
  const openDays = new Set<string>();
  const openWeekdays = Array.from({ length: 7 }, () => new Set<string>());
  for (const r of rows) {
    if (r.issued <= 0) continue;
    const w = isoWeekday(r.businessDay) - 1;
    hours[r.hour]! += r.issued;
    matrix[r.hour]![w]! += r.issued;
    weekdays[w]! += r.issued;
    openDays.add(r.businessDay);
    openWeekdays[w]!.add(r.businessDay);
  }
  return {
    hours: hours.map((issued, hour) => ({ hour, issued, perDay: perDay(issued, openDays.size), byWeekday: matrix[hour]! })),
    weekdays: weekdays.map((issued, i) => ({ weekday: i + 1, issued, perDay: perDay(issued, openWeekdays[i]!.size) })),
    openDays: openDays.size,
  };
}

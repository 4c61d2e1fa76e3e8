import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  eachDay,
  isCalendarDay,
  isoWeek,
  isoWeekday,
  localDay,
  localHour,
  monthRange,
  periodKey,
  startOfLocalDay,
  weekStart,
} from '../../../server/reports/periods.models.ts';

const HCM = 'Asia/Ho_Chi_Minh';

// Run under TZ=America/New_York and TZ=UTC (vitest projects): literals catch any leak of the process zone.
describe('local day and hour in the centre zone', () => {
  it('puts 23:30 and 00:30 local on different days, whatever the process TZ', () => {
    const lateEvening = new Date('2026-03-16T23:30:00+07:00'); // 16:30Z, still the 16th in UTC
    const afterMidnight = new Date('2026-03-17T00:30:00+07:00'); // 17:30Z on the 16th in UTC!
    expect(localDay(lateEvening, HCM)).toBe('2026-03-16');
    expect(localDay(afterMidnight, HCM)).toBe('2026-03-17');
    expect(afterMidnight.toISOString().slice(0, 10)).toBe('2026-03-16');
    expect(localHour(lateEvening, HCM)).toBe(23);
    expect(localHour(afterMidnight, HCM)).toBe(0);
  });

  it('reads the hour on the centre clock (07:xx local is 00:xx UTC)', () => {
    expect(localHour(Date.parse('2026-03-16T00:15:00Z'), HCM)).toBe(7);
    expect(localHour(Date.parse('2026-03-16T09:59:59Z'), HCM)).toBe(16);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(eachDay('2026-03-30', '2026-04-02')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
  });

  it('validates calendar days', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-3')).toBe(false);
  });

  it('starts weeks on Monday (ISO 8601)', () => {
    expect(isoWeekday('2026-03-16')).toBe(1); // Monday
    expect(isoWeekday('2026-03-22')).toBe(7); // Sunday
    expect(weekStart('2026-03-22')).toBe('2026-03-16');
    expect(weekStart('2026-03-16')).toBe('2026-03-16');
    expect(isoWeek('2026-03-16')).toBe(isoWeek('2026-03-22'));
    expect(isoWeek('2026-03-23')).not.toBe(isoWeek('2026-03-22'));
  });

  it('numbers ISO weeks by their Thursday around New Year', () => {
    expect(isoWeek('2026-03-16')).toBe('2026-W12');
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: the week of Thu 31 Dec 2026
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday whose Thursday is 2 Jan 2025
  });

  it('gives month ranges and period keys', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodKey('2026-03-17', 'day')).toBe('2026-03-17');
    expect(periodKey('2026-03-17', 'week')).toBe('2026-W12');
    expect(periodKey('2026-03-17', 'month')).toBe('2026-03');
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight in the centre zone (17:00 UTC the day before in Hà Nội)', () => {
    expect(new Date(startOfLocalDay('2026-03-17', HCM)).toISOString()).toBe('2026-03-16T17:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-03-17', 'UTC')).toISOString()).toBe('2026-03-17T00:00:00.000Z');
  });

  it('follows daylight saving where a zone has it', () => {
    // New York: EST (−5) in January, EDT (−4) in July.
    expect(new Date(startOfLocalDay('2026-01-15', 'America/New_York')).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-07-15', 'America/New_York')).toISOString()).toBe('2026-07-15T04:00:00.000Z');
    // Santiago skips 00:00–00:59 on the first Sunday of September: the day starts at 01:00 local.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localDay(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDay(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_REPORT_DAYS, MAX_TICKET_LOG_DAYS, REPORT_YEARS, TimeSummaryQuerySchema } from '../../../protocol/reports.schemas.ts';
import { resolveReportRange, type RangeRule } from '../../../server/reports/periods.models.ts';

const TODAY = '2026-03-17';
const rule: RangeRule = { defaultDays: 30, maxDays: MAX_REPORT_DAYS, years: REPORT_YEARS };
const resolve = (query: { from?: string; to?: string }, r: RangeRule = rule) => resolveReportRange(query, TODAY, r);

describe('resolveReportRange: the range rule of every report (issue #10)', () => {
  it('defaults to the 30 days ending today', () => {
    expect(resolve({})).toEqual({ ok: true, from: '2026-02-16', to: TODAY });
    expect(resolve({ to: '2026-01-10' })).toEqual({ ok: true, from: '2025-12-12', to: '2026-01-10' });
  });

  it('with only `from`, runs to today (as docs/reports.md says), not from + 29 days', () => {
    expect(resolve({ from: '2026-01-01' })).toEqual({ ok: true, from: '2026-01-01', to: TODAY });
    expect(resolve({ from: TODAY })).toEqual({ ok: true, from: TODAY, to: TODAY });
    const future = resolve({ from: '2026-04-01' });
    expect(future.ok).toBe(false);
    expect(!future.ok && future.message).toMatch(/after today \(2026-03-17\)/);
  });

  it('refuses days outside 2000–2100 instead of wrapping (0001 is not 1901) or overflowing (9999-12-31)', () => {
    for (const query of [{ from: '0001-01-01', to: '2026-01-01' }, { to: '9999-12-31' }, { from: '1999-12-31' }, { to: '2101-01-01' }]) {
      const r = resolve(query);
      expect(r.ok, JSON.stringify(query)).toBe(false);
      expect(!r.ok && r.message).toMatch(/not a calendar day of the years 2000–2100/);
    }
    expect(resolve({ from: '2000-01-01', to: '2000-12-31' })).toEqual({ ok: true, from: '2000-01-01', to: '2000-12-31' });
    expect(resolve({ from: '2100-01-01', to: '2100-12-31' })).toEqual({ ok: true, from: '2100-01-01', to: '2100-12-31' });
  });

  it('refuses days that are not on the calendar', () => {
    for (const day of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '26-03-01', '2026-3-1']) {
      expect(resolve({ from: day, to: '2026-03-01' }).ok, day).toBe(false);
    }
    expect(resolve({ from: '2024-02-29', to: '2024-03-01' }).ok).toBe(true);
  });

  it('does not let a default `from` fall before the first year', () => {
    expect(resolve({ to: '2000-01-05' })).toEqual({ ok: true, from: '2000-01-01', to: '2000-01-05' });
  });

  it('refuses from after to', () => {
    const r = resolve({ from: '2026-03-02', to: '2026-03-01' });
    expect(r).toEqual({ ok: false, message: 'from: must not be after `to`' });
  });

  it('caps the span, both ends included', () => {
    const year: RangeRule = { ...rule, maxDays: MAX_TICKET_LOG_DAYS };
    expect(resolve({ from: '2024-01-01', to: '2024-12-31' }, year).ok).toBe(true); // 366 days (leap year)
    expect(resolve({ from: '2024-01-01', to: '2025-01-01' }, year)).toEqual({ ok: false, message: 'from: a range covers at most 366 days' });
    expect(resolve({ from: '2023-01-01', to: '2025-12-31' }).ok).toBe(true); // 1096 days
    expect(resolve({ from: '2023-01-01', to: '2026-01-01' }).ok).toBe(false);
  });

  it('today outside the years (a broken clock) asks for an explicit `to`', () => {
    const r = resolveReportRange({}, '2101-01-01', rule);
    expect(r.ok).toBe(false);
    expect(resolveReportRange({ to: '2026-01-01' }, '2101-01-01', rule).ok).toBe(true);
  });
});

describe('the query schema (protocol/) checks each day', () => {
  it('accepts calendar days of 2000–2100 and refuses the rest', () => {
    expect(TimeSummaryQuerySchema.safeParse({ from: '2026-03-01', to: '2026-03-31' }).success).toBe(true);
    for (const day of ['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01', '2026-02-30', '2026-13-01', '2026-01-32']) {
      expect(TimeSummaryQuerySchema.safeParse({ to: day }).success, day).toBe(false);
    }
  });
});

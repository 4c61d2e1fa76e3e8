import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay, isValidTimeZone } from '../../../server/queue/business-day.ts';

const HCM = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(iso);

// These tests run in two projects (process TZ America/New_York and UTC): the expected values
// are literals, so a result that leaked the process's zone would fail in at least one of them.
describe('businessDay in Asia/Ho_Chi_Minh (UTC+7, no DST)', () => {
  it('changes day at local midnight, not before', () => {
    // 23:59:59.999 on 14 March local = 16:59:59.999Z; 00:00:00 on 15 March local = 17:00:00Z.
    expect(businessDay(at('2026-03-14T16:59:59.999Z'), HCM)).toBe('2026-03-14');
    expect(businessDay(at('2026-03-14T16:59:59+00:00'), HCM)).toBe('2026-03-14');
    expect(businessDay(at('2026-03-14T17:00:00.000Z'), HCM)).toBe('2026-03-15');
    expect(businessDay(at('2026-03-15T00:00:00+07:00'), HCM)).toBe('2026-03-15');
  });

  it('keeps 06:59 and 07:01 local on the same day (a UTC-based day flips at 07:00)', () => {
    const before = at('2026-03-15T06:59:00+07:00'); // 2026-03-14T23:59Z
    const after = at('2026-03-15T07:01:00+07:00'); // 2026-03-15T00:01Z
    expect(businessDay(before, HCM)).toBe('2026-03-15');
    expect(businessDay(after, HCM)).toBe('2026-03-15');
    // The bug this guards against: the UTC calendar date differs across 07:00 local.
    expect(before.toISOString().slice(0, 10)).toBe('2026-03-14');
    expect(after.toISOString().slice(0, 10)).toBe('2026-03-15');
  });

  it('covers a whole opening day (07:00–17:30 local) with one business day', () => {
    const open = at('2026-11-23T07:00:00+07:00').getTime();
    const close = at('2026-11-23T17:30:00+07:00').getTime();
    const days = new Set<string>();
    for (let t = open; t <= close; t += 15 * 60_000) days.add(businessDay(new Date(t), HCM));
    expect([...days]).toEqual(['2026-11-23']);
  });

  it('crosses month, year and leap-day boundaries at local midnight', () => {
    expect(businessDay(at('2025-12-31T16:59:59Z'), HCM)).toBe('2025-12-31');
    expect(businessDay(at('2025-12-31T17:00:00Z'), HCM)).toBe('2026-01-01');
    expect(businessDay(at('2028-02-28T17:00:00Z'), HCM)).toBe('2028-02-29');
    expect(businessDay(at('2028-02-29T17:00:00Z'), HCM)).toBe('2028-03-01');
    expect(businessDay(at('2026-04-30T17:00:00Z'), HCM)).toBe('2026-05-01');
  });

  it('is the UTC date of the instant shifted by seven hours, for any instant (property)', () => {
    const min = Date.parse('1980-01-01T00:00:00Z');
    const max = Date.parse('2100-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        const expected = new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
        expect(businessDay(new Date(ms), HCM)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts the legacy alias Asia/Saigon with the same result', () => {
    expect(businessDay(at('2026-03-14T17:00:00Z'), 'Asia/Saigon')).toBe('2026-03-15');
  });
});

describe('businessDay in other zones', () => {
  it('UTC changes day at UTC midnight', () => {
    expect(businessDay(at('2026-03-14T23:59:59Z'), 'UTC')).toBe('2026-03-14');
    expect(businessDay(at('2026-03-15T00:00:00Z'), 'UTC')).toBe('2026-03-15');
  });

  it('America/New_York follows its daylight saving time', () => {
    // Winter (EST, UTC-5): midnight is 05:00Z.
    expect(businessDay(at('2026-01-15T04:59:59Z'), 'America/New_York')).toBe('2026-01-14');
    expect(businessDay(at('2026-01-15T05:00:00Z'), 'America/New_York')).toBe('2026-01-15');
    // Summer (EDT, UTC-4): midnight is 04:00Z.
    expect(businessDay(at('2026-07-01T03:59:59Z'), 'America/New_York')).toBe('2026-06-30');
    expect(businessDay(at('2026-07-01T04:00:00Z'), 'America/New_York')).toBe('2026-07-01');
  });

  it('half-hour and extreme offsets', () => {
    // Asia/Kolkata UTC+5:30.
    expect(businessDay(at('2026-03-14T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-03-14');
    expect(businessDay(at('2026-03-14T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-15');
    // Pacific/Kiritimati UTC+14 and Pacific/Pago_Pago UTC-11: one instant, three calendar days.
    const instant = at('2026-03-14T12:00:00Z');
    expect(businessDay(instant, 'Pacific/Kiritimati')).toBe('2026-03-15');
    expect(businessDay(instant, 'UTC')).toBe('2026-03-14');
    expect(businessDay(instant, 'Pacific/Pago_Pago')).toBe('2026-03-14');
    expect(businessDay(at('2026-03-14T10:59:59Z'), 'Pacific/Pago_Pago')).toBe('2026-03-13');
  });

  it('gives each zone its own answer for the same instant (formatter cache is per zone)', () => {
    const instant = at('2026-03-14T20:00:00Z');
    expect(businessDay(instant, HCM)).toBe('2026-03-15');
    expect(businessDay(instant, 'America/New_York')).toBe('2026-03-14');
    expect(businessDay(instant, HCM)).toBe('2026-03-15');
  });

  it('throws on an unknown zone or an invalid date rather than guessing', () => {
    expect(() => businessDay(at('2026-03-14T12:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => businessDay(new Date(Number.NaN), HCM)).toThrow(RangeError);
  });
});

describe('businessDay does not depend on the process time zone', () => {
  it('runs under the zone the project set, which differs from the centre zone', () => {
    expect(['UTC', 'America/New_York']).toContain(process.env.TZ);
    const instant = at('2026-03-15T06:59:00+07:00'); // 2026-03-14T23:59Z
    // What a naive implementation using the process zone would answer: 14 March in both projects.
    const naive = `${instant.getFullYear()}-${String(instant.getMonth() + 1).padStart(2, '0')}-${String(instant.getDate()).padStart(2, '0')}`;
    expect(naive).toBe('2026-03-14');
    expect(businessDay(instant, HCM)).toBe('2026-03-15');
  });
});

describe('isValidTimeZone', () => {
  it.each(['Asia/Ho_Chi_Minh', 'Asia/Saigon', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Etc/GMT-7'])('accepts %s', (zone) =>
    expect(isValidTimeZone(zone)).toBe(true),
  );
  it.each(['', 'Mars/Olympus', 'GMT+7', '+07:00', 'Asia/Hanoi', 'Local'])('rejects %j', (zone) => expect(isValidTimeZone(zone)).toBe(false));
});

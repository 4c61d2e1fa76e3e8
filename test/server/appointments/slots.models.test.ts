import { describe, expect, it } from 'vitest';
import { AppointmentSettingsSchema, type AppointmentSettings } from '../../../protocol/index.ts';
import {
  addDays,
  bookableDays,
  bookCheck,
  capacityOf,
  localTimeOf,
  localToInstant,
  slotsFor,
  slotTimes,
  weekdayOf,
  type SlotContext,
} from '../../../server/appointments/slots.models.ts';

const settings = (extra: Partial<AppointmentSettings> = {}): AppointmentSettings => AppointmentSettingsSchema.parse({ enabled: true, ...extra });
const HCM = 'Asia/Ho_Chi_Minh';
// Monday 2026-03-16, 06:00 local (23:00 UTC the day before).
const MONDAY = '2026-03-16';
const EARLY_MONDAY = Date.parse('2026-03-15T23:00:00.000Z');

const ctx = (extra: Partial<SlotContext> = {}): SlotContext => ({
  settings: settings(),
  serviceId: 'ho-tich',
  day: MONDAY,
  today: MONDAY,
  nowMs: EARLY_MONDAY,
  timeZone: HCM,
  ...extra,
});

describe('calendar days', () => {
  it('knows weekdays and adds days across months and years', () => {
    expect(weekdayOf('2026-03-16')).toBe('mon');
    expect(weekdayOf('2026-03-21')).toBe('sat');
    expect(weekdayOf('2026-03-22')).toBe('sun');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('wall clock ↔ instant in the centre zone', () => {
  it('07:30 in Hồ Chí Minh City is 00:30 UTC the same day, whatever the process TZ', () => {
    expect(localToInstant('2026-03-16', '07:30', HCM).toISOString()).toBe('2026-03-16T00:30:00.000Z');
    // 06:59 local is still 23:59 UTC of the day before: the day boundary is local.
    expect(localToInstant('2026-03-16', '06:59', HCM).toISOString()).toBe('2026-03-15T23:59:00.000Z');
    expect(localTimeOf(new Date('2026-03-16T00:30:00.000Z'), HCM)).toBe('07:30');
  });

  it('follows a zone with daylight saving (Berlin: +1 in winter, +2 in summer)', () => {
    expect(localToInstant('2026-01-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(localToInstant('2026-07-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    // The day of the spring change (29 March 2026, 02:00 → 03:00): a morning slot is already summer time.
    expect(localToInstant('2026-03-29', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(localTimeOf(new Date('2026-03-29T07:00:00.000Z'), 'Europe/Berlin')).toBe('09:00');
  });
});

describe('slot generation', () => {
  it('cuts Vietnamese office hours into slots: Mon–Fri 07:30–11:30 and 13:30–17:00, Saturday morning, no Sunday', () => {
    const mon = slotTimes(settings(), MONDAY);
    expect(mon[0]).toBe('07:30');
    expect(mon).toContain('11:15');
    expect(mon).not.toContain('11:30');
    expect(mon).toContain('13:30');
    expect(mon.at(-1)).toBe('16:45');
    expect(mon).toHaveLength(16 + 14);
    expect(slotTimes(settings(), '2026-03-21')).toHaveLength(16);
    expect(slotTimes(settings(), '2026-03-22')).toEqual([]);
  });

  it('keeps only whole slots and honours holidays', () => {
    const s = settings({ slotMinutes: 45, openingHours: { mon: [{ from: '08:00', to: '10:00' }] } as AppointmentSettings['openingHours'] });
    expect(slotTimes(s, MONDAY)).toEqual(['08:00', '08:45']);
    expect(slotTimes(settings({ holidays: [MONDAY] }), MONDAY)).toEqual([]);
  });

  it('gives each slot the service capacity (per-service override, 0 = not bookable) minus what is booked', () => {
    const s = settings({ capacityPerSlot: 3, capacityByService: { 'dat-dai': 1, 'tra-ket-qua': 0 } });
    expect(capacityOf(s, 'ho-tich')).toBe(3);
    expect(capacityOf(s, 'dat-dai')).toBe(1);
    const slots = slotsFor(ctx({ settings: s }), { '07:30': 2, '07:45': 5 });
    expect(slots[0]).toEqual({ time: '07:30', at: '2026-03-16T00:30:00.000Z', capacity: 3, free: 1 });
    expect(slots[1]!.free).toBe(0);
    expect(slotsFor(ctx({ settings: s, serviceId: 'tra-ket-qua' }), {})).toEqual([]);
  });

  it('drops slots that have started, and days outside today … today + bookingDaysAhead', () => {
    const at0940 = Date.parse('2026-03-16T02:40:00.000Z'); // 09:40 local
    const times = slotsFor(ctx({ nowMs: at0940 }), {}).map((s) => s.time);
    expect(times[0]).toBe('09:45');
    expect(slotsFor(ctx({ day: '2026-03-13' }), {})).toEqual([]);
    expect(slotsFor(ctx({ settings: settings({ bookingDaysAhead: 3 }), day: '2026-03-20' }), {})).toEqual([]);
    expect(slotsFor(ctx({ settings: settings({ bookingDaysAhead: 4 }), day: '2026-03-20' }), {}).length).toBeGreaterThan(0);
  });

  it('does not offer today once its last slot has started', () => {
    const s = settings({ bookingDaysAhead: 1 });
    expect(bookableDays(s, MONDAY, { nowMs: Date.parse('2026-03-16T09:44:00.000Z'), timeZone: HCM })).toEqual([MONDAY, '2026-03-17']); // 16:44
    expect(bookableDays(s, MONDAY, { nowMs: Date.parse('2026-03-16T09:45:00.000Z'), timeZone: HCM })).toEqual(['2026-03-17']); // 16:45
  });

  it('lists open days only', () => {
    expect(bookableDays(settings({ bookingDaysAhead: 7 }), MONDAY)).toEqual([
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-03-23',
    ]);
  });

  it('refuses a time that is not a slot, and a full slot', () => {
    expect(bookCheck(ctx(), '07:30', 0)).toBeNull();
    expect(bookCheck(ctx(), '07:30', 2)).toBe('appointment.slot_full');
    expect(bookCheck(ctx(), '07:35', 0)).toBe('appointment.not_bookable');
    expect(bookCheck(ctx(), '12:00', 0)).toBe('appointment.not_bookable');
    expect(bookCheck(ctx({ day: '2026-03-22' }), '07:30', 0)).toBe('appointment.not_bookable');
  });
});

describe('settings stored before appointments existed', () => {
  it('parse with every appointment default', () => {
    const s = AppointmentSettingsSchema.parse({});
    expect(s).toMatchObject({
      enabled: false,
      slotMinutes: 15,
      capacityPerSlot: 2,
      arriveEarlyMinutes: 15,
      arriveLateMinutes: 10,
      tooEarly: 'come_back',
      tooLate: 'walk_in',
    });
    expect(s.openingHours.sat).toEqual([{ from: '07:30', to: '11:30' }]);
  });

  it('refuse a period that ends before it starts', () => {
    expect(AppointmentSettingsSchema.safeParse({ openingHours: { mon: [{ from: '11:00', to: '10:00' }] } }).success).toBe(false);
  });
});

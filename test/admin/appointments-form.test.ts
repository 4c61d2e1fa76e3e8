import { describe, expect, it } from 'vitest';
import { AppointmentSettingsSchema, WEEKDAYS } from '../../protocol/index.ts';
import { appointmentSettingsFrom, parseHolidays, parsePeriods, periodsText, type AppointmentFields } from '../../admin/appointments-form.ts';

const current = AppointmentSettingsSchema.parse({});
const fields = (extra: Partial<AppointmentFields> = {}): AppointmentFields => ({
  enabled: true,
  hours: Object.fromEntries(WEEKDAYS.map((d) => [d, periodsText(current.openingHours[d])])) as AppointmentFields['hours'],
  holidays: '',
  numbers: {
    slotMinutes: '20',
    capacityPerSlot: '3',
    bookingDaysAhead: '',
    arriveEarlyMinutes: '10',
    arriveLateMinutes: '5',
    maxInARow: '1',
    walkInWaitMinutes: '20',
  },
  capacityByService: { 'dat-dai': '1', 'xay-dung': '' },
  tooEarly: 'walk_in',
  tooLate: 'refuse',
  ...extra,
});

describe('appointment settings on the admin page', () => {
  it('reads opening hours as text, both ways', () => {
    expect(periodsText(current.openingHours.mon)).toBe('07:30-11:30, 13:30-17:00');
    expect(parsePeriods('7:30 – 11:30; 13:30-17:00')).toEqual([
      { from: '07:30', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ]);
    expect(parsePeriods('')).toEqual([]);
    expect(parsePeriods('11:00-10:00')).toBeNull();
    expect(parsePeriods('morning')).toBeNull();
    expect(parseHolidays('2027-02-05, 2027-02-06\n2027-04-30')).toEqual(['2027-02-05', '2027-02-06', '2027-04-30']);
  });

  it('turns the fields into settings the server accepts, keeping what is left empty', () => {
    const out = appointmentSettingsFrom(fields({ holidays: '2027-02-05' }), current);
    if (!('settings' in out)) throw new Error('refused');
    expect(AppointmentSettingsSchema.parse(out.settings)).toEqual(out.settings);
    expect(out.settings).toMatchObject({ enabled: true, slotMinutes: 20, capacityPerSlot: 3, bookingDaysAhead: 14, capacityByService: { 'dat-dai': 1 } });
    expect(out.settings).toMatchObject({ tooEarly: 'walk_in', tooLate: 'refuse', maxInARow: 1, walkInWaitMinutes: 20, holidays: ['2027-02-05'] });
  });

  it('names the weekday whose hours cannot be read', () => {
    expect(appointmentSettingsFrom(fields({ hours: { ...fields().hours, sat: '8h-11h' } }), current)).toEqual({ badDay: 'sat' });
  });
});

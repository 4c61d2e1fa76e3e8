/**
 * The admin page's appointment settings as text fields and back (pure, tested in node):
 * opening hours of a weekday as "07:30-11:30, 13:30-17:00" (empty: closed), holidays as days
 * separated by commas or lines. The server validates the result again (putSettings).
 */
import { WEEKDAYS, type AppointmentSettings, type OpeningPeriod, type Weekday } from '../protocol/appointments.schemas.ts';

export const periodsText = (periods: readonly OpeningPeriod[]): string => periods.map((p) => `${p.from}-${p.to}`).join(', ');

/** "07:30-11:30, 13:30-17:00" → periods; null when a part is not HH:MM-HH:MM with the end after the start. */
export function parsePeriods(text: string): OpeningPeriod[] | null {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: OpeningPeriod[] = [];
  for (const part of parts) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) return null;
    const from = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    const to = `${m[3]!.padStart(2, '0')}:${m[4]}`;
    if (!(from < to) || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59) return null;
    out.push({ from, to });
  }
  return out;
}

export const parseHolidays = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);

export interface AppointmentFields {
  enabled: boolean;
  hours: Record<Weekday, string>;
  holidays: string;
  numbers: Record<
    'slotMinutes' | 'capacityPerSlot' | 'bookingDaysAhead' | 'arriveEarlyMinutes' | 'arriveLateMinutes' | 'maxInARow' | 'walkInWaitMinutes',
    string
  >;
  /** Per service: '' keeps the centre's default. */
  capacityByService: Record<string, string>;
  tooEarly: string;
  tooLate: string;
}

/** The fields as settings, or the weekday whose hours cannot be read. */
export function appointmentSettingsFrom(fields: AppointmentFields, current: AppointmentSettings): { settings: AppointmentSettings } | { badDay: Weekday } {
  const openingHours = { ...current.openingHours };
  for (const day of WEEKDAYS) {
    const periods = parsePeriods(fields.hours[day]);
    if (!periods) return { badDay: day };
    openingHours[day] = periods;
  }
  const n = (key: keyof AppointmentFields['numbers']) => {
    const v = Number(fields.numbers[key]);
    return fields.numbers[key].trim() !== '' && Number.isFinite(v) ? v : current[key];
  };
  const capacityByService = Object.fromEntries(
    Object.entries(fields.capacityByService)
      .filter(([, v]) => v.trim() !== '' && Number.isFinite(Number(v)))
      .map(([k, v]) => [k, Number(v)]),
  );
  return {
    settings: {
      ...current,
      enabled: fields.enabled,
      openingHours,
      holidays: parseHolidays(fields.holidays),
      slotMinutes: n('slotMinutes'),
      capacityPerSlot: n('capacityPerSlot'),
      capacityByService,
      bookingDaysAhead: n('bookingDaysAhead'),
      arriveEarlyMinutes: n('arriveEarlyMinutes'),
      arriveLateMinutes: n('arriveLateMinutes'),
      tooEarly: fields.tooEarly === 'walk_in' ? 'walk_in' : 'come_back',
      tooLate: fields.tooLate === 'refuse' ? 'refuse' : 'walk_in',
      maxInARow: n('maxInARow'),
      walkInWaitMinutes: n('walkInWaitMinutes'),
    },
  };
}

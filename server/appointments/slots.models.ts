import { WEEKDAYS, type AppointmentSettings, type OpeningPeriod, type Slot, type Weekday } from '../../protocol/index.ts';
import { addDays, isoWeekday, zoneOffsetMs } from '../reports/periods.models.ts';

/**
 * Bookable slots (issue #14): a centre's opening hours cut into slots of `slotMinutes`, per
 * service and business day, each with the service's capacity. Pure: time, the centre's zone and
 * the booked counts arrive as arguments. Wall-clock times are the centre's (Asia/Ho_Chi_Minh has
 * no daylight saving, but nothing here assumes it): a slot's instant is found by asking Intl for
 * the zone's offset at that moment, never by the server's own TZ.
 */

const MINUTE = 60_000;

const pad = (n: number) => String(n).padStart(2, '0');
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const timeOf = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The weekday of a calendar day (the same in every zone: it is a date, not an instant). */
export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[isoWeekday(day) - 1]!;
}

// The calendar and the zone's offset are the reports' (periods.models.ts): one rule for both.
export { addDays, zoneOffsetMs };

/**
 * The instant a wall clock in `timeZone` shows `time` on `day`. Two passes settle a zone whose
 * offset changes between the guess and the answer; a time skipped by a DST jump maps forward.
 */
export function localToInstant(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Math.floor(minutesOf(time) / 60), minutesOf(time) % 60);
  let at = wall - zoneOffsetMs(wall, timeZone);
  at = wall - zoneOffsetMs(at, timeZone);
  return new Date(at);
}

/** `HH:MM` on the wall clock of `timeZone` at `at`. */
export function localTimeOf(at: Date, timeZone: string): string {
  const wall = new Date(at.getTime() + zoneOffsetMs(at.getTime(), timeZone));
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** The opening periods of a day: none on a holiday. */
export function openingOf(settings: AppointmentSettings, day: string): readonly OpeningPeriod[] {
  if (settings.holidays.includes(day)) return [];
  return settings.openingHours[weekdayOf(day)];
}

/** Slot start times of a day: each opening period cut into whole slots (a slot ends by the period's end). */
export function slotTimes(settings: AppointmentSettings, day: string): string[] {
  const out: string[] = [];
  for (const period of openingOf(settings, day)) {
    for (let m = minutesOf(period.from); m + settings.slotMinutes <= minutesOf(period.to); m += settings.slotMinutes) out.push(timeOf(m));
  }
  return [...new Set(out)].sort();
}

/** Appointments per slot of a service: its own override (0: not bookable), else the centre's default. */
export const capacityOf = (settings: AppointmentSettings, serviceId: string): number => settings.capacityByService[serviceId] ?? settings.capacityPerSlot;

/**
 * Days booking is open for: today to today + bookingDaysAhead, open days only; with `now`, only
 * days that still have a slot ahead (today after its last slot has started is not offered).
 */
export function bookableDays(settings: AppointmentSettings, today: string, now?: { nowMs: number; timeZone: string }): string[] {
  const days: string[] = [];
  for (let i = 0; i <= settings.bookingDaysAhead; i++) {
    const day = addDays(today, i);
    const times = slotTimes(settings, day);
    if (times.length === 0) continue;
    if (now && localToInstant(day, times.at(-1)!, now.timeZone).getTime() <= now.nowMs) continue;
    days.push(day);
  }
  return days;
}

export interface SlotContext {
  settings: AppointmentSettings;
  serviceId: string;
  day: string;
  /** The centre's business day now, and the instant. */
  today: string;
  nowMs: number;
  timeZone: string;
}

/** Whether `day` is inside the booking horizon (today … today + bookingDaysAhead). */
export const inHorizon = (settings: AppointmentSettings, day: string, today: string): boolean =>
  day >= today && day <= addDays(today, settings.bookingDaysAhead);

/**
 * The slots of a service's day that may still be booked, with what is left of each: slots that
 * have started are gone; a day outside the horizon or closed has none. `booked` counts the live
 * (booked or checked-in) appointments per slot time.
 */
export function slotsFor(ctx: SlotContext, booked: Readonly<Record<string, number>>): Slot[] {
  const { settings, day } = ctx;
  if (!inHorizon(settings, day, ctx.today)) return [];
  const capacity = capacityOf(settings, ctx.serviceId);
  if (capacity === 0) return [];
  return slotTimes(settings, day)
    .map((time) => ({ time, at: localToInstant(day, time, ctx.timeZone) }))
    .filter((s) => s.at.getTime() > ctx.nowMs)
    .map(({ time, at }) => ({ time, at: at.toISOString(), capacity, free: Math.max(0, capacity - (booked[time] ?? 0)) }));
}

export type BookRefusal = 'appointment.not_bookable' | 'appointment.slot_full';

/** Why a booking of `time` is refused, or null: not a slot of that day (closed, past, beyond the horizon), or full. */
export function bookCheck(ctx: SlotContext, time: string, bookedAtTime: number): BookRefusal | null {
  const slot = slotsFor(ctx, { [time]: bookedAtTime }).find((s) => s.time === time);
  if (!slot) return 'appointment.not_bookable';
  return slot.free > 0 ? null : 'appointment.slot_full';
}

export { MINUTE };

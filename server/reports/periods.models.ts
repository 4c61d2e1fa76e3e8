/**
 * Calendar arithmetic for reports. Every instant becomes a local date in the CENTRE's zone
 * first (businessDay); from then on a day is a plain `YYYY-MM-DD` and weeks and months are
 * computed on the calendar alone, with UTC date maths that no process TZ can shift.
 * Weeks are ISO 8601: they start on Monday and belong to the year of their Thursday.
 */
import { businessDay } from '../queue/business-day.ts';

export type Period = 'day' | 'week' | 'month';

export const localDay = (at: Date | number, timeZone: string): string => businessDay(new Date(at), timeZone);

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) on a wall clock in `timeZone`. */
export function localHour(at: Date | number, timeZone: string): number {
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormatters.set(timeZone, f);
  }
  const hour = Number(f.formatToParts(new Date(at)).find((p) => p.type === 'hour')?.value ?? '0');
  return hour === 24 ? 0 : hour;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Noon UTC of the calendar day: safe from any offset when only the date is read back. */
function utcNoon(day: string): Date {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

export function isCalendarDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  return m !== null && dayOf(utcNoon(day)) === day;
}

export function addDays(day: string, n: number): string {
  const d = utcNoon(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

/** Days from `from` to `to` (0 for the same day; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcNoon(to).getTime() - utcNoon(from).getTime()) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const w = utcNoon(day).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the ISO week of `day`. */
export const weekStart = (day: string): string => addDays(day, 1 - isoWeekday(day));

/** ISO week label, e.g. 2026-W12; around New Year the week may belong to the other year. */
export function isoWeek(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const monthOf = (day: string): string => day.slice(0, 7);

const weeks = new Map<string, string>();

/** The group a day falls in for a period: the day itself, its ISO week, or its month. */
export function periodKey(day: string, period: Period): string {
  if (period === 'month') return monthOf(day);
  if (period !== 'week') return day;
  // Reports ask for the same few hundred days tens of thousands of times.
  let week = weeks.get(day);
  if (week === undefined) {
    if (weeks.size > 50_000) weeks.clear();
    weeks.set(day, (week = isoWeek(day)));
  }
  return week;
}

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const next = utcNoon(from);
  next.setUTCMonth(next.getUTCMonth() + 1, 1);
  return { from, to: addDays(dayOf(next), -1) };
}

/** Every day from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at instant `ms` (+7 h for Hà Nội). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The first instant (epoch ms) of local day `day` in `timeZone`: its midnight, or where a
 * daylight-saving jump skips midnight, the first moment of that day.
 */
export function startOfLocalDay(day: string, timeZone: string): number {
  const wallMidnight = Date.parse(`${day}T00:00:00Z`);
  let guess = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  guess = wallMidnight - zoneOffsetMs(guess, timeZone);
  // A skipped midnight: step forward until the local day is `day`.
  while (localDay(guess, timeZone) < day) guess += 15 * 60_000;
  while (localDay(guess - 1, timeZone) === day) guess -= 15 * 60_000;
  return guess;
}

/** A report's range, resolved, or why the request's range is refused (a 400's message). */
export type RangeResolution = { ok: true; from: string; to: string } | { ok: false; message: string };

export interface RangeRule {
  /** How many days a range covers when `from` is not given (ending at `to`). */
  defaultDays: number;
  /** The longest range, in days, both ends included. */
  maxDays: number;
  /** The earliest and latest year a date may name. */
  years: { min: number; max: number };
}

const inYears = (day: string, years: RangeRule['years']): boolean => {
  const year = Number(day.slice(0, 4));
  return isCalendarDay(day) && year >= years.min && year <= years.max;
};

/**
 * The range rule of every report (issue #10, docs/reports.md): `to` defaults to `today` (also
 * when only `from` is given), `from` to `defaultDays` days ending at `to` (never before the first
 * allowed year); both must be calendar days of the allowed years, `from` ≤ `to`, and the range
 * covers at most `maxDays` days. Pure: `today` is the centre's local date.
 */
export function resolveReportRange(query: { from?: string; to?: string }, today: string, rule: RangeRule): RangeResolution {
  const { years } = rule;
  for (const key of ['from', 'to'] as const) {
    const day = query[key];
    if (day !== undefined && !inYears(day, years)) {
      return { ok: false, message: `${key}: not a calendar day of the years ${years.min}–${years.max}` };
    }
  }
  const to = query.to ?? today;
  if (!inYears(to, years)) return { ok: false, message: `to: today (${to}) is outside the years ${years.min}–${years.max}; give \`to\`` };
  let from = query.from;
  if (from === undefined) {
    from = addDays(to, -(rule.defaultDays - 1));
    if (!inYears(from, years)) from = `${years.min}-01-01`;
  }
  if (from > to) {
    return { ok: false, message: query.to === undefined ? `from: must not be after today (${to}), the default \`to\`` : 'from: must not be after `to`' };
  }
  if (daysBetween(from, to) + 1 > rule.maxDays) return { ok: false, message: `from: a range covers at most ${rule.maxDays} days` };
  return { ok: true, from, to };
}

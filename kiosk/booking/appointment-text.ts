/**
 * Appointment texts for the booking page and the kiosk (pure, tested in node): times are the
 * centre's wall clock (its time zone), never the browser's.
 */
import type { CheckInResult, Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';

const hm = new Map<string, Intl.DateTimeFormat>();

/** `HH:MM` of an instant on the centre's wall clock. */
export function localTime(at: string | Date, timeZone: string): string {
  let f = hm.get(timeZone);
  if (!f) hm.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(typeof at === 'string' ? new Date(at) : at);
}

/** A business day `YYYY-MM-DD` as the citizen reads it: "Thứ Hai, 16/03/2026" / "Monday, 16/03/2026". */
export function dayLabel(day: string, lang: Language): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  const name = weekday.charAt(0).toUpperCase() + weekday.slice(1);
  return `${name}, ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** "1234 5678": easier to read aloud and to type. */
export const groupedCode = (code: string): string => code.replace(/^(\d{4})(\d{4})$/, '$1 $2');

/** What the kiosk says after a check-in (the ticket itself shows "Lịch hẹn HH:MM" when it keeps the appointment's place). */
export function checkInMessage(lang: Language, result: CheckInResult, timeZone: string, today: string): string {
  const time = result.appointment.time;
  switch (result.outcome) {
    case 'checked_in':
      return t(lang, 'kiosk.appointment.checkedIn', { time });
    case 'walk_in':
      return t(lang, result.reason === 'too_early' ? 'kiosk.appointment.walkInEarly' : 'kiosk.appointment.walkInLate', { time });
    case 'too_early': {
      const comeBack = localTime(result.comeBackAt, timeZone);
      return result.appointment.day === today
        ? t(lang, 'kiosk.appointment.tooEarly', { time, comeBack })
        : t(lang, 'kiosk.appointment.tooEarlyDay', { time, comeBack, day: dayLabel(result.appointment.day, lang) });
    }
    case 'too_late':
      return t(lang, 'kiosk.appointment.tooLate', { time });
  }
}

/** Today's business day (`YYYY-MM-DD`) in the centre's zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

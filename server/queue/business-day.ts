/**
 * The business day is the calendar date in the centre's own time zone. Computing it in UTC
 * flips the day at 07:00 in Vietnam — a bug seen in other queue systems — and the server
 * process's own TZ must never matter, so every computation names the zone explicitly.
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, f);
  }
  return f;
}

/** `YYYY-MM-DD` of `at` as seen on a wall clock in `timeZone`. */
export function businessDay(at: Date, timeZone: string): string {
  const parts = dayFormatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Local times shown to citizens are the CENTRE's wall clock (centre.timeZone), never the
 * browser's: a kiosk PC left on UTC or a display configured abroad must still print Vietnamese
 * time. Every formatter names the zone explicitly; DOM-free so it is tested in node under
 * several process TZs.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-GB with h23 gives stable two-digit numeric parts; we assemble the order ourselves.
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
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** The wall-clock fields of `at` in `timeZone`. */
export function wallClock(at: Date | string, timeZone: string): WallClock {
  const date = typeof at === 'string' ? new Date(at) : at;
  const parts = partsFormatter(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // Some ICU versions print midnight as "24" even with h23; normalise.
  const hour = get('hour') === '24' ? '00' : get('hour');
  return { year: get('year'), month: get('month'), day: get('day'), hour, minute: get('minute'), second: get('second') };
}

/** "HH:mm dd/MM/yyyy", the form printed on Vietnamese tickets. */
export function formatIssueTime(at: Date | string, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.hour}:${w.minute} ${w.day}/${w.month}/${w.year}`;
}

/** "HH:mm" for lists of calls. */
export function formatTime(at: Date | string, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.hour}:${w.minute}`;
}

/** "dd/MM/yyyy". */
export function formatDate(at: Date | string, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.day}/${w.month}/${w.year}`;
}

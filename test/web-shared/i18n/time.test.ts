import { describe, expect, it } from 'vitest';
import { formatDate, formatIssueTime, formatTime, wallClock } from '../../../web-shared/i18n/time.ts';

// These run in the unit projects under TZ=America/New_York and TZ=UTC (vitest.config.ts):
// the results must be the centre's wall clock either way.
describe('time formatting in the centre zone', () => {
  const HCM = 'Asia/Ho_Chi_Minh';

  it('formats the issue time as HH:mm dd/MM/yyyy in the centre zone', () => {
    expect(formatIssueTime('2026-11-23T02:05:00.000Z', HCM)).toBe('09:05 23/11/2026');
  });

  it('crosses midnight with the centre, not with UTC or the process', () => {
    // 17:30 UTC on the 22nd is 00:30 on the 23rd in Vietnam (UTC+7).
    expect(formatIssueTime('2026-11-22T17:30:00.000Z', HCM)).toBe('00:30 23/11/2026');
    expect(formatDate(new Date('2026-11-22T17:30:00.000Z'), HCM)).toBe('23/11/2026');
    // And 16:59 UTC is still the 22nd there.
    expect(formatIssueTime('2026-11-22T16:59:00.000Z', HCM)).toBe('23:59 22/11/2026');
  });

  it('prints midnight as 00, never 24', () => {
    expect(formatTime('2026-11-22T17:00:00.000Z', HCM)).toBe('00:00');
    expect(wallClock('2026-11-22T17:00:00.000Z', HCM).hour).toBe('00');
  });

  it('follows whichever zone the centre names', () => {
    const at = '2026-07-01T12:00:00.000Z';
    expect(formatIssueTime(at, 'UTC')).toBe('12:00 01/07/2026');
    expect(formatIssueTime(at, 'Europe/Berlin')).toBe('14:00 01/07/2026'); // summer time
    expect(formatIssueTime(at, 'America/New_York')).toBe('08:00 01/07/2026');
  });

  it('does not depend on the process time zone', () => {
    expect(['UTC', 'America/New_York']).toContain(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const at = new Date('2026-11-23T02:05:00.000Z');
    expect(formatTime(at, HCM)).toBe('09:05');
  });
});

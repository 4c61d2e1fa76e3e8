import { describe, expect, it } from 'vitest';

// Guards the guard: the unit projects really run under the zone they claim, so the
// "results do not depend on the process TZ" tests are not vacuous.
describe('process time zone of the unit projects', () => {
  it('is the zone set by the project', () => {
    const expected = process.env.TZ;
    expect(['UTC', 'America/New_York']).toContain(expected);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected === 'UTC' ? 'UTC' : 'America/New_York');
  });
});

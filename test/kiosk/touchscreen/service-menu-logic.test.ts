import { describe, expect, it } from 'vitest';
import { serviceTile } from '../../../kiosk/touchscreen/service-menu-logic.ts';

describe('serviceTile (issue #15: services no open counter serves)', () => {
  it('a served service (any estimate, 0 included) is an ordinary button, whatever the setting', () => {
    for (const mode of ['warn', 'hide', 'refuse'] as const) {
      expect(serviceTile(mode, 0)).toBe('open');
      expect(serviceTile(mode, 25)).toBe('open');
    }
  });

  it('a service no open counter serves (estimate null) follows the centre: said, hidden or refused', () => {
    expect(serviceTile('warn', null)).toBe('not_served');
    expect(serviceTile('hide', null)).toBe('hidden');
    expect(serviceTile('refuse', null)).toBe('refused');
  });

  it('before the live figures arrive every service shows as before (the server decides at the tap)', () => {
    expect(serviceTile('hide', undefined)).toBe('open');
    expect(serviceTile('refuse', undefined)).toBe('open');
  });
});

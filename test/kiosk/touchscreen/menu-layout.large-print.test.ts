import { describe, expect, it } from 'vitest';
import { menuLayout } from '../../../kiosk/touchscreen/service-menu-logic.ts';

/** Large print on the kiosk (issue #15): fewer, taller tiles per page rather than text spilling out. */
const rem = 16;
const base = { minTilePx: 7.5 * rem, gapPx: 1.5 * rem };
const portrait = { ...base, count: 13, portrait: true, width: 1080, height: 1400 };
const landscape = { ...base, count: 13, portrait: false, width: 1920, height: 700 };

describe('menuLayout with large print', () => {
  it('without a scale (or scale 1) lays out as before', () => {
    expect(menuLayout(portrait)).toEqual(menuLayout({ ...portrait, scale: 1 }));
    expect(menuLayout(landscape)).toEqual({ columns: 3, perPage: 15 });
  });

  it('gives fewer tiles per page at 1.3, never none', () => {
    for (const m of [portrait, landscape]) {
      const normal = menuLayout(m);
      const large = menuLayout({ ...m, scale: 1.3 });
      expect(large.perPage).toBeLessThan(normal.perPage);
      expect(large.perPage).toBeGreaterThanOrEqual(1);
      // Each row of tiles is at least 1.3 times the normal minimum.
      const rows = large.perPage / large.columns;
      expect(rows * (base.minTilePx * 1.3 + base.gapPx) - base.gapPx).toBeLessThanOrEqual(m.height);
    }
    expect(menuLayout({ ...portrait, height: 50, scale: 1.3 }).perPage).toBe(2);
  });

  it('landscape at 1920 wide takes 2 wider columns instead of 3', () => {
    expect(menuLayout({ ...landscape, scale: 1.3 }).columns).toBe(2);
    expect(menuLayout({ ...portrait, scale: 1.3 }).columns).toBe(2);
    expect(menuLayout({ ...portrait, count: 6, scale: 1.3 }).columns).toBe(1);
  });

  it('treats a scale below 1 as 1 (large print never makes tiles smaller)', () => {
    expect(menuLayout({ ...landscape, scale: 0.5 })).toEqual(menuLayout(landscape));
  });
});

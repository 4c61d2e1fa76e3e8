import { describe, expect, it } from 'vitest';
import { pageOf, rowsPerPage } from '../../../web-shared/ui/list-pages.ts';

describe('rowsPerPage', () => {
  it('fits as many lines of the tallest row as the height allows, times the columns', () => {
    // 10 rows of 40 px, two of them 70 px (a name on two lines), 8 px gaps, 400 px: (400 + 8) / (70 + 8) = 5 lines.
    const heights = [40, 40, 70, 40, 40, 40, 70, 40, 40, 40];
    expect(rowsPerPage({ available: 400, rowHeights: heights, gap: 8, columns: 1 })).toBe(5);
    expect(rowsPerPage({ available: 400, rowHeights: heights, gap: 8, columns: 2 })).toBe(10);
    // Exactly fitting: 3 rows of 100 with 10 px gaps need 320 px.
    expect(rowsPerPage({ available: 320, rowHeights: [100, 100, 100], gap: 10, columns: 1 })).toBe(3);
    expect(rowsPerPage({ available: 319, rowHeights: [100, 100, 100], gap: 10, columns: 1 })).toBe(2);
  });

  it('shows at least one row, and everything when nothing was laid out to measure', () => {
    expect(rowsPerPage({ available: 30, rowHeights: [100, 100], gap: 0, columns: 1 })).toBe(1);
    expect(rowsPerPage({ available: 0, rowHeights: [0, 0, 0], gap: 0, columns: 1 })).toBe(3);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 13 }, (_, i) => `s${i + 1}`);

  it('cuts the rows into pages and wraps round', () => {
    expect(pageOf(rows, 6, 0)).toEqual({ rows: ['s1', 's2', 's3', 's4', 's5', 's6'], page: 0, pages: 3 });
    expect(pageOf(rows, 6, 2)).toEqual({ rows: ['s13'], page: 2, pages: 3 });
    expect(pageOf(rows, 6, 3).page).toBe(0);
    expect(pageOf(rows, 6, 7)).toMatchObject({ page: 1, rows: ['s7', 's8', 's9', 's10', 's11', 's12'] });
  });

  it('every row is on exactly one page', () => {
    for (const perPage of [1, 4, 5, 6, 12, 13, 20]) {
      const { pages } = pageOf(rows, perPage, 0);
      const seen = Array.from({ length: pages }, (_, p) => pageOf(rows, perPage, p).rows).flat();
      expect(seen).toEqual(rows);
    }
  });

  it('one page when everything fits', () => {
    expect(pageOf(rows, 13, 5)).toEqual({ rows, page: 0, pages: 1 });
    expect(pageOf([], 4, 0)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});

/**
 * Pages of a list too long for its screen (issue #15: with 13 services the hall display's waiting
 * list stopped half way). The element measures; these rules decide. DOM-free, tested in node.
 */

export interface ListMeasure {
  /** Height the list may use, px. */
  available: number;
  /** Every row's height as laid out (a long service name may take two lines), px. */
  rowHeights: readonly number[];
  /** Vertical gap between rows, px. */
  gap: number;
  /** Rows side by side (the grid's columns). */
  columns: number;
}

/**
 * How many rows one page shows: as many lines of the tallest row as fit, times the columns, so no
 * page can overflow whichever rows it gets. At least one row.
 */
export function rowsPerPage(m: ListMeasure): number {
  const tallest = Math.max(0, ...m.rowHeights);
  if (tallest <= 0 || m.available <= 0) return Math.max(1, m.rowHeights.length);
  const lines = Math.max(1, Math.floor((m.available + m.gap) / (tallest + m.gap)));
  return lines * Math.max(1, m.columns);
}

export interface ListPage<T> {
  rows: T[];
  /** 0-based, wrapped into range. */
  page: number;
  pages: number;
}

/** Page `page` (wrapping round) of `rows` at `perPage` rows a page; everything when it all fits. */
export function pageOf<T>(rows: readonly T[], perPage: number, page: number): ListPage<T> {
  const size = Math.max(1, Math.floor(perPage));
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const at = ((Math.floor(page) % pages) + pages) % pages;
  return { rows: rows.slice(at * size, at * size + size), page: at, pages };
}

/**
 * A report table as CSV (RFC 4180): UTF-8 with a byte-order mark, so Excel opens Vietnamese
 * correctly instead of guessing a legacy code page; comma-separated, CRLF, quoted where needed.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 * `csvChunks` writes a table whose rows come a page at a time (issue #15): the same text as
 * `toCsv`, one piece per page, so a 100 000-ticket log is never one string in memory.
 */
import type { StreamedTable } from './export.models.ts';
import { formatWallTime, isWallTime, type Cell, type Column, type ReportTable } from './table.models.ts';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

function field(cell: Cell, text: boolean): string {
  if (cell === null) return '';
  let s = isWallTime(cell) ? formatWallTime(cell) : String(cell);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Lines of `columns`' cells, each ended by CRLF. */
function liner(columns: readonly Column[]): (rows: readonly (readonly Cell[])[]) => string {
  const textColumn = columns.map((c) => c.kind === 'text');
  const line = (cells: readonly Cell[]) => cells.map((c, i) => field(c, textColumn[i] ?? true)).join(',');
  return (rows) => rows.map((r) => `${line(r)}\r\n`).join('');
}

export function toCsv(table: ReportTable): string {
  const lines = liner(table.columns);
  return BOM + lines([table.columns.map((c) => c.header)]) + lines(table.rows) + (table.footer ? lines([table.footer]) : '');
}

/** The CSV of `table` in pieces: BOM and header, then one piece per page of rows, then the totals. */
export async function* csvChunks(table: StreamedTable): AsyncGenerator<string> {
  const lines = liner(table.columns);
  yield BOM + lines([table.columns.map((c) => c.header)]);
  for await (const page of table.pages) if (page.length > 0) yield lines(page);
  if (table.footer) yield lines([table.footer]);
}

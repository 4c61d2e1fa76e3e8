/**
 * A report table as CSV (RFC 4180): UTF-8 with a byte-order mark, so Excel opens Vietnamese
 * correctly instead of guessing a legacy code page; comma-separated, CRLF, quoted where needed.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
import { formatWallTime, isWallTime, type Cell, type ReportTable } from './table.models.ts';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

function field(cell: Cell, text: boolean): string {
  if (cell === null) return '';
  let s = isWallTime(cell) ? formatWallTime(cell) : String(cell);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: ReportTable): string {
  const textColumn = table.columns.map((c) => c.kind === 'text');
  const line = (cells: readonly Cell[]) => cells.map((c, i) => field(c, textColumn[i] ?? true)).join(',');
  const lines = [line(table.columns.map((c) => c.header)), ...table.rows.map(line), ...(table.footer ? [line(table.footer)] : [])];
  return BOM + lines.join('\r\n') + '\r\n';
}

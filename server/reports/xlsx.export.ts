/**
 * A report table as an XLSX workbook, written by exceljs (a maintained library, not hand-made
 * XML) with its streaming writer, so a 100 000-row ticket log does not hold every cell object in
 * memory. One sheet: the caption lines (centre, range, zone), the header row, the rows, a bold
 * totals row. Date-times are real Excel dates showing the centre's wall clock. More sheets may
 * follow (the ticket log's history, issue #14): their rows are pulled one at a time from an
 * iterator and committed as they come, so such a sheet is never held whole in memory.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { isWallTime, type Cell, type CellKind, type Column, type ReportTable } from './table.models.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMATS: Partial<Record<CellKind, string>> = { int: '0', number: '0.0', percent: '0.0', datetime: 'dd/mm/yyyy hh:mm:ss' };

/** Excel has no time zones: a wall-clock time is stored as that clock reading in UTC. */
const cellValue = (cell: Cell): ExcelJS.CellValue => {
  if (isWallTime(cell)) {
    const [y, m, d, h, min, s] = cell.wall;
    return new Date(Date.UTC(y, m - 1, d, h, min, s));
  }
  return cell;
};

/** A worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';

/** A further sheet: a header row, then rows produced while the workbook is written. */
export interface StreamedSheet {
  title: string;
  columns: Column[];
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>;
}

export async function toXlsx(table: ReportTable, more: readonly StreamedSheet[] = []): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  // Loaded on the first export, not at start: exceljs is about 15 MB of the server's idle memory.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Luot';
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: table.caption.length + 2 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)) }));
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  for (const line of table.caption) sheet.addRow([line]).commit();
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.commit();
  const write = (to: ExcelJS.Worksheet, columns: readonly Column[], cells: readonly Cell[], bold = false) => {
    const row = to.addRow(cells.map(cellValue));
    columns.forEach((c, i) => {
      const format = FORMATS[c.kind];
      if (format && cells[i] !== undefined) row.getCell(i + 1).numFmt = format;
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for (const cells of table.rows) write(sheet, table.columns, cells);
  if (table.footer) write(sheet, table.columns, table.footer, true);
  sheet.commit();
  for (const extra of more) {
    const next = workbook.addWorksheet(sheetName(extra.title), { views: [{ state: 'frozen', ySplit: 1 }] });
    next.columns = extra.columns.map((c) => ({ width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)) }));
    const head = next.addRow(extra.columns.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    for await (const cells of extra.rows) write(next, extra.columns, cells);
    next.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

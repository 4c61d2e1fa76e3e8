/**
 * A report table as an XLSX workbook, written by exceljs (a maintained library, not hand-made
 * XML) with its streaming writer, so a 100 000-row ticket log does not hold every cell object in
 * memory. One sheet: the caption lines (centre, range, zone), the header row, the rows, a bold
 * totals row. Date-times are real Excel dates showing the centre's wall clock.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { isWallTime, type Cell, type CellKind, type ReportTable } from './table.models.ts';

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

export async function toXlsx(table: ReportTable): Promise<Buffer> {
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
  const write = (cells: readonly Cell[], bold = false) => {
    const row = sheet.addRow(cells.map(cellValue));
    table.columns.forEach((c, i) => {
      const format = FORMATS[c.kind];
      if (format) row.getCell(i + 1).numFmt = format;
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for (const cells of table.rows) write(cells);
  if (table.footer) write(table.footer, true);
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A report table as an XLSX workbook, written by exceljs (a maintained library, not hand-made
 * XML) with its streaming writer. One sheet: the caption lines (centre, range, zone), the header
 * row, the rows, a bold totals row. Date-times are real Excel dates showing the centre's wall
 * clock. More sheets may follow (the ticket log's history, issue #14).
 *
 * Streamed (issue #15): `xlsxStream` hands the zip to the response as exceljs writes it. Rows
 * come a page at a time and are committed as they come; after each page the writer yields to the
 * event loop and waits while the response's buffer is full, so a slow download holds about a
 * page of rows in memory, never the month.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { StreamedSheet, StreamedTable } from './export.models.ts';
import { streamedTable } from './export.models.ts';
import { isWallTime, type Cell, type CellKind, type Column, type ReportTable } from './table.models.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMATS: Partial<Record<CellKind, string>> = { int: '0', number: '0.0', percent: '0.0', datetime: 'dd/mm/yyyy hh:mm:ss' };

/** Bytes of zip the response may hold before the writer waits for the client to read them. */
const OUT_BUFFER = 256 * 1024;

/** Excel has no time zones: a wall-clock time is stored as that clock reading in UTC. */
const cellValue = (cell: Cell): ExcelJS.CellValue => {
  if (isWallTime(cell)) {
    const [y, m, d, h, min, s] = cell.wall;
    return new Date(Date.UTC(y, m - 1, d, h, min, s));
  }
  return cell;
};

/** A worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not the reserved "History". */
export function sheetName(title: string): string {
  const name = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
  return name.toLowerCase() === 'history' ? `${name} (1)` : name;
}

const width = (c: Column) => c.width ?? Math.min(40, Math.max(10, c.header.length + 2));

/** Rows committed between two yields to the event loop (a few milliseconds of exceljs). */
const PACE_ROWS = 250;

/** Lets other requests run, then waits while the response's buffer is full (or until it closes). */
async function pace(out: PassThrough): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  }
}

/** Writes the workbook into `out` (which exceljs's zip ends); stops early once `out` is destroyed. */
async function writeWorkbook(table: StreamedTable, more: readonly StreamedSheet[], out: PassThrough): Promise<void> {
  // Loaded on the first export, not at start: exceljs is about 15 MB of the server's idle memory.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Luot';
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: table.caption.length + 2 }] });
  sheet.columns = table.columns.map((c) => ({ width: width(c) }));
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  for (const line of table.caption) sheet.addRow([line]).commit();
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.commit();
  let sincePace = 0;
  /** Yields (see pace); true when the response is gone and writing should stop. */
  const breathe = async () => {
    sincePace = 0;
    await pace(out);
    return out.destroyed;
  };
  const write = (to: ExcelJS.Worksheet, columns: readonly Column[], cells: readonly Cell[], bold = false) => {
    sincePace++;
    const row = to.addRow(cells.map(cellValue));
    columns.forEach((c, i) => {
      const format = FORMATS[c.kind];
      if (format && cells[i] !== undefined) row.getCell(i + 1).numFmt = format;
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for await (const page of table.pages) {
    if (out.destroyed) return;
    for (const cells of page) {
      write(sheet, table.columns, cells);
      if (sincePace >= PACE_ROWS && (await breathe())) return;
    }
  }
  if (table.footer) write(sheet, table.columns, table.footer, true);
  sheet.commit();
  for (const extra of more) {
    const next = workbook.addWorksheet(sheetName(extra.title), { views: [{ state: 'frozen', ySplit: 1 }] });
    next.columns = extra.columns.map((c) => ({ width: width(c) }));
    const head = next.addRow(extra.columns.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    for await (const page of extra.pages) {
      if (out.destroyed) return;
      for (const cells of page) {
        write(next, extra.columns, cells);
        if (sincePace >= PACE_ROWS && (await breathe())) return;
      }
    }
    next.commit();
  }
  await workbook.commit();
}

/**
 * The workbook as a byte stream, written while it is read. A failure while writing errors the
 * stream (the response is then cut, never ended as if complete); cancelling it (the client went
 * away) stops the writer at its next page.
 */
export function xlsxStream(table: StreamedTable, more: readonly StreamedSheet[] = [], onError?: (error: unknown) => void): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: OUT_BUFFER });
  let closed = false;
  // The client went away: whatever the writer meets next is not a failure to report.
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        out.on('data', (chunk: Buffer) => {
          if (closed) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) out.pause();
        });
        out.on('end', () => {
          if (!closed) controller.close();
          closed = true;
        });
        out.on('error', (error) => {
          if (!closed) controller.error(error);
          closed = true;
        });
        writeWorkbook(table, more, out).catch((error: unknown) => {
          if (!cancelled) onError?.(error);
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
      },
      pull() {
        out.resume();
      },
      cancel() {
        closed = true;
        cancelled = true;
        out.destroy();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: OUT_BUFFER }),
  );
}

/** A sheet whose rows come one at a time (the shape before issue #15). */
export interface RowSheet {
  title: string;
  columns: Column[];
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>;
}

async function* onePerPage(rows: RowSheet['rows']): AsyncGenerator<(readonly Cell[])[]> {
  for await (const r of rows) yield [r];
}

/** The whole workbook in memory (tests, and small tables read back). */
export async function toXlsx(table: ReportTable, more: readonly RowSheet[] = []): Promise<Buffer> {
  const stream = xlsxStream(
    streamedTable(table),
    more.map((s) => ({ title: s.title, columns: s.columns, pages: onePerPage(s.rows) })),
  );
  return Buffer.from(await new Response(stream).arrayBuffer());
}

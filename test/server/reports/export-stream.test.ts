/**
 * Streamed report downloads (issue #15): the CSV written a page at a time is the text `toCsv`
 * wrote whole; pages are read only as the client reads; a failure before the first byte is an
 * ordinary error, one after it errors the stream (never a clean end); cancelling stops the reads.
 * The XLSX is written page by page and reads back with every row.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_ROWS_HEADER, attachmentName, exportRows } from '../../../protocol/report-export.schemas.ts';
import { csvChunks, toCsv } from '../../../server/reports/csv.export.ts';
import { csvStream, exportResponse, primed } from '../../../server/reports/export-stream.ts';
import { streamedTable, type StreamedTable } from '../../../server/reports/export.models.ts';
import { wallTime, type Cell, type ReportTable } from '../../../server/reports/table.models.ts';
import { xlsxStream } from '../../../server/reports/xlsx.export.ts';

const table: ReportTable = {
  title: 'Nhật ký phiếu',
  caption: ['Trung tâm xã Tân Phú', 'Từ ngày 16/03/2026 đến ngày 16/03/2026'],
  columns: [
    { header: 'Lĩnh vực', kind: 'text' },
    { header: 'Số phiếu', kind: 'int' },
    { header: 'Lấy số lúc', kind: 'datetime' },
  ],
  rows: [
    ['Tư pháp – Hộ tịch', 5, wallTime(Date.parse('2026-03-16T08:05:09+07:00'), 'Asia/Ho_Chi_Minh')],
    ['Đất đai, "nhà ở"\r\nvà xây dựng', 0, null],
    ['=HYPERLINK("x")', 1, null],
    ['Lao động', 2, null],
  ],
  footer: ['Tổng cộng', 8, null],
  fileName: 'luot-test',
};

/** `rows` in pages of `size`, recording how many pages were read and whether the reader let go. */
function paged(rows: readonly Cell[][], size: number, failAt?: number) {
  const seen = { pages: 0, closed: false };
  async function* pages() {
    try {
      for (let i = 0; i < rows.length; i += size) {
        if (seen.pages === failAt) throw new Error('store went away');
        seen.pages++;
        yield rows.slice(i, i + size);
      }
    } finally {
      seen.closed = true;
    }
  }
  const { rows: _all, ...rest } = table;
  const streamed: StreamedTable = { ...rest, pages: pages(), expectedRows: rows.length };
  return { streamed, seen };
}

const many = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [`Lĩnh vực ${i}`, i, null]);
const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe('CSV, streamed', () => {
  it('writes, page by page, the very text of the whole table', async () => {
    const { streamed } = paged(table.rows, 3);
    const pieces: string[] = [];
    for await (const piece of csvChunks(streamed)) pieces.push(piece);
    expect(pieces).toHaveLength(4); // BOM and header, two pages, totals
    expect(pieces.join('')).toBe(toCsv(table));
    expect(await text(csvStream(paged(table.rows, 1).streamed))).toBe(toCsv(table).replace(/^\uFEFF/, ''));
  });

  it('reads a page only when the reader asks for more', async () => {
    const { streamed, seen } = paged(many(50), 5);
    const reader = csvStream(streamed).getReader();
    await reader.read(); // header
    await reader.read(); // first page
    expect(seen.pages).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(seen.closed).toBe(true);
    expect(seen.pages).toBeLessThan(10);
  });

  it('errors the stream (no clean end) when a page fails midway, and says so', async () => {
    const { streamed } = paged(many(20), 5, 2);
    const told: unknown[] = [];
    const reader = csvStream(streamed, (e) => told.push(e)).getReader();
    const read: string[] = [];
    const outcome = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        read.push(new TextDecoder().decode(value));
      }
    })().catch((e: unknown) => (e as Error).message);
    expect(outcome).toBe('store went away');
    expect(told).toHaveLength(1);
    expect(read.join('').split('\r\n').length - 1).toBe(1 + 10); // the header and two pages
  });

  it('drops, without calling it a failure, a page still being read when the client goes away', async () => {
    async function* slow() {
      yield [['A001', 1, null]];
      await new Promise((r) => setTimeout(r, 30));
      yield [['A002', 2, null]];
    }
    const { rows: _all, ...rest } = table;
    const told: unknown[] = [];
    const reader = csvStream({ ...rest, pages: slow(), expectedRows: 2 }, (e) => told.push(e)).getReader();
    await reader.read(); // header
    await reader.read(); // A001
    const pending = reader.read(); // A002, on its way
    await reader.cancel();
    expect((await pending).done).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(told).toEqual([]);
  });

  it('primes the first page before the response: its failure is an ordinary error', async () => {
    await expect(primed(paged(many(10), 5, 0).streamed.pages)).rejects.toThrow('store went away');
    const { streamed, seen } = paged(many(10), 5);
    const pages = await primed(streamed.pages);
    expect(seen.pages).toBe(1);
    const all: unknown[] = [];
    for await (const p of pages) all.push(...p);
    expect(all).toEqual(many(10));
  });
});

describe('XLSX, streamed', () => {
  it('writes every page and the history-like second sheet; exceljs reads them back', async () => {
    const { streamed } = paged(many(1234), 100);
    const extra = { title: 'Lịch sử', columns: [{ header: 'Số', kind: 'text' as const }], pages: [[['A001'], ['A002']], [['A003']]] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await new Response(xlsxStream(streamed, [extra])).arrayBuffer());
    const [sheet, history] = wb.worksheets;
    expect(sheet!.getCell('A4').value).toBe('Lĩnh vực');
    expect(sheet!.rowCount).toBe(4 + 1234 + 1); // title, caption ×2, header, rows, totals
    expect(sheet!.getRow(4 + 1234).getCell(1).value).toBe('Lĩnh vực 1233');
    expect(sheet!.getRow(4 + 1235).font?.bold).toBe(true);
    expect(
      history!
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[])[1]),
    ).toEqual(['Số', 'A001', 'A002', 'A003']);
  });

  it('errors the stream when a page fails midway; stops reading when cancelled', async () => {
    const told: unknown[] = [];
    const failing = xlsxStream(paged(many(500), 50, 3).streamed, [], (e) => told.push(e));
    await expect(new Response(failing).arrayBuffer()).rejects.toThrow();
    expect(told).toHaveLength(1);

    const { streamed, seen } = paged(many(200_000), 1000);
    const reader = xlsxStream(streamed).getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    const after = seen.pages;
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.pages).toBe(after);
    expect(after).toBeLessThan(200);
  });
});

describe('the download response', () => {
  it('names the file, announces its rows and asks proxies not to buffer it', async () => {
    const res = exportResponse('csv', streamedTable(table));
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="luot-test.csv"');
    expect(res.headers.get(EXPORT_ROWS_HEADER)).toBe('4');
    expect(exportRows(res.headers)).toBe(4);
    expect(attachmentName(res.headers)).toBe('luot-test.csv');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(await res.text()).toBe(toCsv(table).replace(/^\uFEFF/, ''));
    expect(exportRows(new Headers({ [EXPORT_ROWS_HEADER]: '-3' }))).toBeNull();
    expect(attachmentName(new Headers({ 'content-disposition': 'attachment; filename="../x.csv"' }))).toBeNull();
  });
});

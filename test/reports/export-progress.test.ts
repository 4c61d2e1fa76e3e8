/**
 * The reports page's download progress (issue #15): CSV records counted exactly whatever the
 * chunking and whatever the cells hold; XLSX estimated and never shown complete before the end.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../server/reports/csv.export.ts';
import type { ReportTable } from '../../server/reports/table.models.ts';
import { CsvRecordCounter, XLSX_BYTES_PER_ROW, exportProgress, formatCount, refusalCode } from '../../reports/export-progress.ts';

const table: ReportTable = {
  title: 't',
  caption: [],
  columns: [
    { header: 'Số', kind: 'text' },
    { header: 'Lịch sử', kind: 'text' },
  ],
  rows: [
    ['A001', '08:00:00 Lấy số: kiosk "Sảnh"\r\n08:02:00 Gọi số'],
    ['A002', 'dòng một\ndòng hai\n"""'],
    ['A003', ''],
    ['A004', 'Hộ tịch, quầy 2'],
  ],
  fileName: 't',
};

describe('CsvRecordCounter', () => {
  it('counts rows, not line breaks inside cells, however the bytes are split', () => {
    const bytes = new TextEncoder().encode(toCsv(table));
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const counter = new CsvRecordCounter();
      for (let i = 0; i < bytes.length; i += size) counter.push(bytes.subarray(i, i + size));
      expect(counter.rows, `chunks of ${size}`).toBe(4);
    }
    // A naive count of CRLF would say 5 rows.
    expect(toCsv(table).split('\r\n').length - 2).toBe(5);
  });

  it('counts only whole records while a row is still arriving', () => {
    const counter = new CsvRecordCounter();
    counter.push(new TextEncoder().encode('Số,Lịch sử\r\nA001,"a\r\nb'));
    expect(counter.rows).toBe(0);
    counter.push(new TextEncoder().encode('"\r\n'));
    expect(counter.rows).toBe(1);
  });
});

describe('exportProgress', () => {
  it('CSV: the rows counted, capped at the total, the total once finished', () => {
    expect(exportProgress('csv', 100, 5000, 40)).toEqual({ done: 40, total: 100, approximate: false });
    expect(exportProgress('csv', 100, 5000, 101)).toEqual({ done: 100, total: 100, approximate: false });
    expect(exportProgress('csv', 100, 5000, 98, true).done).toBe(100);
    expect(exportProgress('csv', null, 5000, 7)).toEqual({ done: 7, total: null, approximate: false });
  });

  it('XLSX: an estimate from the bytes, held below the total until the end', () => {
    expect(exportProgress('xlsx', 1000, XLSX_BYTES_PER_ROW * 250, 0)).toEqual({ done: 250, total: 1000, approximate: true });
    expect(exportProgress('xlsx', 1000, XLSX_BYTES_PER_ROW * 5000, 0).done).toBe(999);
    expect(exportProgress('xlsx', 1000, 10, 0, true)).toEqual({ done: 1000, total: 1000, approximate: false });
    expect(exportProgress('xlsx', null, 10, 0).total).toBeNull();
  });
});

it('formats counts in the reader’s language and names the error of a refused download', () => {
  expect(formatCount(85000, 'vi')).toBe('85.000');
  expect(formatCount(85000, 'en')).toBe('85,000');
  expect(refusalCode(400, { error: { code: 'request.invalid_payload', message: 'x' } })).toBe('request.invalid_payload');
  expect(refusalCode(503, null)).toBe('store.unavailable');
  expect(refusalCode(502, '<html>')).toBe('internal');
});

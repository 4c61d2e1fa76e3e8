import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../server/reports/csv.export.ts';
import { wallTime, type ReportTable } from '../../../server/reports/table.models.ts';
import { sheetName, toXlsx } from '../../../server/reports/xlsx.export.ts';
import { parseCsv } from '../../helpers/csv.ts';

const table: ReportTable = {
  title: 'Nhật ký: phiếu [thử] / tháng 3 năm 2026 dài hơn 31 ký tự',
  caption: ['Trung tâm xã Tân Phú', 'Từ ngày 16/03/2026 đến ngày 16/03/2026'],
  columns: [
    { header: 'Lĩnh vực', kind: 'text' },
    { header: 'Số phiếu', kind: 'int' },
    { header: 'Hài lòng (%)', kind: 'percent' },
    { header: 'Lấy số lúc', kind: 'datetime' },
  ],
  rows: [
    ['Tư pháp – Hộ tịch', 5, 66.7, wallTime(Date.parse('2026-03-16T08:05:09+07:00'), 'Asia/Ho_Chi_Minh')],
    ['Đất đai, "nhà ở"\nvà xây dựng', 0, null, null],
    ['=HYPERLINK("x")', 1, 100, null],
  ],
  footer: ['Tổng cộng', 6, 75, null],
  fileName: 'test',
};

describe('CSV export', () => {
  it('starts with a BOM, quotes what needs it, and reads back to the same cells', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      ['Lĩnh vực', 'Số phiếu', 'Hài lòng (%)', 'Lấy số lúc'],
      ['Tư pháp – Hộ tịch', '5', '66.7', '16/03/2026 08:05:09'],
      ['Đất đai, "nhà ở"\nvà xây dựng', '0', '', ''],
      // A spreadsheet would run this as a formula: kept as text.
      ['\'=HYPERLINK("x")', '1', '100', ''],
      ['Tổng cộng', '6', '75', ''],
    ]);
  });
});

describe('XLSX export', () => {
  it('opens in exceljs with the caption, header, typed cells and a bold total', async () => {
    const wb = new ExcelJS.Workbook();
    const file = await toXlsx(table);
    await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe(sheetName(table.title));
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
    expect(sheet.getCell('A1').value).toBe(table.title);
    expect(sheet.getCell('A2').value).toBe('Trung tâm xã Tân Phú');
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['Lĩnh vực', 'Số phiếu', 'Hài lòng (%)', 'Lấy số lúc']);
    const first = sheet.getRow(5);
    expect(first.getCell(1).value).toBe('Tư pháp – Hộ tịch');
    expect(first.getCell(2).value).toBe(5);
    expect(first.getCell(3).value).toBe(66.7);
    expect(first.getCell(3).numFmt).toBe('0.0');
    // The centre's wall clock (08:05:09), not the instant in UTC (01:05:09).
    expect((first.getCell(4).value as Date).toISOString()).toBe('2026-03-16T08:05:09.000Z');
    expect(sheet.getRow(6).getCell(1).value).toBe('Đất đai, "nhà ở"\nvà xây dựng');
    expect(sheet.getRow(6).getCell(3).value).toBeNull();
    expect(sheet.getRow(7).getCell(1).value).toBe('=HYPERLINK("x")');
    const total = sheet.getRow(8);
    expect([total.getCell(1).value, total.getCell(2).value, total.font?.bold]).toEqual(['Tổng cộng', 6, true]);
    expect(sheet.rowCount).toBe(8);
  });
});

describe('wallTime', () => {
  it("is the centre's wall clock, across a daylight-saving jump too", () => {
    expect(wallTime(Date.parse('2026-03-16T16:59:59.900Z'), 'Asia/Ho_Chi_Minh')).toEqual({ wall: [2026, 3, 16, 23, 59, 59] });
    expect(wallTime(Date.parse('2026-03-16T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ wall: [2026, 3, 17, 0, 0, 0] });
    // New York springs forward at 02:00 EST = 07:00 UTC on 8 March 2026.
    expect(wallTime(Date.parse('2026-03-08T06:59:59Z'), 'America/New_York')).toEqual({ wall: [2026, 3, 8, 1, 59, 59] });
    expect(wallTime(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toEqual({ wall: [2026, 3, 8, 3, 0, 0] });
    expect(wallTime(null, 'UTC')).toBeNull();
  });
});

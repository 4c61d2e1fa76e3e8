import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TicketHistoryEntry } from '../../../protocol/ticket-history.schemas.ts';
import { toCsv } from '../../../server/reports/csv.export.ts';
import { ticketLogTable } from '../../../server/reports/log-tables.models.ts';
import { historyLine, historySheetColumns, historySheetCut, historySheetRow, historySheetTitle } from '../../../server/reports/ticket-history.export.models.ts';
import { toXlsx } from '../../../server/reports/xlsx.export.ts';
import { parseCsv } from '../../helpers/csv.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (hms: string, day = '2026-03-16') => new Date(`${day}T${hms}+07:00`).toISOString();
const base = { fromState: null, toState: null, actor: null, counter: null, service: null } as const;
const lan = { kind: 'staff', id: 'lan', name: 'Nguyễn Thị Lan', username: 'lan' } as const;

const entries: TicketHistoryEntry[] = [
  { ...base, at: at('08:00:00'), kind: 'issued', toState: 'waiting', actor: { kind: 'kiosk', id: 'k1', name: 'Kiosk sảnh', username: null } },
  {
    ...base,
    at: at('08:01:00'),
    kind: 'priority_granted',
    fromState: 'waiting',
    toState: 'waiting',
    actor: lan,
    priority: { group: { id: 'g', name: { vi: 'Người cao tuổi', en: 'Elderly person' } }, previous: null, reason: 'Cụ ông\n82 tuổi' },
  },
  {
    ...base,
    at: at('08:02:00'),
    kind: 'recalled',
    fromState: 'called',
    toState: 'called',
    actor: lan,
    counter: { id: 'quay-1', number: 1 },
    recall: { count: 2 },
  },
  {
    ...base,
    at: at('08:03:00'),
    kind: 'transferred',
    fromState: 'serving',
    toState: 'waiting',
    actor: lan,
    counter: { id: 'quay-1', number: 1 },
    transfer: { from: { id: 'a', name: { vi: 'Hộ tịch', en: 'Civil status' } }, to: { id: 'b', name: null }, toCounter: { id: 'quay-3', number: 3 } },
  },
  {
    ...base,
    at: at('08:04:00'),
    kind: 'print_failed',
    print: { jobId: 'j', printerId: 'p1', kiosk: null, reprint: true, status: 'failed', attempts: 1, error: { code: 'paper_out', message: 'Hết giấy' } },
  },
  {
    ...base,
    at: at('00:10:00', '2026-03-17'),
    kind: 'rated',
    counter: { id: 'quay-3', number: 3 },
    rating: { level: 1, scale: 4, grade: 'very_satisfied', satisfied: true, source: 'keypad' },
  },
];

describe('historyLine', () => {
  it('puts the history on one line in the centre’s clock, the day only when it is another', () => {
    expect(historyLine(entries, 'vi', '2026-03-16', TZ).split(' | ')).toEqual([
      '08:00:00 Lấy số: kiosk Kiosk sảnh',
      '08:01:00 Cấp ưu tiên: Nguyễn Thị Lan (lan), Người cao tuổi, lý do: Cụ ông 82 tuổi',
      '08:02:00 Gọi lại: quầy 1, Nguyễn Thị Lan (lan), lần 2',
      '08:03:00 Chuyển: quầy 1, Nguyễn Thị Lan (lan), Hộ tịch → b, quầy 3',
      '08:04:00 In lỗi: paper_out: Hết giấy',
      '17/03 00:10:00 Đánh giá: quầy 3, Rất hài lòng (1/4, bàn phím)',
    ]);
    expect(historyLine(entries.slice(3, 4), 'en', '2026-03-16', TZ)).toBe('08:03:00 Transferred: counter 1, Nguyễn Thị Lan (lan), Civil status → b, counter 3');
    expect(historyLine([], 'vi', '2026-03-16', TZ)).toBe('');
  });
});

describe('the history sheet', () => {
  it('has one row per entry with the states, who, where and details', () => {
    const row = historySheetRow({ number: 'A001', businessDay: '2026-03-16' }, entries[3]!, 'vi', TZ);
    expect(row).toEqual([
      'A001',
      '16/03/2026',
      { wall: [2026, 3, 16, 8, 3, 0] },
      'Chuyển',
      'Đang phục vụ',
      'Đang chờ',
      'Nguyễn Thị Lan (lan)',
      'quầy 1',
      'Hộ tịch → b, quầy 3',
    ]);
    expect(historySheetColumns('en').map((c) => c.header)).toEqual(['Number', 'Day', 'At', 'Event', 'From state', 'To state', 'By', 'Counter', 'Details']);
    expect(historySheetCut(10, 'vi')[0]).toContain('10 dòng');
  });

  it('is written after the log, rows pulled from an async iterator', async () => {
    const log = ticketLogTable(
      {
        centreName: { vi: 'X', en: 'X' },
        timeZone: TZ,
        from: '2026-03-16',
        to: '2026-03-16',
        items: [],
        names: { services: [], counters: [], staff: [] },
        priorityGroups: [],
      },
      'vi',
    );
    let pulled = 0;
    async function* rows() {
      for (const e of entries) {
        pulled++;
        yield historySheetRow({ number: 'A001', businessDay: '2026-03-16' }, e, 'vi', TZ);
      }
    }
    const file = await toXlsx(log, [{ title: historySheetTitle('vi'), columns: historySheetColumns('vi'), rows: rows() }]);
    expect(pulled).toBe(entries.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Nhật ký phiếu', 'Lịch sử']);
    const sheet = wb.worksheets[1]!;
    expect(sheet.rowCount).toBe(1 + entries.length);
    expect(sheet.getRow(2).getCell(4).value).toBe('Lấy số');
    expect((sheet.getRow(2).getCell(3).value as Date).toISOString()).toBe('2026-03-16T08:00:00.000Z');
  });
});

describe('the ticket log CSV with history', () => {
  it('adds a last column "Lịch sử" only when histories are given', () => {
    const item = {
      id: 't1',
      number: 'A001',
      businessDay: '2026-03-16',
      issuedServiceId: 'a',
      serviceId: 'a',
      state: 'done' as const,
      issuedAt: at('08:00:00'),
      firstCalledAt: null,
      servingAt: null,
      finishedAt: null,
      counterId: null,
      staffId: null,
      priorityGroupId: null,
      transferCount: 0,
      waitMinutes: null,
      serviceMinutes: null,
      rating: null,
    };
    const input = {
      centreName: { vi: 'X', en: 'X' },
      timeZone: TZ,
      from: '2026-03-16',
      to: '2026-03-16',
      items: [item],
      names: { services: [], counters: [], staff: [] },
      priorityGroups: [],
    };
    const without = parseCsv(toCsv(ticketLogTable(input, 'vi')).slice(1));
    expect(without[0]!.at(-1)).toBe('Đánh giá');
    const line = historyLine(entries.slice(0, 2), 'vi', '2026-03-16', TZ);
    const withHistory = parseCsv(toCsv(ticketLogTable({ ...input, history: new Map([['t1', line]]) }, 'vi')).slice(1));
    expect(withHistory[0]!.at(-1)).toBe('Lịch sử');
    expect(withHistory[1]!.at(-1)).toBe(line);
    expect(withHistory[1]).toHaveLength(without[1]!.length + 1);
  });
});

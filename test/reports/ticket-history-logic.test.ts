import { describe, expect, it } from 'vitest';
import type { TicketHistory } from '../../protocol/ticket-history.schemas.ts';
import { actorLabel, historyRows, historySummary, historyTime } from '../../reports/ticket-history-logic.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (hms: string, day = '2026-03-16') => new Date(`${day}T${hms}+07:00`).toISOString();
const base = { fromState: null, toState: null, actor: null, counter: null, service: null } as const;

const history: TicketHistory = {
  centreId: 'demo',
  timeZone: TZ,
  ticket: {
    id: 't1',
    number: 'A001',
    businessDay: '2026-03-16',
    state: 'done',
    issuedService: { id: 'a', name: { vi: 'Hộ tịch', en: 'Civil status' } },
    service: { id: 'b', name: { vi: 'Đất đai', en: 'Land' } },
    priorityGroup: { id: 'g', name: { vi: 'Người cao tuổi', en: 'Elderly person' } },
    recallCount: 0,
  },
  entries: [
    { ...base, at: at('08:00:00'), kind: 'issued', toState: 'waiting', actor: { kind: 'kiosk', id: null, name: null, username: null } },
    {
      ...base,
      at: at('08:03:00'),
      kind: 'transferred',
      fromState: 'serving',
      toState: 'waiting',
      actor: { kind: 'staff', id: 'lan', name: 'Nguyễn Thị Lan', username: 'lan' },
      counter: { id: 'quay-1', number: 1 },
      transfer: { from: { id: 'a', name: { vi: 'Hộ tịch', en: 'Civil status' } }, to: { id: 'b', name: { vi: 'Đất đai', en: 'Land' } }, toCounter: null },
    },
    {
      ...base,
      at: at('08:04:00'),
      kind: 'print_created',
      actor: { kind: 'staff', id: 'lan', name: null, username: null },
      print: { jobId: 'j', printerId: 'p1', kiosk: { id: 'k', name: 'Kiosk sảnh' }, reprint: true, status: 'sent', attempts: 1, error: null },
    },
    {
      ...base,
      at: at('00:10:00', '2026-03-17'),
      kind: 'rated',
      counter: { id: 'quay-3', number: null },
      rating: { level: 2, scale: 4, grade: 'satisfied', satisfied: true, source: 'screen' },
    },
  ],
};

describe('ticket history panel logic', () => {
  it('shows each entry with its time, event, states, who, counter and details', () => {
    expect(historyRows(history, 'vi').map(({ key: _k, ...r }) => r)).toEqual([
      { kind: 'issued', at: '08:00:00', event: 'Lấy số', states: 'Đang chờ', by: 'Không qua kiosk', counter: '–', details: '' },
      {
        kind: 'transferred',
        at: '08:03:00',
        event: 'Chuyển',
        states: 'Đang phục vụ → Đang chờ',
        by: 'Nguyễn Thị Lan (lan)',
        counter: '1',
        details: 'Hộ tịch → Đất đai',
      },
      {
        kind: 'print_created',
        at: '08:04:00',
        event: 'Tạo lệnh in',
        states: '–',
        by: 'lan',
        counter: '–',
        details: 'in lại, máy in p1, Kiosk Kiosk sảnh, hiện: đã gửi',
      },
      { kind: 'rated', at: '17/03 00:10:00', event: 'Đánh giá', states: '–', by: 'Công dân', counter: 'quay-3', details: 'Hài lòng (2/4), màn hình' },
    ]);
    expect(historyRows(history, 'en')[1]!.details).toBe('Civil status → Land');
  });

  it('names who acted and when, in the centre’s zone whatever the browser’s', () => {
    expect(actorLabel({ kind: 'system', id: null, name: null, username: null }, 'expired', 'en')).toBe('System');
    expect(actorLabel({ kind: 'kiosk', id: 'k', name: 'Kiosk 1', username: null }, 'issued', 'vi')).toBe('Kiosk Kiosk 1');
    expect(actorLabel(null, 'print_printed', 'vi')).toBe('–');
    expect(historyTime(at('23:59:59'), '2026-03-16', TZ)).toBe('23:59:59');
  });

  it('sums the ticket up under the title', () => {
    expect(historySummary(history, 'vi')).toBe('16/03/2026 · lấy số cho Hộ tịch · hiện ở Đất đai · Đã hoàn thành · Ưu tiên: Người cao tuổi');
  });
});

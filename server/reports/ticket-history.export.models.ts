/**
 * Ticket history in the ticket log's exports (issue #14, docs/reports.md "Ticket history"): a
 * compact one-line history per ticket (the CSV's last column) and one row per entry (the XLSX's
 * second sheet). Pure; both languages, the centre's wall clock.
 */
import type { Language, LocalizedText } from '../../protocol/index.ts';
import { REPORT_STATE_NAMES } from '../../protocol/reports.schemas.ts';
import type { HistoryActor, HistoryCounter, HistoryNamed, TicketHistoryEntry, TicketHistoryKind } from '../../protocol/ticket-history.schemas.ts';
import { GRADE_NAMES } from './rating-summary.models.ts';
import { dmy, formatWallTime, wallTime, type Cell, type Column } from './table.models.ts';

type Text = Record<Language, string>;

export const HISTORY_KINDS: Record<TicketHistoryKind, Text> = {
  issued: { vi: 'Lấy số', en: 'Issued' },
  called: { vi: 'Gọi số', en: 'Called' },
  recalled: { vi: 'Gọi lại', en: 'Recalled' },
  serving: { vi: 'Bắt đầu phục vụ', en: 'Service started' },
  parked: { vi: 'Tạm gác', en: 'Set aside' },
  resumed: { vi: 'Gọi lại sau tạm gác', en: 'Resumed' },
  transferred: { vi: 'Chuyển', en: 'Transferred' },
  requeued: { vi: 'Trả về hàng chờ', en: 'Back in the queue' },
  priority_granted: { vi: 'Cấp ưu tiên', en: 'Priority granted' },
  finished: { vi: 'Hoàn thành', en: 'Finished' },
  no_show: { vi: 'Vắng mặt', en: 'No-show' },
  expired: { vi: 'Hết hạn', en: 'Expired' },
  changed: { vi: 'Đổi trạng thái', en: 'State changed' },
  print_created: { vi: 'Tạo lệnh in', en: 'Print job created' },
  print_claimed: { vi: 'Máy in nhận lệnh', en: 'Print job claimed' },
  print_printed: { vi: 'Đã in', en: 'Printed' },
  print_failed: { vi: 'In lỗi', en: 'Print failed' },
  print_abandoned: { vi: 'Bỏ lệnh in', en: 'Print abandoned' },
  rated: { vi: 'Đánh giá', en: 'Rated' },
};

const SOURCES: Record<string, Text> = { keypad: { vi: 'bàn phím', en: 'keypad' }, screen: { vi: 'màn hình', en: 'screen' }, api: { vi: 'API', en: 'API' } };

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const named = (n: HistoryNamed, lang: Language) => oneLine((n.name as LocalizedText | null)?.[lang] ?? n.id);
const counterName = (c: HistoryCounter, lang: Language) => (c.number === null ? c.id : lang === 'vi' ? `quầy ${c.number}` : `counter ${c.number}`);

/** Who, as one reads it: "Nguyễn Thị Lan (lan)", "kiosk Kiosk sảnh", "hệ thống". */
export function actorText(a: HistoryActor | null, lang: Language): string | null {
  if (a === null) return null;
  if (a.kind === 'system') return lang === 'vi' ? 'hệ thống' : 'system';
  if (a.kind === 'kiosk') {
    if (a.id === null) return lang === 'vi' ? 'không qua kiosk' : 'not at a kiosk';
    return `kiosk ${oneLine(a.name ?? a.id)}`;
  }
  const name = oneLine(a.name ?? a.id ?? '?');
  return a.username ? `${name} (${a.username})` : name;
}

/** What is particular to the entry, without its kind, actor and counter: "Hộ tịch → Đất đai, quầy 2". */
export function entryDetail(e: TicketHistoryEntry, lang: Language): string {
  const vi = lang === 'vi';
  const parts: string[] = [];
  if (e.calledByNumber) parts.push(vi ? 'gọi theo số' : 'called by number');
  if (e.transfer) {
    const to = e.transfer.toCounter ? `, ${counterName(e.transfer.toCounter, lang)}` : '';
    parts.push(`${named(e.transfer.from, lang)} → ${named(e.transfer.to, lang)}${to}`);
  }
  if (e.recall)
    parts.push(
      e.kind === 'no_show'
        ? vi
          ? `sau ${e.recall.count} lần gọi lại`
          : `after ${e.recall.count} recalls`
        : vi
          ? `lần ${e.recall.count}`
          : `#${e.recall.count}`,
    );
  if (e.priority) {
    parts.push(named(e.priority.group, lang));
    if (e.priority.previous) parts.push(vi ? `thay ${named(e.priority.previous, lang)}` : `was ${named(e.priority.previous, lang)}`);
    if (e.priority.reason) parts.push(`${vi ? 'lý do' : 'reason'}: ${oneLine(e.priority.reason)}`);
  }
  if (e.print) {
    if (e.kind === 'print_created') {
      if (e.print.reprint) parts.push(vi ? 'in lại' : 'reprint');
      parts.push(`${vi ? 'máy in' : 'printer'} ${e.print.printerId}`);
      if (e.print.kiosk && e.actor?.kind !== 'kiosk') parts.push(`kiosk ${oneLine(e.print.kiosk.name ?? e.print.kiosk.id)}`);
    }
    if (e.print.error && (e.kind === 'print_failed' || e.kind === 'print_abandoned')) {
      parts.push(e.print.error.message ? `${e.print.error.code}: ${oneLine(e.print.error.message)}` : e.print.error.code);
    }
  }
  if (e.rating) {
    const grade = GRADE_NAMES[e.rating.grade]?.[lang] ?? e.rating.grade;
    parts.push(`${grade} (${e.rating.level}/${e.rating.scale}, ${SOURCES[e.rating.source]?.[lang] ?? e.rating.source})`);
  }
  return parts.join(', ');
}

/** "08:05:09" on the ticket's own day, "17/03 00:10:00" after it (day end). */
function clock(e: TicketHistoryEntry, businessDay: string, timeZone: string): string {
  const text = formatWallTime(wallTime(Date.parse(e.at), timeZone)!);
  const day = `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
  return day === businessDay ? text.slice(11) : `${text.slice(0, 5)} ${text.slice(11)}`;
}

/**
 * A ticket's history on one line (the CSV column), entries separated by " | ":
 * "08:00:00 Lấy số: kiosk Kiosk sảnh | 08:02:00 Gọi số: quầy 1, Nguyễn Thị Lan (lan) | …".
 */
export function historyLine(entries: readonly TicketHistoryEntry[], lang: Language, businessDay: string, timeZone: string): string {
  return entries
    .map((e) => {
      const who = actorText(e.actor, lang);
      const bits = [e.counter ? counterName(e.counter, lang) : null, who, entryDetail(e, lang) || null].filter((b): b is string => b !== null);
      return `${clock(e, businessDay, timeZone)} ${HISTORY_KINDS[e.kind][lang]}${bits.length ? `: ${bits.join(', ')}` : ''}`;
    })
    .join(' | ');
}

const SHEET = {
  vi: { title: 'Lịch sử', headers: ['Số', 'Ngày', 'Thời điểm', 'Sự kiện', 'Từ trạng thái', 'Đến trạng thái', 'Người thực hiện', 'Quầy', 'Chi tiết'] },
  // Not "History": Excel reserves that sheet name (exceljs refuses to read such a workbook).
  en: { title: 'Ticket history', headers: ['Number', 'Day', 'At', 'Event', 'From state', 'To state', 'By', 'Counter', 'Details'] },
} as const;

const KINDS = ['text', 'text', 'datetime', 'text', 'text', 'text', 'text', 'text', 'text'] as const;
const WIDTHS = [10, 12, 20, 22, 16, 16, 30, 10, 60];

export const historySheetTitle = (lang: Language) => SHEET[lang].title;

export function historySheetColumns(lang: Language): Column[] {
  return SHEET[lang].headers.map((header, i) => ({ header, kind: KINDS[i]!, width: WIDTHS[i] }));
}

/** One row of the history sheet. */
export function historySheetRow(ticket: { number: string; businessDay: string }, e: TicketHistoryEntry, lang: Language, timeZone: string): Cell[] {
  return [
    ticket.number,
    dmy(ticket.businessDay),
    wallTime(Date.parse(e.at), timeZone),
    HISTORY_KINDS[e.kind][lang],
    e.fromState === null ? null : REPORT_STATE_NAMES[e.fromState][lang],
    e.toState === null ? null : REPORT_STATE_NAMES[e.toState][lang],
    actorText(e.actor, lang),
    e.counter ? counterName(e.counter, lang) : null,
    entryDetail(e, lang) || null,
  ];
}

/** The last row of a history sheet cut at `limit` rows (Excel holds 1 048 576 rows a sheet). */
export function historySheetCut(limit: number, lang: Language): Cell[] {
  return [
    lang === 'vi' ? `Chỉ ${limit} dòng lịch sử đầu tiên: hãy chọn khoảng ngày ngắn hơn.` : `Only the first ${limit} history rows: choose a shorter range.`,
  ];
}

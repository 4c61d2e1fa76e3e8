/** The ticket log and the rating summary as export tables (table.models.ts). Pure. */
import type { Language } from '../../protocol/index.ts';
import type { RatingGrade } from '../../protocol/rating.schemas.ts';
import { REPORT_STATE_NAMES, type RatingSummary, type TicketLogEntry } from '../../protocol/reports.schemas.ts';
import { groupName, type CentreNames } from './labels.models.ts';
import { GRADE_NAMES, RATING_GRADES } from './rating-summary.models.ts';
import { caption, dmy, percent, wallTime, type Cell, type ReportTable } from './table.models.ts';

const LOG = {
  vi: [
    'Số',
    'Ngày',
    'Lĩnh vực lấy số',
    'Lĩnh vực',
    'Trạng thái',
    'Lấy số lúc',
    'Gọi lần đầu',
    'Bắt đầu phục vụ',
    'Kết thúc',
    'Quầy',
    'Cán bộ',
    'Ưu tiên',
    'Số lần chuyển',
    'Chờ (phút)',
    'Phục vụ (phút)',
    'Đánh giá',
  ],
  en: [
    'Number',
    'Day',
    'Issued for',
    'Service',
    'State',
    'Issued at',
    'First called',
    'Service started',
    'Finished',
    'Counter',
    'Officer',
    'Priority',
    'Transfers',
    'Wait (min)',
    'Service (min)',
    'Rating',
  ],
} as const;

export interface LogTableInput {
  centreName: { vi: string; en: string };
  timeZone: string;
  from: string;
  to: string;
  items: readonly TicketLogEntry[];
  names: CentreNames;
  priorityGroups: readonly { id: string; name: { vi: string; en: string } }[];
  /** Set when the range held more tickets than one export takes. */
  truncatedAt?: number;
  /**
   * Each ticket's history on one line (ticket-history.export.models.ts `historyLine`), by ticket
   * id: given, the table gets a last column "Lịch sử" / "History" (the CSV export, issue #14).
   */
  history?: ReadonlyMap<string, string>;
}

export function ticketLogTable(input: LogTableInput, lang: Language): ReportTable {
  const h = LOG[lang];
  const tz = input.timeZone;
  const kinds = [
    'text',
    'text',
    'text',
    'text',
    'text',
    'datetime',
    'datetime',
    'datetime',
    'datetime',
    'text',
    'text',
    'text',
    'int',
    'number',
    'number',
    'text',
  ] as const;
  const at = (iso: string | null) => wallTime(iso === null ? null : Date.parse(iso), tz);
  const name = (by: 'service' | 'counter' | 'staff', id: string | null) => (id === null ? null : groupName(by, id, input.names)[lang]);
  const history = input.history;
  const rows = input.items.map((e): Cell[] => [
    e.number,
    dmy(e.businessDay),
    name('service', e.issuedServiceId),
    name('service', e.serviceId),
    REPORT_STATE_NAMES[e.state][lang],
    at(e.issuedAt),
    at(e.firstCalledAt),
    at(e.servingAt),
    at(e.finishedAt),
    name('counter', e.counterId),
    name('staff', e.staffId),
    e.priorityGroupId === null ? null : (input.priorityGroups.find((g) => g.id === e.priorityGroupId)?.name[lang] ?? e.priorityGroupId),
    e.transferCount,
    e.waitMinutes,
    e.serviceMinutes,
    e.rating === null ? null : GRADE_NAMES[e.rating][lang],
    ...(history ? [history.get(e.id) || null] : []),
  ]);
  const note =
    input.truncatedAt === undefined
      ? []
      : [
          lang === 'vi'
            ? `Chỉ ${input.truncatedAt} phiếu mới nhất: hãy chọn khoảng ngày ngắn hơn.`
            : `Only the newest ${input.truncatedAt} tickets: choose a shorter range.`,
        ];
  return {
    title: lang === 'vi' ? 'Nhật ký phiếu' : 'Ticket log',
    caption: [...caption(lang, input.centreName, input.from, input.to, tz), ...note],
    columns: [
      ...h.map((header, i) => ({ header, kind: kinds[i]!, width: kinds[i] === 'datetime' ? 20 : i === 2 || i === 3 ? 28 : undefined })),
      ...(history ? [{ header: lang === 'vi' ? 'Lịch sử' : 'History', kind: 'text' as const, width: 120 }] : []),
    ],
    rows,
    fileName: `luot-ticket-log-${input.from}_${input.to}`,
  };
}

const RATING = {
  vi: {
    title: 'Mức độ hài lòng',
    by: { service: 'Lĩnh vực', counter: 'Quầy', staff: 'Cán bộ', day: 'Ngày', week: 'Tuần', month: 'Tháng' },
    rated: 'Số đánh giá',
    served: 'Đã phục vụ',
    satisfied: 'Hài lòng (%)',
    response: 'Tỷ lệ đánh giá (%)',
    rejected: {
      rejected_disarmed: 'Bấm khi chưa kích hoạt',
      rejected_late: 'Bấm quá hạn',
      rejected_already_rated: 'Bấm thêm (đã đánh giá)',
      rejected_invalid: 'Nút không hợp lệ',
    },
    rejectedTotal: 'Tổng lượt bấm bị từ chối',
    total: 'Tổng cộng',
  },
  en: {
    title: 'Citizen satisfaction',
    by: { service: 'Service', counter: 'Counter', staff: 'Officer', day: 'Day', week: 'Week', month: 'Month' },
    rated: 'Ratings',
    served: 'Served',
    satisfied: 'Satisfied (%)',
    response: 'Response rate (%)',
    rejected: {
      rejected_disarmed: 'Pressed while disarmed',
      rejected_late: 'Pressed too late',
      rejected_already_rated: 'Pressed again (already rated)',
      rejected_invalid: 'Invalid button',
    },
    rejectedTotal: 'Rejected presses',
    total: 'Total',
  },
} as const;

const REJECTED = ['rejected_disarmed', 'rejected_late', 'rejected_already_rated', 'rejected_invalid'] as const;

/** Levels shown: those of the centre's scale, and any other level the range holds ratings of. */
export function shownGrades(s: Pick<RatingSummary, 'scale' | 'totals'>): RatingGrade[] {
  return RATING_GRADES.filter((g) => s.scale === 4 || g !== 'neutral' || s.totals.levels.neutral > 0);
}

export function ratingSummaryTable(s: RatingSummary, lang: Language): ReportTable {
  const t = RATING[lang];
  const grades = shownGrades(s);
  const figures = (f: RatingSummary['totals']): Cell[] => [
    ...grades.map((g) => f.levels[g]),
    f.rated,
    f.served,
    percent(f.satisfiedShare),
    percent(f.responseRate),
    ...REJECTED.map((r) => f.rejected[r]),
    f.rejectedTotal,
  ];
  return {
    title: `${t.title} – ${t.by[s.groupBy]}`,
    caption: caption(lang, s.centreName, s.from, s.to, s.timeZone),
    columns: [
      { header: t.by[s.groupBy], kind: 'text', width: 32 },
      ...grades.map((g) => ({ header: GRADE_NAMES[g][lang], kind: 'int' as const })),
      { header: t.rated, kind: 'int' },
      { header: t.served, kind: 'int' },
      { header: t.satisfied, kind: 'percent' },
      { header: t.response, kind: 'percent' },
      ...REJECTED.map((r) => ({ header: t.rejected[r], kind: 'int' as const })),
      { header: t.rejectedTotal, kind: 'int' },
    ],
    rows: s.groups.map((g) => [g.name[lang], ...figures(g)]),
    footer: [t.total, ...figures(s.totals)],
    fileName: `luot-ratings-${s.groupBy}-${s.from}_${s.to}`,
  };
}

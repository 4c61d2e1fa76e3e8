/** The time summary and the busiest hours as export tables (table.models.ts). Pure. */
import type { Language } from '../../protocol/index.ts';
import type { BusiestHours, TimeSummary } from '../../protocol/reports.schemas.ts';
import type { DurationStats } from './stats.models.ts';
import { caption, type Cell, type Column, type ReportTable } from './table.models.ts';

const T = {
  vi: {
    title: 'Thời gian chờ và phục vụ',
    by: { service: 'Lĩnh vực', counter: 'Quầy', staff: 'Cán bộ', day: 'Ngày', week: 'Tuần', month: 'Tháng' },
    issued: 'Số phiếu cấp',
    served: 'Đã phục vụ',
    noShow: 'Vắng mặt',
    transferred: 'Chuyển đi',
    expired: 'Hết hạn',
    wait: 'Chờ',
    service: 'Phục vụ',
    count: 'số lượt',
    mean: 'TB (phút)',
    p50: 'p50 (phút)',
    p90: 'p90 (phút)',
    max: 'tối đa (phút)',
    bucket: (lo: number, hi: number | undefined) => (hi === undefined ? `${lo}+ phút` : `${lo}–${hi} phút`),
    total: 'Tổng cộng',
    hoursTitle: 'Giờ cao điểm',
    hour: 'Giờ',
    weekdays: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
    perDay: 'TB mỗi ngày mở cửa',
  },
  en: {
    title: 'Waiting and service times',
    by: { service: 'Service', counter: 'Counter', staff: 'Officer', day: 'Day', week: 'Week', month: 'Month' },
    issued: 'Tickets issued',
    served: 'Served',
    noShow: 'No-show',
    transferred: 'Transferred',
    expired: 'Expired',
    wait: 'Wait',
    service: 'Service',
    count: 'count',
    mean: 'mean (min)',
    p50: 'p50 (min)',
    p90: 'p90 (min)',
    max: 'max (min)',
    bucket: (lo: number, hi: number | undefined) => (hi === undefined ? `${lo}+ min` : `${lo}–${hi} min`),
    total: 'Total',
    hoursTitle: 'Busiest hours',
    hour: 'Hour',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    perDay: 'Per open day',
  },
} as const;

const durationColumns = (lang: Language, label: string, edges: readonly number[]): Column[] => {
  const t = T[lang];
  return [
    { header: `${label}: ${t.count}`, kind: 'int' },
    { header: `${label} ${t.mean}`, kind: 'number' },
    { header: `${label} ${t.p50}`, kind: 'int' },
    { header: `${label} ${t.p90}`, kind: 'int' },
    { header: `${label} ${t.max}`, kind: 'number' },
    ...edges.map((lo, i): Column => ({ header: `${label} ${t.bucket(lo, edges[i + 1])}`, kind: 'int' })),
  ];
};

const durationCells = (d: DurationStats): Cell[] => [d.count, d.meanMinutes, d.p50Minutes, d.p90Minutes, d.maxMinutes, ...d.distribution];

export function timeSummaryTable(s: TimeSummary, lang: Language): ReportTable {
  const t = T[lang];
  const figures = (f: TimeSummary['totals']): Cell[] => [
    f.issued,
    f.served,
    f.noShow,
    f.transferred,
    f.expired,
    ...durationCells(f.wait),
    ...durationCells(f.service),
  ];
  return {
    title: `${t.title} – ${t.by[s.groupBy]}`,
    caption: caption(lang, s.centreName, s.from, s.to, s.timeZone),
    columns: [
      { header: t.by[s.groupBy], kind: 'text', width: 32 },
      { header: t.issued, kind: 'int' },
      { header: t.served, kind: 'int' },
      { header: t.noShow, kind: 'int' },
      { header: t.transferred, kind: 'int' },
      { header: t.expired, kind: 'int' },
      ...durationColumns(lang, t.wait, s.distributionEdges),
      ...durationColumns(lang, t.service, s.distributionEdges),
    ],
    rows: s.groups.map((g) => [g.name[lang], ...figures(g)]),
    footer: [t.total, ...figures(s.totals)],
    fileName: `luot-times-${s.groupBy}-${s.from}_${s.to}`,
  };
}

/** One row per local hour, a column per weekday (Monday first), the total and the mean per open day. */
export function busiestHoursTable(b: BusiestHours, lang: Language): ReportTable {
  const t = T[lang];
  const weekdayTotals = b.weekdays.map((w) => w.issued);
  return {
    title: t.hoursTitle,
    caption: caption(lang, b.centreName, b.from, b.to, b.timeZone),
    columns: [
      { header: t.hour, kind: 'text', width: 12 },
      ...t.weekdays.map((w): Column => ({ header: w, kind: 'int' })),
      { header: t.total, kind: 'int' },
      { header: t.perDay, kind: 'number', width: 18 },
    ],
    rows: b.hours.map((h) => [`${String(h.hour).padStart(2, '0')}:00–${String(h.hour).padStart(2, '0')}:59`, ...h.byWeekday, h.issued, h.perDay]),
    footer: [t.total, ...weekdayTotals, weekdayTotals.reduce((a, n) => a + n, 0), null],
    fileName: `luot-busiest-hours-${b.from}_${b.to}`,
  };
}

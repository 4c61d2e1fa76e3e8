/**
 * The reports page's decisions, out of the elements so they are tested in node: date presets in
 * the centre's zone, the addresses of reports and exports, number formatting, chart data.
 */
import '../web-shared/client/zod-config.ts';
import type { Language } from '../protocol/common.schemas.ts';
import { type BusiestHours, type RatingSummary, type TimeGroupBy, type TimeSummary } from '../protocol/reports.schemas.ts';
import { PROVINCE_DEFAULT_ORDER, type ProvinceSort, type SortOrder } from '../protocol/province-report.schemas.ts';
import { wallClock } from '../web-shared/i18n/time.ts';
import type { ReportName } from '../web-shared/client/api.ts';
import { reportPath as apiReportPath, provinceReportPath as apiProvinceReportPath, type ReportQuery } from '../web-shared/client/report-path.ts';

export interface ReportRange {
  from: string;
  to: string;
}

export type Preset = 'today' | 'last7' | 'last30' | 'thisMonth' | 'lastMonth' | 'thisYear';
export const PRESETS: readonly Preset[] = ['today', 'last7', 'last30', 'thisMonth', 'lastMonth', 'thisYear'];

/** Today's date in the centre's zone (never the browser's). */
export function centreToday(now: Date, timeZone: string): string {
  const w = wallClock(now, timeZone);
  return `${w.year}-${w.month}-${w.day}`;
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
export function shiftDay(day: string, n: number): string {
  const d = noon(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}
export function lastDayOfMonth(month: string): string {
  const d = noon(`${month}-01`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return dayOf(d);
}

/** The range a preset names, counted from the centre's today. */
export function presetRange(preset: Preset, today: string): ReportRange {
  const month = today.slice(0, 7);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: shiftDay(today, -6), to: today };
    case 'last30':
      return { from: shiftDay(today, -29), to: today };
    case 'thisMonth':
      return { from: `${month}-01`, to: today };
    case 'lastMonth': {
      const prev = shiftDay(`${month}-01`, -1).slice(0, 7);
      return { from: `${prev}-01`, to: lastDayOfMonth(prev) };
    }
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** A range the server will take: both dates, in order. */
export const isValidRange = (r: ReportRange): boolean => /^\d{4}-\d{2}-\d{2}$/.test(r.from) && /^\d{4}-\d{2}-\d{2}$/.test(r.to) && r.from <= r.to;

/** The API path of a report: the same the API client requests (export links add `format`). */
export const reportPath = (centreId: string, report: ReportName, query: ReportQuery = {}): string => apiReportPath(centreId, report, query);

/** The address a download link points at. */
export const exportHref = (path: string) => `/api${path}`;

const decimal = (lang: Language, digits: number) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** "12", "3,5" (vi) / "3.5" (en); a dash for nothing. */
export function formatNumber(n: number | null | undefined, lang: Language, digits = 1): string {
  return n === null || n === undefined ? '–' : decimal(lang, digits).format(n);
}

/** A 0–1 share as "76,4 %" / "76.4%". */
export function formatShare(share: number | null, lang: Language): string {
  if (share === null) return '–';
  const n = decimal(lang, 1).format(Math.round(share * 1000) / 10);
  return lang === 'vi' ? `${n} %` : `${n}%`;
}

/** "DD/MM/YYYY" of a local day. */
export const formatDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Bucket labels of a distribution: "0–5", "5–10", …, "120+". */
export const bucketLabels = (edges: readonly number[]): string[] => edges.map((lo, i) => (i + 1 < edges.length ? `${lo}–${edges[i + 1]}` : `${lo}+`));

/** A chart.js bar dataset. */
export interface Dataset {
  label: string;
  data: (number | null)[];
  backgroundColor?: string;
  stack?: string;
}

export interface ChartData {
  labels: string[];
  datasets: Dataset[];
}

/** Satisfaction colours, best to worst (also readable in grey on a printout). */
export const GRADE_COLOURS = { very_satisfied: '#1f7a3f', satisfied: '#7cb342', neutral: '#f2b705', dissatisfied: '#c62828' } as const;

/** One stacked bar per group: ratings per level. */
export function ratingChart(s: RatingSummary, lang: Language): ChartData {
  const grades = (Object.keys(GRADE_COLOURS) as (keyof typeof GRADE_COLOURS)[]).filter((g) => s.scale === 4 || g !== 'neutral' || s.totals.levels.neutral > 0);
  return {
    labels: s.groups.map((g) => g.name[lang]),
    datasets: grades.map((g) => ({ label: s.levelNames[g][lang], data: s.groups.map((x) => x.levels[g]), backgroundColor: GRADE_COLOURS[g], stack: 'levels' })),
  };
}

/** p50 and p90 of waiting time per group, minutes. */
export function waitChart(s: TimeSummary, lang: Language, labels: { p50: string; p90: string }): ChartData {
  return {
    labels: s.groups.map((g) => g.name[lang]),
    datasets: [
      { label: labels.p50, data: s.groups.map((g) => g.wait.p50Minutes), backgroundColor: '#1d4ed8' },
      { label: labels.p90, data: s.groups.map((g) => g.wait.p90Minutes), backgroundColor: '#93c5fd' },
    ],
  };
}

/** How long citizens waited and were served, over the whole range: counts per bucket. */
export function distributionChart(s: TimeSummary, labels: { wait: string; service: string }): ChartData {
  return {
    labels: bucketLabels(s.distributionEdges),
    datasets: [
      { label: labels.wait, data: s.totals.wait.distribution, backgroundColor: '#b3261e' },
      { label: labels.service, data: s.totals.service.distribution, backgroundColor: '#52606d' },
    ],
  };
}

/** The hours a chart of a day always spans: a Vietnamese office day, 07:00 to 17:59. */
export const OFFICE_HOURS = { first: 7, last: 17 } as const;

/**
 * Tickets issued per open day in each local hour, over the working day: every hour from 07h to
 * 17h, widened to the first and last hour that had tickets, quiet hours as zero bars. Not only
 * the hours with tickets (issue #15: a one-day range showed a single bar).
 */
export function hoursChart(b: BusiestHours, label: string): ChartData {
  const busy = b.hours.filter((h) => h.issued > 0).map((h) => h.hour);
  const first = Math.min(OFFICE_HOURS.first, ...busy);
  const last = Math.max(OFFICE_HOURS.last, ...busy);
  const byHour = new Map(b.hours.map((h) => [h.hour, h]));
  const span = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    labels: span.map((h) => `${String(h).padStart(2, '0')}h`),
    datasets: [{ label, data: span.map((h) => byHour.get(h)?.perDay ?? 0), backgroundColor: '#b3261e' }],
  };
}

/** The busiest local hour of the range (most tickets issued), or null. */
export function peakHour(b: BusiestHours): number | null {
  const top = [...b.hours].sort((x, y) => y.issued - x.issued)[0];
  return top && top.issued > 0 ? top.hour : null;
}

/** Paging through the ticket log: the cursors of the pages seen, to go back. */
export interface LogPaging {
  /** Cursor of each page shown so far; the first page has none. */
  cursors: (string | undefined)[];
}
export const firstPage = (): LogPaging => ({ cursors: [undefined] });
export const nextPage = (p: LogPaging, next: string): LogPaging => ({ cursors: [...p.cursors, next] });
export const previousPage = (p: LogPaging): LogPaging => ({ cursors: p.cursors.length > 1 ? p.cursors.slice(0, -1) : p.cursors });
export const currentCursor = (p: LogPaging): string | undefined => p.cursors.at(-1);

/** The time groupings a manager can pick, in the order offered. */
export const TIME_GROUPS: readonly TimeGroupBy[] = ['service', 'counter', 'staff', 'day', 'week', 'month'];

/**
 * The month the printable report opens on: the current one, month to date (issue #15: opening on
 * last month read as stale); the month field picks any other.
 */
export const defaultReportMonth = (today: string): string => today.slice(0, 7);

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The place-and-date line of an administrative document (Nghị định 30/2020/NĐ-CP, thể thức văn
 * bản): "An Phú, ngày 03 tháng 12 năm 2026" — a zero before days under 10 and before months 1
 * and 2. Without a place, dots for the pen, as on a printed form.
 */
export function placeDateLine(place: string, day: string, lang: Language): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const where = place.trim() || '……………';
  if (lang === 'en') return `${where}, ${d} ${MONTHS_EN[m - 1]} ${y}`;
  return `${where}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** What a centre writes on its monthly report besides the figures; kept in the browser between months (not the number). */
export interface DocumentFields {
  /** Số, ký hiệu: e.g. "15/BC-TTPVHCC". */
  number: string;
  /** Địa danh, e.g. "An Phú". */
  place: string;
  /** Chức vụ of the signer, e.g. "Giám đốc". */
  signerTitle: string;
  signerName: string;
}

export const emptyDocumentFields = (): DocumentFields => ({ number: '', place: '', signerTitle: '', signerName: '' });

/** A paired page or a bridge device not heard of for this long is flagged. */
export const STALE_AFTER_MS = 5 * 60_000;

/** How a device looks on the live view: fine, a problem to act on, or silent for too long. */
export function deviceHealth(d: { status: string | null; lastSeenAt: string | null }, now: Date): 'ok' | 'problem' | 'stale' | 'never' {
  if (d.lastSeenAt === null) return 'never';
  if (d.status !== null && d.status !== 'ok') return 'problem';
  // Printers and keypads report through their bridge's heartbeat; a kiosk or display is seen when it asks.
  return now.getTime() - Date.parse(d.lastSeenAt) > STALE_AFTER_MS ? 'stale' : 'ok';
}

/** The parts of the reports page, in the order of its tabs. */
export type ReportTab = 'live' | 'ratings' | 'times' | 'tickets' | 'appointments' | 'alerts' | 'monthly' | 'province';
export const REPORT_TABS: readonly ReportTab[] = ['live', 'ratings', 'times', 'tickets', 'appointments', 'alerts', 'monthly', 'province'];

/** The roles whose reports reach every centre (server/accounts/permissions.ts `PROVINCE_ROLES`). */
export const isProvinceRole = (role: string | undefined): boolean => role === 'province_manager' || role === 'province_admin';

/**
 * The tabs a role sees. The province tab (issue #13) is for the province roles: a centre's
 * manager would see a ranking of one (the API answers them their own centre only).
 */
export const tabsFor = (role: string | undefined): readonly ReportTab[] => REPORT_TABS.filter((t) => t !== 'province' || isProvinceRole(role));

/** The tab to show: the one asked for when the role has it, else the live view. */
export const tabFor = (tab: ReportTab, role: string | undefined): ReportTab => (tabsFor(role).includes(tab) ? tab : 'live');

/** The province report's ranking: a column and its direction. */
export interface ProvinceRanking {
  sort: ProvinceSort;
  order: SortOrder;
}

/** The ranking the page starts with: by the satisfied share, best first (the server's default). */
export const DEFAULT_RANKING: ProvinceRanking = { sort: 'satisfiedShare', order: PROVINCE_DEFAULT_ORDER.satisfiedShare };

/** A click on a column header: the same column turns the order round, another ranks by it best first. */
export const nextRanking = (current: ProvinceRanking, clicked: ProvinceSort): ProvinceRanking =>
  current.sort === clicked ? { sort: clicked, order: current.order === 'asc' ? 'desc' : 'asc' } : { sort: clicked, order: PROVINCE_DEFAULT_ORDER[clicked] };

/** The API path of the province report (the export links add `format` and `lang`). */
export const provinceReportPath = (range: ReportRange, ranking: ProvinceRanking): string => apiProvinceReportPath({ ...range, ...ranking });

/** `?tab=` of the page address; the live view when absent or unknown. */
export const parseTab = (value: string | null): ReportTab => ((REPORT_TABS as readonly string[]).includes(value ?? '') ? (value as ReportTab) : 'live');

/**
 * Who may open the reports: the roles that hold `reports:read` (server/accounts/permissions.ts), the
 * centre's managers and admins and the province roles. The server checks it again on every request.
 */
export const mayReadReports = (role: string): boolean => ['manager', 'admin', 'province_manager', 'province_admin'].includes(role);

/** A chart tall enough for one readable bar per group when there are many (officers, days). */
export const chartHeight = (groups: number): Record<string, string> => (groups > 12 ? { '--luot-chart-height': `${Math.min(80, 4 + groups * 1.2)}rem` } : {});

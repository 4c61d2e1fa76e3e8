import type { AppointmentReport, AppointmentReportRow, AppointmentSettings, Language } from '../../protocol/index.ts';
import type { ReportTable } from '../reports/table.models.ts';
import type { AppointmentRecord } from './appointments.port.ts';
import { isNoShow } from './check-in.models.ts';

/**
 * The appointments report (issue #14): per day, or per day and service, how many were booked
 * (not cancelled), cancelled, arrived (checked in within the window, or early as a walk-in),
 * checked in late (served as a walk-in), and no-shows (never checked in, window over). Pure.
 */
type Counts = Omit<AppointmentReportRow, 'day' | 'serviceId'>;
const zero = (): Counts => ({ booked: 0, cancelled: 0, arrived: 0, late: 0, noShows: 0 });

function add(into: Counts, a: AppointmentRecord, nowMs: number, settings: AppointmentSettings): void {
  if (a.state === 'cancelled') {
    into.cancelled++;
    return;
  }
  into.booked++;
  if (a.state === 'checked_in') {
    if (a.checkInKind === 'late_walk_in') into.late++;
    else into.arrived++;
  } else if (isNoShow(a, nowMs, settings)) into.noShows++;
}

export function appointmentReport(
  appointments: readonly AppointmentRecord[],
  query: { from: string; to: string; groupBy: 'day' | 'service' },
  nowMs: number,
  settings: AppointmentSettings,
): AppointmentReport {
  const rows = new Map<string, AppointmentReportRow>();
  const totals: AppointmentReportRow = { day: query.from, serviceId: null, ...zero() };
  for (const a of appointments) {
    const serviceId = query.groupBy === 'service' ? a.serviceId : null;
    const key = `${a.day}|${serviceId ?? ''}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { day: a.day, serviceId, ...zero() }));
    add(row, a, nowMs, settings);
    add(totals, a, nowMs, settings);
  }
  const sorted = [...rows.values()].sort((x, y) => x.day.localeCompare(y.day) || (x.serviceId ?? '').localeCompare(y.serviceId ?? ''));
  return { from: query.from, to: query.to, groupBy: query.groupBy, rows: sorted, totals };
}

const HEADERS: Record<Language, Record<keyof Counts | 'day' | 'service' | 'title' | 'total', string>> = {
  vi: {
    title: 'Lịch hẹn',
    day: 'Ngày',
    service: 'Lĩnh vực',
    booked: 'Đã đặt',
    cancelled: 'Đã huỷ',
    arrived: 'Đã đến',
    late: 'Đến muộn',
    noShows: 'Không đến',
    total: 'Tổng cộng',
  },
  en: {
    title: 'Appointments',
    day: 'Day',
    service: 'Service',
    booked: 'Booked',
    cancelled: 'Cancelled',
    arrived: 'Arrived',
    late: 'Late',
    noShows: 'No-shows',
    total: 'Total',
  },
};

/** The report as a table for the CSV export. */
export function appointmentTable(report: AppointmentReport, lang: Language, centreName: string, serviceName: (id: string) => string): ReportTable {
  const h = HEADERS[lang];
  const byService = report.groupBy === 'service';
  const counts = (r: AppointmentReportRow) => [r.booked, r.cancelled, r.arrived, r.late, r.noShows];
  return {
    title: h.title,
    caption: [centreName, `${report.from} – ${report.to}`],
    columns: [
      { header: h.day, kind: 'text' },
      ...(byService ? [{ header: h.service, kind: 'text' as const }] : []),
      ...(['booked', 'cancelled', 'arrived', 'late', 'noShows'] as const).map((k) => ({ header: h[k], kind: 'int' as const })),
    ],
    rows: report.rows.map((r) => [r.day, ...(byService ? [serviceName(r.serviceId ?? '')] : []), ...counts(r)]),
    footer: [h.total, ...(byService ? [''] : []), ...counts(report.totals)],
    fileName: `appointments-${report.from}-${report.to}`,
  };
}

import { describe, expect, it } from 'vitest';
import {
  bucketLabels,
  centreToday,
  chartHeight,
  currentCursor,
  defaultReportMonth,
  hoursChart,
  placeDateLine,
  deviceHealth,
  firstPage,
  formatNumber,
  formatShare,
  isValidRange,
  lastDayOfMonth,
  mayReadReports,
  nextPage,
  parseTab,
  presetRange,
  previousPage,
  reportPath,
} from '../../reports/reports-logic.ts';

const HCM = 'Asia/Ho_Chi_Minh';

describe('reports page logic', () => {
  it("takes today from the centre's clock, not the browser's", () => {
    // 23:30 UTC on the 16th is 06:30 on the 17th in Hồ Chí Minh City.
    expect(centreToday(new Date('2026-03-16T23:30:00Z'), HCM)).toBe('2026-03-17');
    expect(centreToday(new Date('2026-03-16T16:59:00Z'), HCM)).toBe('2026-03-16');
  });

  it('names ranges from the centre’s today', () => {
    const today = '2026-03-17';
    expect(presetRange('today', today)).toEqual({ from: today, to: today });
    expect(presetRange('last7', today)).toEqual({ from: '2026-03-11', to: today });
    expect(presetRange('last30', today)).toEqual({ from: '2026-02-16', to: today });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-03-01', to: today });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: today });
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    // The month to date (issue #15).
    expect(defaultReportMonth('2026-01-05')).toBe('2026-01');
    expect(defaultReportMonth('2026-12-31')).toBe('2026-12');
  });

  it('writes the place-and-date line as an administrative document does', () => {
    expect(placeDateLine('An Phú', '2026-12-03', 'vi')).toBe('An Phú, ngày 03 tháng 12 năm 2026');
    expect(placeDateLine('An Phú', '2026-02-15', 'vi')).toBe('An Phú, ngày 15 tháng 02 năm 2026');
    expect(placeDateLine('An Phú', '2026-03-09', 'vi')).toBe('An Phú, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine('  ', '2026-10-20', 'vi')).toBe('……………, ngày 20 tháng 10 năm 2026');
    expect(placeDateLine('An Phu', '2026-12-03', 'en')).toBe('An Phu, 3 December 2026');
  });

  it('accepts only whole, ordered ranges', () => {
    expect(isValidRange({ from: '2026-03-01', to: '2026-03-01' })).toBe(true);
    expect(isValidRange({ from: '2026-03-02', to: '2026-03-01' })).toBe(false);
    expect(isValidRange({ from: '', to: '2026-03-01' })).toBe(false);
  });

  it('builds report paths, leaving empty filters out', () => {
    expect(reportPath('demo', 'tickets', { from: '2026-03-01', to: '2026-03-31', serviceId: '', state: 'done', cursor: undefined, limit: 50 })).toBe(
      '/centres/demo/reports/tickets?from=2026-03-01&to=2026-03-31&state=done&limit=50',
    );
    expect(reportPath('demo', 'live')).toBe('/centres/demo/reports/live');
  });

  it('formats numbers and shares the Vietnamese or English way', () => {
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(null, 'vi')).toBe('–');
    expect(formatShare(0.7642, 'vi')).toBe('76,4 %');
    expect(formatShare(0.7642, 'en')).toBe('76.4%');
    expect(formatShare(null, 'en')).toBe('–');
    expect(bucketLabels([0, 5, 10])).toEqual(['0–5', '5–10', '10+']);
  });

  it('keeps the cursors of the ticket log pages to go back', () => {
    let p = firstPage();
    expect(currentCursor(p)).toBeUndefined();
    p = nextPage(p, 'c2');
    p = nextPage(p, 'c3');
    expect(currentCursor(p)).toBe('c3');
    p = previousPage(previousPage(previousPage(p)));
    expect(p.cursors).toEqual([undefined]);
  });

  it('flags devices with a problem, silent ones, and those never seen', () => {
    const now = new Date('2026-03-16T03:00:00Z');
    expect(deviceHealth({ status: 'ok', lastSeenAt: '2026-03-16T02:58:00Z' }, now)).toBe('ok');
    expect(deviceHealth({ status: null, lastSeenAt: '2026-03-16T02:50:00Z' }, now)).toBe('stale');
    expect(deviceHealth({ status: 'paper_out', lastSeenAt: '2026-03-16T02:59:00Z' }, now)).toBe('problem');
    expect(deviceHealth({ status: null, lastSeenAt: null }, now)).toBe('never');
  });

  it('opens on the live view, for managers and admins', () => {
    expect(parseTab('ratings')).toBe('ratings');
    expect(parseTab('nope')).toBe('live');
    expect(parseTab(null)).toBe('live');
    expect(['manager', 'admin', 'province_manager', 'province_admin', 'staff'].map(mayReadReports)).toEqual([true, true, true, true, false]);
    expect(chartHeight(5)).toEqual({});
    expect(chartHeight(37)).toEqual({ '--luot-chart-height': `${4 + 37 * 1.2}rem` });
  });

  it('charts the whole working day, quiet hours as zero bars, widened to hours with tickets', () => {
    const hour = (h: number, issued: number) => ({ hour: h, issued, perDay: issued, byWeekday: [] });
    const oneDay = {
      centreId: 'c',
      centreName: { vi: '', en: '' },
      timeZone: 'Asia/Ho_Chi_Minh',
      from: '2026-03-02',
      to: '2026-03-02',
      weekdays: [],
      openDays: 1,
    };
    const chart = hoursChart({ ...oneDay, hours: [hour(8, 4)] }, 'Phiếu/ngày');
    expect(chart.labels).toEqual(['07h', '08h', '09h', '10h', '11h', '12h', '13h', '14h', '15h', '16h', '17h']);
    expect(chart.datasets[0]!.data).toEqual([0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // A ticket at 06h and one at 19h widen the span.
    const wide = hoursChart({ ...oneDay, hours: [hour(6, 1), hour(9, 2), hour(19, 1)] }, 'x');
    expect(wide.labels[0]).toBe('06h');
    expect(wide.labels.at(-1)).toBe('19h');
    expect(wide.datasets[0]!.data).toHaveLength(14);
  });
});

/**
 * The reports API on the real server over a small, hand-computed history (report-scenario.ts,
 * played through the real use cases, and its ratings): figures, grouping, the ticket log's pages
 * and filters, validation, and the CSV / XLSX exports read back cell by cell.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRatingScreenToken } from '../../../server/demo/demo-accounts.ts';
import type { BusiestHours, RatingSummary, TicketLog, TimeSummary } from '../../../protocol/reports.schemas.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { SCENARIO_RATINGS, writeScenarioRatings } from '../../fixtures/report-ratings.ts';
import { local, MONDAY, playScenario, SCENARIO_FIGURES, TUESDAY, type PlayedScenario } from '../../fixtures/report-scenario.ts';
import { parseCsv } from '../../helpers/csv.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

const demo = {
  centreId: 'demo',
  s1: 'tu-phap-ho-tich',
  s2: 'dat-dai',
  counterA: 'quay-1',
  counterB: 'quay-3',
  officerA: { staffId: 'lan', role: 'staff' as const },
  officerB: { staffId: 'tuan', role: 'staff' as const },
};

let server: TestServer;
let played: PlayedScenario;
const clock = fakeClock(local(MONDAY, '07:00'));

beforeAll(async () => {
  server = await startTestServer({ clock });
  played = await playScenario({ ...server.deps, clock }, demo);
  writeScenarioRatings(server.config.dbFile, demo, played);
});
afterAll(() => server?.stop());

const get = async <T>(path: string, as: 'manager' | 'admin' = 'manager'): Promise<T> => {
  const res = await server.api(`/centres/demo/reports/${path}`, { as });
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
};
const monday = `from=${MONDAY}&to=${MONDAY}`;

describe('timeSummary', () => {
  it('gives the hand-computed Monday per service', async () => {
    const s = await get<TimeSummary>(`time-summary?${monday}`);
    expect(s).toMatchObject({ centreId: 'demo', from: MONDAY, to: MONDAY, timeZone: 'Asia/Ho_Chi_Minh', groupBy: 'service' });
    expect(s.totals).toMatchObject(SCENARIO_FIGURES.monday);
    const s1 = s.groups.find((g) => g.key === demo.s1)!;
    const f = SCENARIO_FIGURES.s1;
    expect(s1.name).toEqual({ vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' });
    expect(s1).toMatchObject({ issued: f.issued, served: f.served, noShow: f.noShow, transferred: f.transferred, expired: f.expired });
    expect(s1.wait).toMatchObject({ count: 3, p50Minutes: f.waitP50, p90Minutes: f.waitP90, maxMinutes: f.waitMax });
    expect(s1.service).toMatchObject({ p50Minutes: f.serviceP50, p90Minutes: f.serviceP90, maxMinutes: f.serviceMax });
    // Waits 16, 19, 20 min fall in the buckets [15,20) and [20,30).
    expect(s1.wait.distribution).toEqual([0, 0, 0, 2, 1, 0, 0, 0, 0, 0]);
    expect(s.groups.find((g) => g.key === demo.s2)).toMatchObject({ issued: 2, transferred: 1, expired: 1, wait: { p50Minutes: 16 } });
    // Services in the kiosk's order.
    expect(s.groups.map((g) => g.key)).toEqual([demo.s1, demo.s2]);
  });

  it('groups by counter without an "issued" column, and by day in the centre zone', async () => {
    const byCounter = await get<TimeSummary>(`time-summary?${monday}&groupBy=counter`);
    const a = byCounter.groups.find((g) => g.key === demo.counterA)!;
    expect(a).toMatchObject({ name: { vi: 'Quầy 1', en: 'Counter 1' }, issued: null, ...{ served: 2, noShow: 1 } });
    expect(byCounter.groups.at(-1)).toMatchObject({ key: '', name: { vi: 'Chưa đến quầy' } });

    // A5 at 23:30 Monday and T1 at 00:30 Tuesday: two days, not one.
    const byDay = await get<TimeSummary>(`time-summary?from=${MONDAY}&to=${TUESDAY}&groupBy=day`);
    expect(byDay.groups.map((g) => [g.key, g.name.vi, g.issued])).toEqual([
      [MONDAY, '16/03/2026', 7],
      [TUESDAY, '17/03/2026', 1],
    ]);
    const byWeek = await get<TimeSummary>(`time-summary?from=${MONDAY}&to=${TUESDAY}&groupBy=week`);
    expect(byWeek.groups.map((g) => [g.key, g.name.vi, g.issued])).toEqual([['2026-W12', 'Tuần 12/2026 (16/03–22/03)', 8]]);
  });

  it('refuses ranges that are backwards, too long or not calendar days', async () => {
    for (const q of [`from=${TUESDAY}&to=${MONDAY}`, 'from=2020-01-01&to=2026-01-01', 'from=2026-02-30&to=2026-03-01', 'groupBy=year', 'format=pdf']) {
      const res = await server.api(`/centres/demo/reports/time-summary?${q}`, { as: 'manager' });
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.code).toBe('request.invalid_payload');
    }
  });

  it('defaults to the 30 days ending today in the centre zone', async () => {
    const s = await get<TimeSummary>('time-summary');
    expect(s.to).toBe(TUESDAY);
    expect(s.from).toBe('2026-02-16');
  });
});

describe('busiestHours', () => {
  it('counts tickets by local hour of issue', async () => {
    const b = await get<BusiestHours>(`busiest-hours?from=${MONDAY}&to=${TUESDAY}`);
    const issued = Object.fromEntries(b.hours.filter((h) => h.issued > 0).map((h) => [h.hour, h.issued]));
    expect(issued).toEqual({ 0: 1, 8: 4, 9: 2, 23: 1 });
    expect(b.openDays).toBe(2);
    expect(b.hours[8]!.byWeekday).toEqual([4, 0, 0, 0, 0, 0, 0]);
    expect(b.weekdays.slice(0, 2).map((w) => w.issued)).toEqual([7, 1]);
  });
});

describe('ratingSummary', () => {
  it('gives satisfied share, response rate and refused presses per officer', async () => {
    const s = await get<RatingSummary>(`rating-summary?${monday}`);
    expect(s).toMatchObject({ scale: 4, groupBy: 'staff' });
    expect(s.totals).toMatchObject(SCENARIO_RATINGS.monday);
    expect(s.totals.levels).toEqual({ very_satisfied: 1, satisfied: 1, neutral: 0, dissatisfied: 1 });
    expect(s.totals.rejected).toEqual({ rejected_disarmed: 1, rejected_late: 0, rejected_already_rated: 1, rejected_invalid: 0 });
    const lan = s.groups.find((g) => g.key === 'lan')!;
    expect(lan).toMatchObject({ name: { vi: 'Nguyễn Thị Lan' }, rated: 2, served: 2, satisfiedShare: 1, responseRate: 1, rejectedTotal: 1 });
    const tuan = s.groups.find((g) => g.key === 'tuan')!;
    expect(tuan).toMatchObject({ rated: 1, served: 1, satisfiedShare: 0, responseRate: 1 });
    // The press at an idle counter has no officer.
    expect(s.groups.find((g) => g.key === '')).toMatchObject({ name: { vi: 'Không có cán bộ' }, rejectedTotal: 1, rated: 0 });
  });

  it('groups by service and counter', async () => {
    const byService = await get<RatingSummary>(`rating-summary?${monday}&groupBy=service`);
    expect(byService.groups.find((g) => g.key === demo.s1)).toMatchObject({ rated: 3, served: 3, satisfiedShare: 0.6667 });
    const byCounter = await get<RatingSummary>(`rating-summary?${monday}&groupBy=counter`);
    expect(byCounter.groups.map((g) => [g.key, g.rated, g.rejectedTotal])).toEqual([
      [demo.counterA, 2, 1],
      [demo.counterB, 1, 1],
    ]);
  });
});

describe('ticketLog', () => {
  it('pages through the range newest first with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: TicketLog = await get<TicketLog>(`tickets?${monday}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((t) => t.number));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['A005', 'B002', 'A004', 'A003', 'B001', 'A002', 'A001']);
  });

  it('shows each ticket with its times, wait, service and rating', async () => {
    const log = await get<TicketLog>(`tickets?${monday}&limit=50`);
    const a1 = log.items.find((t) => t.number === 'A001')!;
    expect(a1).toMatchObject({
      state: 'done',
      counterId: demo.counterA,
      staffId: 'lan',
      waitMinutes: 20,
      serviceMinutes: 8,
      rating: 'very_satisfied',
      issuedAt: new Date(local(MONDAY, '08:00')).toISOString(),
      firstCalledAt: new Date(local(MONDAY, '08:20')).toISOString(),
    });
    const b1 = log.items.find((t) => t.number === 'B001')!;
    expect(b1).toMatchObject({ issuedServiceId: demo.s2, serviceId: demo.s1, transferCount: 1, waitMinutes: 16, serviceMinutes: 10, rating: 'satisfied' });
    expect(log.officers).toContainEqual({ id: 'lan', name: 'Nguyễn Thị Lan' });
  });

  it('filters by state, counter, officer and service', async () => {
    const numbers = async (q: string) => (await get<TicketLog>(`tickets?${monday}&${q}`)).items.map((t) => t.number).sort();
    expect(await numbers('state=expired')).toEqual(['A004', 'A005', 'B002']);
    expect(await numbers(`counterId=${demo.counterA}`)).toEqual(['A001', 'A003', 'B001']);
    expect(await numbers('staffId=tuan')).toEqual(['A002']);
    // Issued for the service or ended in it.
    expect(await numbers(`serviceId=${demo.s2}`)).toEqual(['B001', 'B002']);
  });

  it('refuses a cursor it did not give', async () => {
    const res = await server.api(`/centres/demo/reports/tickets?${monday}&cursor=bm9wZQ`, { as: 'manager' });
    expect(res.status).toBe(400);
  });
});

describe('exports', () => {
  const download = async (path: string) => {
    const res = await server.api(`/centres/demo/reports/${path}`, { as: 'manager' });
    expect(res.status, path).toBe(200);
    return res;
  };

  it('CSV: UTF-8 with a BOM, named for its table, the same cells as the report', async () => {
    const res = await download(`time-summary?${monday}&format=csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="luot-times-service-${MONDAY}_${MONDAY}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(rows[0]!.slice(0, 6)).toEqual(['Lĩnh vực', 'Số phiếu cấp', 'Đã phục vụ', 'Vắng mặt', 'Chuyển đi', 'Hết hạn']);
    expect(rows[0]![8]).toBe('Chờ p50 (phút)');
    const s1 = rows.find((r) => r[0] === 'Tư pháp – Hộ tịch')!;
    // issued, served, no-show, transferred, expired; waits: count 3, mean 18.3, p50 19, p90 20, max 20.
    expect(s1.slice(1, 11)).toEqual(['5', '3', '1', '0', '2', '3', '18.3', '19', '20', '20']);
    expect(rows.at(-1)!.slice(0, 6)).toEqual(['Tổng cộng', '7', '3', '1', '1', '3']);
    expect(rows).toHaveLength(4); // header, two services, totals
  });

  it('XLSX: opened again by exceljs, header and cells in place, English on request', async () => {
    const res = await download(`rating-summary?${monday}&format=xlsx&lang=en`);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="luot-ratings-staff-${MONDAY}_${MONDAY}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Citizen satisfaction – Officer');
    expect(sheet.getCell('A2').value).toBe('An Phu Commune Public Administrative Service Centre');
    expect(sheet.getCell('A3').value).toBe('From 16/03/2026 to 16/03/2026 (Asia/Ho_Chi_Minh time)');
    const header = sheet.getRow(4).values as unknown[];
    expect(header.slice(1, 10)).toEqual([
      'Officer',
      'Very satisfied',
      'Satisfied',
      'Neutral',
      'Dissatisfied',
      'Ratings',
      'Served',
      'Satisfied (%)',
      'Response rate (%)',
    ]);
    const rowOf = (name: string) => sheet.getRows(5, sheet.rowCount - 4)!.find((r) => r.getCell(1).value === name)!;
    const lan = rowOf('Nguyễn Thị Lan');
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((c) => lan.getCell(c).value)).toEqual([1, 1, 0, 0, 2, 2, 100, 100]);
    const total = rowOf('Total');
    expect([6, 7, 8, 9].map((c) => total.getCell(c).value)).toEqual([3, 3, 66.7, 100]);
    expect(total.font?.bold).toBe(true);
  });

  it('XLSX of the ticket log: local wall-clock times as Excel dates', async () => {
    const res = await download(`tickets?${monday}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(4).getCell(1).value).toBe('Số');
    const a1 = sheet.getRows(5, 7)!.find((r) => r.getCell(1).value === 'A001')!;
    expect(a1.getCell(3).value).toBe('Tư pháp – Hộ tịch');
    expect(a1.getCell(5).value).toBe('Đã hoàn thành');
    // 08:00 in Hồ Chí Minh City, whatever the zone of the server or of the spreadsheet.
    expect((a1.getCell(6).value as Date).toISOString()).toBe('2026-03-16T08:00:00.000Z');
    expect(a1.getCell(6).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(a1.getCell(14).value).toBe(20);
    expect(a1.getCell(16).value).toBe('Rất hài lòng');
    expect(sheet.rowCount).toBe(4 + 7);
  });

  it('CSV of busiest hours: one row per hour, a column per weekday', async () => {
    const res = await download(`busiest-hours?from=${MONDAY}&to=${TUESDAY}&format=csv&lang=en`);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['Hour', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Total', 'Per open day']);
    expect(rows[9]).toEqual(['08:00–08:59', '4', '0', '0', '0', '0', '0', '0', '4', '2']);
    expect(rows[1]).toEqual(['00:00–00:59', '0', '1', '0', '0', '0', '0', '0', '1', '0.5']);
  });
});

describe('liveReport', () => {
  it('shows the counters held, who holds them and the devices', async () => {
    const live = await get<{ counters: { counterId: string; status: string; staffName: string | null }[]; devices: { kind: string }[]; businessDay: string }>(
      'live',
    );
    expect(live.businessDay).toBe(TUESDAY);
    expect(live.counters.find((c) => c.counterId === demo.counterA)).toMatchObject({ status: 'open', staffName: 'Nguyễn Thị Lan' });
    // The demo's kiosk, display, bridge and dossier-system token (issue #14), and a rating screen per counter (issue #10).
    expect(live.devices.map((d) => d.kind).sort()).toEqual(['bridge', 'display', 'integration', 'kiosk', ...Array(6).fill('rating-screen')]);
  });

  it('is for managers and admins only', async () => {
    expect((await server.api('/centres/demo/reports/live', { as: 'staff' })).status).toBe(403);
    expect((await server.api('/centres/demo/reports/live', { as: 'anonymous' })).status).toBe(401);
  });
});

describe('with ratings recorded the real way (issue #5)', () => {
  it('counts a rating given on the rating screen right after the finish', async () => {
    const live = await startTestServer();
    try {
      await live.openCounter('quay-2', 'hung');
      const issued = await live.api('/centres/demo/tickets', { json: { serviceId: 'lao-dong-xa-hoi' } });
      const ticketId = (await issued.json()).ticket.id as string;
      for (const action of ['call', 'finish']) {
        const res = await live.api(`/centres/demo/counters/quay-2/${action}`, { json: action === 'call' ? { ticketId } : {}, as: 'hung' });
        expect(res.status, action).toBe(200);
      }
      // Quay-2's rating screen, a paired device (issue #10: never the officer's session).
      const rated = await fetch(`${live.url}/api/centres/demo/ratings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demoRatingScreenToken('quay-2')}` },
        body: JSON.stringify({ counterId: 'quay-2', level: 2, idempotencyKey: 'reports-test-0001', source: 'screen' }),
      });
      expect((await rated.json()).outcome).toBe('accepted');
      const res = await live.api('/centres/demo/reports/rating-summary?groupBy=service', { as: 'manager' });
      const s = (await res.json()) as RatingSummary;
      expect(s.totals).toMatchObject({ rated: 1, served: 1, satisfied: 1, satisfiedShare: 1, responseRate: 1 });
      expect(s.groups.find((g) => g.key === 'lao-dong-xa-hoi')?.levels.satisfied).toBe(1);
      const log = (await (await live.api('/centres/demo/reports/tickets', { as: 'manager' })).json()) as TicketLog;
      expect(log.items.find((t) => t.id === ticketId)?.rating).toBe('satisfied');
    } finally {
      await live.stop();
    }
  });
});

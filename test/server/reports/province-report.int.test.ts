import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingGrade } from '../../../protocol/index.ts';
import { hashPassword } from '../../../server/accounts/password.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import type { DailyRollupRow } from '../../../server/reports/time-summary.models.ts';
import { hcmCentre } from '../../fixtures/centres.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { parseCsv } from '../../helpers/csv.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { dailyRollup, durations } from '../../fixtures/rollups.ts';

/**
 * The province report over HTTP (issue #13): two centres with known rollups and ratings, read by
 * a province manager (both, ranked), by each centre's manager (their own only), and refused to
 * officers, devices and nobody; the CSV and XLSX read back.
 */
const rollup = (businessDay: string, over: Partial<DailyRollupRow>): DailyRollupRow => dailyRollup({ businessDay, serviceId: 'dat-dai', ...over });

let server: TestServer;
let province: Record<string, string>;
let hcmManager: Record<string, string>;
let n = 0;

async function rate(centreId: string, businessDay: string, grade: RatingGrade, count: number) {
  for (let i = 0; i < count; i++) {
    const id = `province-r${++n}`;
    const at = Date.parse(`${businessDay}T09:00:00+07:00`);
    await server.deps.store.runInTx({ centreId }, (tx) =>
      tx.insertRating({
        id,
        centreId,
        ticketId: `t-${id}`,
        counterId: 'quay-1',
        staffId: 'lan',
        serviceId: 'dat-dai',
        businessDay,
        level: 1,
        scale: 4,
        grade,
        satisfied: grade === 'very_satisfied' || grade === 'satisfied',
        source: 'api',
        idempotencyKey: `api:${id}`,
        pressedAtMs: at,
        createdAtMs: at,
      }),
    );
  }
}

async function account(staffId: string, username: string, role: 'manager' | 'province_manager') {
  await server.deps.store.runInTx({ centreId: 'hcm' }, (tx) => tx.upsertStaff({ id: staffId, centreId: 'hcm', name: username }));
  await server.deps.store.setAccount('hcm', staffId, {
    username,
    passwordHash: await hashPassword(`${username}-password`),
    role,
    active: true,
    mustChangePassword: false,
  });
  return loginHeaders(server.url, username, `${username}-password`);
}

beforeAll(async () => {
  server = await startTestServer();
  await installCentre(server.deps.store, hcmCentre);
  // demo: 10 issued, 8 served, 1 no-show; waits 5 5 5 5 10 10 10 30; services 4 4 4 4 6 6 6 6.
  await server.deps.store.runInTx({ centreId: 'demo' }, (tx) =>
    tx.addToRollups(
      'demo',
      [rollup('2026-03-10', { issued: 10, served: 8, noShow: 1, wait: durations(5, 5, 5, 5, 10, 10, 10, 30), service: durations(4, 4, 4, 4, 6, 6, 6, 6) })],
      [],
    ),
  );
  // hcm: 4 issued, 4 served; waits 2 2 3 3; services 10 10 10 12; and a day after the range.
  await server.deps.store.runInTx({ centreId: 'hcm' }, (tx) =>
    tx.addToRollups(
      'hcm',
      [
        rollup('2026-03-10', { serviceId: 'ho-tich', issued: 4, served: 4, wait: durations(2, 2, 3, 3), service: durations(10, 10, 10, 12) }),
        rollup('2026-04-02', { serviceId: 'ho-tich', issued: 100, served: 100, wait: durations(60), service: durations(60) }),
      ],
      [],
    ),
  );
  await rate('demo', '2026-03-10', 'very_satisfied', 4);
  await rate('demo', '2026-03-10', 'dissatisfied', 1);
  await rate('hcm', '2026-03-10', 'satisfied', 3);
  await rate('hcm', '2026-03-10', 'neutral', 1);
  await rate('hcm', '2026-04-02', 'dissatisfied', 5);
  // The demo centre's ratings were summed into the rating rollup at start (settled days): these
  // seeded ones, written after, are summed again on the next read, like after a rebuild.
  for (const centreId of ['demo', 'hcm']) await server.deps.store.runInTx({ centreId }, (tx) => tx.clearRatingRollup(centreId));
  province = await account('tinh', 'tinh-manager', 'province_manager');
  hcmManager = await account('hung-manager', 'hcm-manager', 'manager');
});
afterAll(() => server?.stop());

const RANGE = 'from=2026-03-01&to=2026-03-31';
const get = (query: string, headers: Record<string, string>) => fetch(`${server.url}/api/province/reports/centres?${query}`, { headers });

const DEMO = {
  centreId: 'demo',
  from: '2026-03-01',
  to: '2026-03-31',
  issued: 10,
  served: 8,
  noShow: 1,
  rated: 5,
  satisfied: 4,
  satisfiedShare: 0.8,
  responseRate: 0.625,
  waitMeanMinutes: 10,
  waitP90Minutes: 30,
  serviceMeanMinutes: 5,
  serviceP90Minutes: 6,
};
const HCM = {
  centreId: 'hcm',
  from: '2026-03-01',
  to: '2026-03-31',
  issued: 4,
  served: 4,
  noShow: 0,
  rated: 4,
  satisfied: 3,
  satisfiedShare: 0.75,
  responseRate: 1,
  waitMeanMinutes: 2.5,
  waitP90Minutes: 3,
  serviceMeanMinutes: 10.5,
  serviceP90Minutes: 12,
};

describe('GET /api/province/reports/centres', () => {
  it('a province manager sees both centres, ranked by the satisfied share by default, and the province total', async () => {
    const res = await get(RANGE, province);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ from: '2026-03-01', to: '2026-03-31', sort: 'satisfiedShare', order: 'desc' });
    expect(body.centres).toEqual([
      { rank: 1, centreName: { vi: 'Trung tâm Phục vụ hành chính công xã An Phú', en: expect.any(String) }, timeZone: 'Asia/Ho_Chi_Minh', ...DEMO },
      { rank: 2, centreName: { vi: 'Trung tâm xã Tân Phú', en: 'Tan Phu Centre' }, timeZone: 'Asia/Ho_Chi_Minh', ...HCM },
    ]);
    // 12 waits 2 2 3 3 5 5 5 5 10 10 10 30: mean 7.5, p90 at rank 11 → 10; services sum 82 / 12 → 6.8, p90 10.
    expect(body.totals).toEqual({
      issued: 14,
      served: 12,
      noShow: 1,
      rated: 9,
      satisfied: 7,
      satisfiedShare: 0.7778,
      responseRate: 0.75,
      waitMeanMinutes: 7.5,
      waitP90Minutes: 10,
      serviceMeanMinutes: 6.8,
      serviceP90Minutes: 10,
    });
  });

  it('ranks by any column, best first by default, or in the order asked', async () => {
    const ranking = async (query: string) => (await (await get(`${RANGE}&${query}`, province)).json()).centres.map((c: any) => [c.rank, c.centreId]);
    expect(await ranking('sort=waitMean')).toEqual([
      [1, 'hcm'],
      [2, 'demo'],
    ]);
    expect(await ranking('sort=waitMean&order=desc')).toEqual([
      [1, 'demo'],
      [2, 'hcm'],
    ]);
    expect(await ranking('sort=responseRate')).toEqual([
      [1, 'hcm'],
      [2, 'demo'],
    ]);
    expect(await ranking('sort=issued&order=asc')).toEqual([
      [1, 'hcm'],
      [2, 'demo'],
    ]);
    expect(await ranking('sort=name')).toEqual([
      [1, 'demo'],
      [2, 'hcm'],
    ]);
  });

  it('a centre’s manager reads their own centre only; officers, devices and nobody are refused', async () => {
    const own = async (headers: Record<string, string>) => (await (await get(RANGE, headers)).json()).centres.map((c: any) => c.centreId);
    expect(await own(await server.credentials('manager'))).toEqual(['demo']);
    expect(await own(await server.credentials('admin'))).toEqual(['demo']);
    expect(await own(hcmManager)).toEqual(['hcm']);
    expect((await get(RANGE, await server.credentials('staff'))).status).toBe(403);
    expect((await get(RANGE, await server.credentials('kiosk'))).status).toBe(403);
    expect((await get(RANGE, {})).status).toBe(401);
  });

  it('refuses a bad range or column with a 400 naming it', async () => {
    const bad = async (query: string) => {
      const res = await get(query, province);
      return [res.status, (await res.json()).error.message];
    };
    expect(await bad('from=2026-03-31&to=2026-03-01')).toEqual([400, 'from: must not be after `to`']);
    expect(await bad('from=2020-01-01&to=2026-03-01')).toEqual([400, 'from: a range covers at most 1096 days']);
    expect((await bad(`${RANGE}&sort=rating`))[0]).toBe(400);
    expect((await bad(`${RANGE}&order=up`))[0]).toBe(400);
  });

  it('exports CSV with Vietnamese headers by default, rows in rank order and the total', async () => {
    const res = await get(`${RANGE}&sort=waitMean&format=csv`, province);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="luot-province-centres-waitMean-2026-03-01_2026-03-31.csv"');
    // fetch's text() drops the byte-order mark: decode it as a spreadsheet would read it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      [
        'Hạng',
        'Trung tâm',
        'Số phiếu cấp',
        'Đã phục vụ',
        'Vắng mặt',
        'Số đánh giá',
        'Tỷ lệ hài lòng (%)',
        'Tỷ lệ đánh giá (%)',
        'Chờ TB (phút)',
        'Chờ p90 (phút)',
        'Phục vụ TB (phút)',
        'Phục vụ p90 (phút)',
      ],
      ['1', 'Trung tâm xã Tân Phú', '4', '4', '0', '4', '75', '100', '2.5', '3', '10.5', '12'],
      ['2', 'Trung tâm Phục vụ hành chính công xã An Phú', '10', '8', '1', '5', '80', '62.5', '10', '30', '5', '6'],
      ['', 'Toàn tỉnh', '14', '12', '1', '9', '77.8', '75', '7.5', '10', '6.8', '10'],
    ]);
    const en = parseCsv(await (await get(`${RANGE}&format=csv&lang=en`, province)).text());
    expect(en[0]!.slice(0, 3)).toEqual(['Rank', 'Centre', 'Tickets issued']);
    expect(en[1]!.slice(0, 2)).toEqual(['1', 'An Phu Commune Public Administrative Service Centre']);
  });

  it('exports XLSX with numbers as numbers', async () => {
    const res = await get(`${RANGE}&format=xlsx`, province);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    // Title, three caption lines, the header, then the rows.
    expect(sheet.getRow(1).getCell(1).value).toBe('Báo cáo toàn tỉnh – so sánh các trung tâm');
    expect(sheet.getRow(2).getCell(1).value).toBe('2 trung tâm');
    expect(sheet.getRow(5).getCell(2).value).toBe('Trung tâm');
    expect(sheet.getRow(6).values).toEqual([undefined, 1, 'Trung tâm Phục vụ hành chính công xã An Phú', 10, 8, 1, 5, 80, 62.5, 10, 30, 5, 6]);
    expect(sheet.getRow(7).getCell(2).value).toBe('Trung tâm xã Tân Phú');
    expect(sheet.getRow(8).getCell(2).value).toBe('Toàn tỉnh');
  });
});

/**
 * The reports page in a real browser: a manager logs in at /reports, picks the seeded range and
 * sees the hand-computed summary in the table and the charts drawn; the XLSX and CSV exports
 * download (Playwright's download event) and read back cell by cell; the live view and the
 * printable monthly report render; an officer is told the page is not for them.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fakeClock } from '../fakes/clock.fake.ts';
import { local, MONDAY, playScenario } from '../fixtures/report-scenario.ts';
import { parseCsv } from '../helpers/csv.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

const demo = {
  centreId: 'demo',
  s1: 'tu-phap-ho-tich',
  s2: 'dat-dai',
  counterA: 'quay-1',
  counterB: 'quay-3',
  officerA: { staffId: 'lan', role: 'staff' as const },
  officerB: { staffId: 'tuan', role: 'staff' as const },
};

async function login(page: Page, username: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('luot-demo');
  await page.getByTestId('login-submit').click();
}

/** The cells of a report table row, as shown. */
const cells = (page: Page, table: string, key: string) =>
  page.locator(`[data-testid="${table}"] [data-testid="report-row"][data-key="${key}"] td`).allTextContents();

describeInBrowser('reports page (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    // The scenario's Monday and Tuesday, through the real use cases on the running server's store.
    const clock = fakeClock(local(MONDAY, '07:00'));
    await playScenario({ ...stack.server.deps, clock }, demo);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('renders the times summary of a seeded range and downloads its exports', async () => {
    const page = await stack.open('/reports?tab=times');
    await login(page, 'ha');
    await page.getByTestId('range-from').fill(MONDAY);
    await page.getByTestId('range-to').fill(MONDAY);

    // Tư pháp – Hộ tịch: 5 issued, 3 served, 1 no-show, 0 transferred, 2 expired; waits p50 19, p90 20, max 20.
    await expect
      .poll(() => cells(page, 'times-table', demo.s1), poll)
      .toEqual(['Tư pháp – Hộ tịch', '5', '3', '1', '0', '2', '19', '20', '20', '18,3', '8', '10', '10']);
    expect(await page.locator('[data-testid="times-table"] [data-testid="report-total"] td').allTextContents()).toEqual([
      'Tổng cộng',
      '7',
      '3',
      '1',
      '1',
      '3',
      '16',
      '20',
      '20',
      '17,8',
      '8',
      '10',
      '10',
    ]);
    expect(await page.getByTestId('peak-hour').textContent()).toBe('Đông nhất vào khung 08 giờ.');
    // Charts are drawn next to the tables.
    const canvases = page.locator('luot-report-times luot-report-chart canvas');
    await expect.poll(() => canvases.count(), poll).toBe(3);
    expect((await canvases.first().boundingBox())!.height).toBeGreaterThan(100);
    // One day's busiest hours: the whole working day, not one bar for the one busy hour (issue #15).
    // (The seeded Monday has tickets until 23h, which widens the span.)
    expect(await page.locator('[data-testid="hours-chart"] canvas').getAttribute('data-labels')).toBe(
      Array.from({ length: 17 }, (_, i) => `${String(7 + i).padStart(2, '0')}h`).join(' '),
    );

    // XLSX: the download the browser makes, opened again by exceljs.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-times-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`luot-times-service-${MONDAY}_${MONDAY}.xlsx`);
    const wb = new ExcelJS.Workbook();
    const file = await readFile((await xlsx.path())!);
    await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('Thời gian chờ và phục vụ – Lĩnh vực');
    expect(sheet.getCell('A2').value).toBe('Trung tâm Phục vụ hành chính công xã An Phú');
    expect(sheet.getRow(4).getCell(2).value).toBe('Số phiếu cấp');
    const s1 = sheet.getRow(5);
    expect([1, 2, 3, 4, 5, 6, 9, 10].map((c) => s1.getCell(c).value)).toEqual(['Tư pháp – Hộ tịch', 5, 3, 1, 0, 2, 19, 20]);

    // CSV, in English: the same figures.
    await page.getByRole('button', { name: 'English' }).first().click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-hours-csv').click()]);
    expect(csv.suggestedFilename()).toBe(`luot-busiest-hours-${MONDAY}_${MONDAY}.csv`);
    const bytes = await readFile((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]![0]).toBe('Hour');
    expect(rows[9]).toEqual(['08:00–08:59', '4', '0', '0', '0', '0', '0', '0', '4', '4']);
    expect(stack.pageErrors).toEqual([]);
  });

  it('shows today live, the ticket log and a printable monthly report', async () => {
    const page = await stack.open('/reports');
    // Same browser: still logged in as the manager.
    await expect
      .poll(() => page.getByTestId('live-counters').locator('[data-key="quay-1"] td').allTextContents(), poll)
      .toEqual(['Quầy số 1', 'Đang mở', 'Nguyễn Thị Lan', '–']);
    // The demo's devices: kiosk, hall display, bridge, the dossier system's token and a rating screen per counter (6).
    expect(await page.getByTestId('live-devices').locator('[data-testid="report-row"]').count()).toBe(10);

    await page.getByTestId('tab-tickets').click();
    await page.getByTestId('range-from').fill(MONDAY);
    await page.getByTestId('range-to').fill(MONDAY);
    await page.getByTestId('log-filter-state').selectOption('expired');
    await expect
      .poll(() => page.locator('[data-testid="tickets-table"] [data-testid="report-row"] td:first-child').allTextContents(), poll)
      .toEqual(['A005', 'B002', 'A004']);
    // The page has the export's columns and says the states in the export's words (issue #15).
    const headers = await page.locator('[data-testid="tickets-table"] th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Trạng thái', 'Ưu tiên', 'Số lần chuyển']));
    const stateColumn = headers.indexOf('Trạng thái') + 1;
    expect(await page.locator(`[data-testid="tickets-table"] [data-testid="report-row"] td:nth-child(${stateColumn})`).allTextContents()).toEqual([
      'Đã hết hạn',
      'Đã hết hạn',
      'Đã hết hạn',
    ]);

    await page.getByTestId('tab-monthly').click();
    // It opens on the current month (the centre's), month to date.
    const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 7);
    await expect.poll(() => page.getByTestId('monthly-month').inputValue(), poll).toBe(thisMonth);
    await page.getByTestId('monthly-month').fill('2026-03');
    // The parts of an administrative report: number, place and date, signature block.
    await page.getByTestId('monthly-doc-number').fill('15/BC-TTPVHCC');
    await page.getByTestId('monthly-doc-place').fill('An Phú');
    await page.getByTestId('monthly-doc-signerTitle').fill('Giám đốc');
    await page.getByTestId('monthly-doc-signerName').fill('Phạm Thu Hà');
    expect(await page.getByTestId('monthly-number').textContent()).toBe('Số: 15/BC-TTPVHCC');
    expect(await page.getByTestId('monthly-place-date').textContent()).toMatch(/^An Phú, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);
    await expect.poll(() => page.getByTestId('monthly-overview').textContent(), poll).toContain('cấp 8 phiếu và phục vụ 3 lượt');
    expect(await page.getByTestId('monthly-report').locator('h1').textContent()).toBe('Báo cáo tình hình tiếp nhận và giải quyết tháng 03/2026');
    expect((await page.getByTestId('monthly-signature').innerText()).split('\n').filter(Boolean)).toEqual(['GIÁM ĐỐC', '(Ký, ghi rõ họ tên)', 'Phạm Thu Hà']);
    // Printed, only the report remains: no header, tabs or controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('luot-reports-app nav').isVisible()).toBe(false);
    expect(await page.getByTestId('monthly-print').isVisible()).toBe(false);
    expect(await page.getByTestId('monthly-report').isVisible()).toBe(true);
    expect(await page.getByTestId('monthly-doc-place').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // Place and signer are remembered for next month; the number is not.
    await page.reload();
    await page.getByTestId('tab-monthly').click();
    await expect.poll(() => page.getByTestId('monthly-doc-place').inputValue(), poll).toBe('An Phú');
    expect(await page.getByTestId('monthly-doc-number').inputValue()).toBe('');
    expect(stack.pageErrors).toEqual([]);
  });

  it('tells an officer the page is for managers', async () => {
    const pc = await stack.newBrowser();
    const page = await pc.open('/reports');
    await login(page, 'lan');
    await expect.poll(() => page.getByTestId('reports-only').textContent(), poll).toBe('Trang báo cáo dành cho lãnh đạo, quản lý và quản trị viên.');
  });
});

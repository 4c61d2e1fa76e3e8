/**
 * Export progress in the reports page (issue #15), in chromium at 1440×900: a month of 12 000
 * tickets downloaded from the ticket log on a slowed network shows a progress bar with its rows
 * (role=progressbar, aria-valuenow of aria-valuemax), is cancelled with Escape from the keyboard,
 * then downloads in full: the browser's download event, the server's file name, every row. The
 * XLSX downloads too and opens in exceljs with the same rows.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTicket } from '../fixtures/tickets.ts';
import { parseCsv } from '../helpers/csv.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

const FROM = '2026-10-01';
const TO = '2026-10-31';
const TICKETS = 12_000;

async function login(page: Page, username: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('luot-demo');
  await page.getByTestId('login-submit').click();
}

/** A busy October at the demo centre: tickets of every working day, expired at day end. */
async function seedMonth(stack: Stack) {
  const perDay = Math.ceil(TICKETS / 30);
  let n = 0;
  for (let day = 1; n < TICKETS; day++) {
    const businessDay = `2026-10-${String(day).padStart(2, '0')}`;
    await stack.server.deps.store.runInTx({ centreId: 'demo' }, async (tx) => {
      for (let i = 0; i < perDay && n < TICKETS; i++, n++) {
        const ticket = makeTicket({
          id: `oct-${n}`,
          centreId: 'demo',
          serviceId: i % 2 ? 'dat-dai' : 'tu-phap-ho-tich',
          businessDay,
          seq: i + 1,
          number: `${i % 2 ? 'B' : 'A'}${String(i + 1).padStart(3, '0')}`,
          state: 'expired',
          issuedAt: new Date(Date.parse(`${businessDay}T07:30:00+07:00`) + i * 60_000).toISOString(),
        });
        await tx.insertTicket(ticket);
      }
    });
  }
}

const bytesOf = async (download: { path(): Promise<string | null> }) => readFile((await download.path())!);

describeInBrowser('report export progress (chromium, 1440×900)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await seedMonth(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows a progress bar, cancels from the keyboard, then saves the whole month', async () => {
    const page = await stack.open('/reports?tab=tickets');
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'ha');
    await page.getByTestId('range-from').fill(FROM);
    await page.getByTestId('range-to').fill(TO);
    const csvLink = page.getByTestId('export-tickets-csv');
    await expect.poll(() => csvLink.getAttribute('href'), poll).toContain(`from=${FROM}&to=${TO}`);

    // A slow line (≈ 200 kB/s), so the bar is there to be seen.
    const cdp = await stack.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const throttle = (bytesPerSecond: number) =>
      cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: bytesPerSecond, uploadThroughput: -1 });
    await throttle(200 * 1024);

    const bar = page.getByRole('progressbar');
    // Keyboard: Enter on the focused link starts it, Escape cancels it.
    await csvLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), poll).toBeGreaterThan(0);
    expect(await bar.getAttribute('aria-valuemax')).toBe(String(TICKETS));
    expect(await bar.getAttribute('aria-label')).toBe('Tiến độ tải tệp CSV');
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^[\d.]+ \/ 12\.000 dòng$/);
    expect(await bar.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('export-tickets-message').textContent(), poll).toBe('Đã hủy tải về.');
    expect(await bar.count()).toBe(0);

    // Again with the mouse, to the end: the bar moves, then the file is saved.
    const downloaded = page.waitForEvent('download', { timeout: 60_000 });
    await csvLink.click();
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), poll).toBeGreaterThan(0);
    const seen = Number(await bar.getAttribute('aria-valuenow'));
    expect(seen).toBeLessThan(TICKETS);
    await page.getByTestId('export-tickets-cancel').waitFor();
    await throttle(-1);
    const csv = await downloaded;
    expect(csv.suggestedFilename()).toBe(`luot-ticket-log-${FROM}_${TO}.csv`);
    const bytes = await bytesOf(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]![0]).toBe('Số');
    expect(rows).toHaveLength(1 + TICKETS);
    await expect.poll(() => page.getByTestId('export-tickets-message').textContent(), poll).toBe(`Đã tải xong luot-ticket-log-${FROM}_${TO}.csv.`);

    // XLSX, in English this time.
    await page.getByRole('button', { name: 'English' }).first().click();
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-tickets-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`luot-ticket-log-${FROM}_${TO}.xlsx`);
    const file = await bytesOf(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(4 + TICKETS);
    await expect.poll(() => page.getByTestId('export-tickets-message').textContent(), poll).toBe(`Downloaded luot-ticket-log-${FROM}_${TO}.xlsx.`);
    expect(stack.pageErrors).toEqual([]);
  });
});

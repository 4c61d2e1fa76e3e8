/**
 * The province tab in a real browser (issue #13): a province manager logs in at /reports, opens
 * "Toàn tỉnh", sees both centres ranked by the satisfied share, clicks the mean wait header and
 * sees them ranked the other way; a centre's manager has no such tab.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RatingGrade } from '../../protocol/index.ts';
import { hashPassword } from '../../server/accounts/password.ts';
import { installCentre } from '../../server/centres/setup.usecases.ts';
import type { DailyRollupRow } from '../../server/reports/time-summary.models.ts';
import { hcmCentre } from '../fixtures/centres.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';
import { dailyRollup, durations } from '../fixtures/rollups.ts';

const DAY = '2026-03-10';
const rollup = (serviceId: string, over: Partial<DailyRollupRow>): DailyRollupRow => dailyRollup({ businessDay: DAY, serviceId, ...over });

async function login(page: Page, username: string, password = 'luot-demo') {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The rows of the province table: [rank, centre name]. */
const ranking = async (page: Page) =>
  (await page
    .locator('[data-testid="province-table"] [data-testid="report-row"]')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? '')))) as string[][];

describeInBrowser('province report (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    const store = stack.server.deps.store;
    await installCentre(store, hcmCentre);
    // demo: satisfied 4 of 5, mean wait 10 min; hcm: satisfied 3 of 4, mean wait 2.5 min.
    await store.runInTx({ centreId: 'demo' }, (tx) =>
      tx.addToRollups(
        'demo',
        [rollup('dat-dai', { issued: 10, served: 8, noShow: 1, wait: durations(5, 5, 5, 5, 10, 10, 10, 30), service: durations(5) })],
        [],
      ),
    );
    await store.runInTx({ centreId: 'hcm' }, (tx) =>
      tx.addToRollups('hcm', [rollup('ho-tich', { issued: 4, served: 4, wait: durations(2, 2, 3, 3), service: durations(10) })], []),
    );
    let n = 0;
    const rate = async (centreId: string, grade: RatingGrade, count: number) => {
      for (let i = 0; i < count; i++) {
        const id = `e2e-province-${++n}`;
        const at = Date.parse(`${DAY}T09:00:00+07:00`);
        await store.runInTx({ centreId }, (tx) =>
          tx.insertRating({
            id,
            centreId,
            ticketId: `t-${id}`,
            counterId: 'quay-1',
            staffId: 'lan',
            serviceId: centreId === 'demo' ? 'dat-dai' : 'ho-tich',
            businessDay: DAY,
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
    };
    await rate('demo', 'very_satisfied', 4);
    await rate('demo', 'dissatisfied', 1);
    await rate('hcm', 'satisfied', 3);
    await rate('hcm', 'neutral', 1);
    // Written after the server summed the settled days' ratings at start: sum them again.
    for (const centreId of ['demo', 'hcm']) await store.runInTx({ centreId }, (tx) => tx.clearRatingRollup(centreId));
    // A province manager whose home is hcm (only a province admin may make one through the API).
    await store.runInTx({ centreId: 'hcm' }, (tx) => tx.upsertStaff({ id: 'tinh', centreId: 'hcm', name: 'Lãnh đạo tỉnh' }));
    await store.setAccount('hcm', 'tinh', {
      username: 'tinh',
      passwordHash: await hashPassword('tinh-password'),
      role: 'province_manager',
      active: true,
      mustChangePassword: false,
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('a province manager sees both centres ranked and re-ranks them by clicking a header', async () => {
    const page = await stack.open('/reports?tab=province');
    await login(page, 'tinh', 'tinh-password');
    await page.getByTestId('range-from').fill(DAY);
    await page.getByTestId('range-to').fill(DAY);
    await page.getByTestId('range-to').dispatchEvent('change');

    await expect
      .poll(() => ranking(page), poll)
      .toEqual([
        ['1', 'Trung tâm Phục vụ hành chính công xã An Phú'],
        ['2', 'Trung tâm xã Tân Phú'],
      ]);
    const demoRow = page.locator('[data-testid="province-table"] [data-testid="report-row"][data-key="demo"] td');
    expect(await demoRow.allTextContents()).toEqual([
      '1',
      'Trung tâm Phục vụ hành chính công xã An Phú',
      '10',
      '8',
      '1',
      '5',
      '80 %',
      '62,5 %',
      '10',
      '30',
      '5',
      '5',
    ]);

    // Shortest mean wait first, then the other way round.
    await page.getByTestId('sort-waitMean').click();
    await expect
      .poll(() => ranking(page), poll)
      .toEqual([
        ['1', 'Trung tâm xã Tân Phú'],
        ['2', 'Trung tâm Phục vụ hành chính công xã An Phú'],
      ]);
    await page.getByTestId('sort-waitMean').click();
    await expect
      .poll(() => ranking(page), poll)
      .toEqual([
        ['1', 'Trung tâm Phục vụ hành chính công xã An Phú'],
        ['2', 'Trung tâm xã Tân Phú'],
      ]);
    expect(await page.locator('[data-testid="province-table"] th[aria-sort="descending"]').textContent()).toContain('Chờ trung bình');

    // The export links carry the ranking and the range.
    const csv = await page.getByTestId('export-province-csv').getAttribute('href');
    expect(csv).toBe(`/api/province/reports/centres?from=${DAY}&to=${DAY}&sort=waitMean&order=desc&format=csv&lang=vi`);
    expect(stack.pageErrors).toEqual([]);
  });

  it('a centre’s manager has no province tab', async () => {
    const other = await stack.newBrowser();
    const page = await other.open('/reports?tab=province');
    await login(page, 'ha');
    await expect.poll(() => page.getByTestId('tab-live').count(), poll).toBe(1);
    expect(await page.getByTestId('tab-province').count()).toBe(0);
    expect(await page.locator('luot-report-province').count()).toBe(0);
  });
});

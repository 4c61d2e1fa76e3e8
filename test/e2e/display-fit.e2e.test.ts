/**
 * The hall display at 1920 × 1080 with 6 and with 13 services (issue #15): every service name is
 * whole (up to two lines, never cut), no row is cut off at the bottom, and a waiting list longer
 * than the screen turns its pages so every service is shown.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

/** Seven more lĩnh vực as a provincial centre lists them: long names on purpose. */
const MORE_SERVICES: [id: string, vi: string, en: string][] = [
  ['lao-dong-thuong-binh', 'Lao động – Thương binh và Xã hội', 'Labour, Invalids and Social Affairs'],
  ['tai-nguyen-moi-truong', 'Tài nguyên và Môi trường', 'Natural Resources and Environment'],
  ['giao-duc-dao-tao', 'Giáo dục và Đào tạo', 'Education and Training'],
  ['y-te', 'Y tế', 'Health'],
  ['van-hoa-the-thao', 'Văn hóa, Thể thao và Du lịch', 'Culture, Sports and Tourism'],
  ['nong-nghiep', 'Nông nghiệp và Phát triển nông thôn', 'Agriculture and Rural Development'],
  ['giao-thong-van-tai', 'Giao thông vận tải', 'Transport'],
];

const ROWS = 'luot-hall-display luot-ticket-list.queues [data-testid="service-waiting"]';

/** The rows on screen now: each one's service, whether its name is whole, whether it fits the list. */
const visibleRows = (page: Page) =>
  page.locator(ROWS).evaluateAll((items) =>
    items.map((li) => {
      const label = li.querySelector<HTMLElement>('.label')!;
      const list = li.parentElement!.getBoundingClientRect();
      const box = li.getBoundingClientRect();
      return {
        id: li.getAttribute('data-service-id')!,
        nameWhole: label.scrollHeight <= label.clientHeight + 1 && label.scrollWidth <= label.clientWidth + 1,
        insideList: box.bottom <= list.bottom + 0.5 && box.top >= list.top - 0.5,
      };
    }),
  );

describeInBrowser('hall display with many services (chromium, 1920 × 1080)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('6 services: all on one page, whole; 13 services: pages that turn, every name whole and every service shown', async () => {
    const hall = await stack.open(`/display?pair=${DEMO_TOKENS.display}&voice=silent&layout=landscape&pageSeconds=2`);
    await hall.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => hall.locator(ROWS).count(), poll).toBe(6);
    await hall.screenshot({ path: 'test-results/display/fit-6.png' });
    const six = await visibleRows(hall);
    expect(six.filter((r) => !r.nameWhole || !r.insideList)).toEqual([]);
    expect(await hall.locator('luot-hall-display luot-ticket-list.queues [data-testid="list-page"]').count()).toBe(0);

    const admin = await loginHeaders(stack.server.url, 'admin');
    for (const [i, [id, vi, en]] of MORE_SERVICES.entries()) {
      const res = await fetch(`${stack.server.url}/api/centres/demo/services/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...admin },
        body: JSON.stringify({ name: { vi, en }, numbering: { mode: 'prefix', prefix: `Q${String.fromCharCode(65 + i)}`, digits: 3 }, sortOrder: 100 + i }),
      });
      expect(res.status, id).toBe(200);
    }

    // Pages turn every 2 s: collect what each shows until all 13 were seen.
    const seen = new Set<string>();
    const problems: string[] = [];
    const pageMark = hall.locator('luot-hall-display luot-ticket-list.queues [data-testid="list-page"]');
    await expect
      .poll(
        async () => {
          for (const row of await visibleRows(hall)) {
            seen.add(row.id);
            if (!row.nameWhole) problems.push(`${row.id}: name cut`);
            if (!row.insideList) problems.push(`${row.id}: row outside the list`);
          }
          return seen.size;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(13);
    await hall.screenshot({ path: 'test-results/display/fit-13.png' });
    expect(problems).toEqual([]);
    expect(await pageMark.textContent()).toMatch(/^[12]\/2$/);
    expect(stack.pageErrors).toEqual([]);
  });
});

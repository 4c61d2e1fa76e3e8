/**
 * The officer's console at 1366 × 768 shows which numbers wait for its counter (issue #15), in
 * the order the counter will call them, with priority marks in symbol and words; a call takes
 * the called number off the list and a new ticket joins it, live; a long queue scrolls inside the
 * list and says how many more wait, and the page itself never grows sideways; after a reconnect
 * the list is asked again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueTicket } from '../../server/tickets/tickets.usecases.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';
import { openConsole } from './console-page.ts';

describeInBrowser('counter console: the waiting list (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** A ticket for Đất đai (counter 3's only service), issued as the kiosk would: the fact reaches the console live. */
  const issue = async (priorityGroupId?: string) =>
    (await issueTicket(stack.server.deps, { centreId: 'demo', serviceId: 'dat-dai', ...(priorityGroupId ? { priorityGroupId } : {}) })).ticket.number;

  it('numbers in call order with their marks; a call and a new ticket show at once; a long queue scrolls inside the list', async () => {
    const b1 = await issue();
    const b2 = await issue();
    const p3 = await issue('nguoi-cao-tuoi');

    const page = await openConsole(stack, 'tuan', 'quay-3');

    const numbers = () => page.getByTestId('waiting-number').allTextContents();
    // Strict priority (the demo's policy): the priority ticket first, then first come first served.
    await expect.poll(numbers, poll).toEqual([p3, b1, b2]);
    const first = page.getByTestId('waiting-item').first();
    expect(await first.getAttribute('data-next')).toBe('true');
    expect(await first.getByTestId('waiting-next').textContent()).toBe('Tiếp theo');
    // The priority mark is a symbol and words, not a colour alone.
    const mark = first.locator('[data-mark="priority"]');
    expect((await mark.textContent())?.trim()).toBe('★Ưu tiên: Người cao tuổi');
    expect(await page.getByTestId('waiting-item').nth(1).locator('[data-mark]').count()).toBe(0);
    expect(await page.getByTestId('waiting-list-total').textContent()).toBe('3 người chờ');
    // Visible without scrolling the page, beside the current ticket.
    const box = (await page.getByTestId('waiting-list').boundingBox())!;
    expect(box.y + Math.min(box.height, 120)).toBeLessThanOrEqual(768);
    expect(box.x + box.width).toBeLessThanOrEqual(1366);

    // Open the counter and call: the called number leaves the list, live.
    await page.getByRole('button', { name: 'Mở quầy', exact: true }).click();
    const callNext = page.getByRole('button', { name: 'Gọi số tiếp theo' });
    await expect.poll(() => callNext.isEnabled(), poll).toBe(true);
    await callNext.click();
    await expect.poll(() => page.getByTestId('current-number').textContent(), poll).toBe(p3);
    await expect.poll(numbers, poll).toEqual([b1, b2]);

    // A new ticket joins at the end, live.
    const b4 = await issue();
    await expect.poll(numbers, poll).toEqual([b1, b2, b4]);

    // A long queue: 20 shown (scrolling inside the list), the rest counted; the page does not grow sideways.
    for (let i = 0; i < 22; i++) await issue();
    await expect.poll(() => page.getByTestId('waiting-more').textContent(), poll).toBe('và 5 số khác');
    expect(await page.getByTestId('waiting-item').count()).toBe(20);
    const scrolls = await page
      .getByTestId('waiting-list')
      .evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, style: getComputedStyle(el).overflowY }));
    expect(scrolls.style).toBe('auto');
    expect(scrolls.scroll).toBeGreaterThan(scrolls.client);
    expect(scrolls.client).toBeLessThanOrEqual(768 / 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

    // A ticket the console hears nothing about (no fact published) shows after the next reconnect:
    // the list is asked again with the snapshot that a reconnect brings.
    const silent = (await issueTicket({ ...stack.server.deps, notifier: { publish: () => undefined } }, { centreId: 'demo', serviceId: 'dat-dai' })).ticket
      .number;
    await page.waitForTimeout(1_500);
    expect(await page.getByTestId('waiting-more').textContent()).toBe('và 5 số khác');
    await stack.restartServer();
    await page.locator('luot-counter-console[data-status="online"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('waiting-more').textContent(), { timeout: 15_000, interval: 200 }).toBe('và 6 số khác');
    expect(silent).toMatch(/^B\d{3}$/);

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('waiting-list-total').textContent(), poll).toBe('26 waiting');
    expect(await page.getByTestId('waiting-more').textContent()).toBe('and 6 more');
    expect(stack.pageErrors).toEqual([]);
  });
});

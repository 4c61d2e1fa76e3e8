/**
 * The officer's console at 1366 × 768 (issue #15): keys for the common actions (shown on the
 * buttons), "Hoàn thành và gọi tiếp", a warning before the recall that records a no-show, what a
 * finish did instead of "no ticket", and the red line of a press made during an outage gone once
 * the server is back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TicketStatus } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';
import { openConsole } from './console-page.ts';

describeInBrowser('counter console: keys, finish and call next, last recall, outage (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('a morning at counter 3, from the keyboard', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${stack.server.url}/api/centres/demo/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
        body: JSON.stringify({ serviceId: 'dat-dai' }),
      });
      numbers.push(((await res.json()) as TicketStatus).ticket.number);
    }
    const page = await openConsole(stack, 'hung', 'quay-3');
    await page.getByRole('button', { name: 'Mở quầy', exact: true }).click();
    const callNext = page.getByRole('button', { name: 'Gọi số tiếp theo' });
    await expect.poll(() => callNext.isEnabled(), poll).toBe(true);
    // The key is on the button.
    expect(await callNext.getAttribute('aria-keyshortcuts')).toBe('G');
    expect(await callNext.locator('kbd').textContent()).toBe('G');

    const current = () => page.getByTestId('current-number').textContent();
    const done = () => page.getByTestId('console-done').textContent();
    await page.keyboard.press('g');
    await expect.poll(current, poll).toBe(numbers[0]);

    // Two recalls are allowed (the demo's maxRecalls); the third would record a no-show: asked first.
    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('current-recalls').textContent(), poll).toContain('1');
    // A key pressed while the last request is still answering is dropped, like a click on a disabled button: wait for it.
    const recall = page.locator('luot-console-actions button[data-action="recall"]');
    await expect.poll(() => recall.isEnabled(), poll).toBe(true);
    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('current-recalls').textContent(), poll).toContain('2');
    await expect.poll(() => recall.isEnabled(), poll).toBe(true);
    await page.keyboard.press('l');
    await page.getByTestId('recall-warning').waitFor();
    expect(await page.getByTestId('recall-warning').locator('p').textContent()).toBe(
      `Số ${numbers[0]} đã được gọi lại 2 lần. Gọi lại lần nữa sẽ ghi nhận vắng mặt và không gọi số này nữa.`,
    );
    await page.getByTestId('recall-cancel').click();
    expect(await page.getByTestId('recall-warning').count()).toBe(0);
    expect(await current()).toBe(numbers[0]); // nothing was sent

    // "Hoàn thành và gọi tiếp" (T): one press, both.
    await page.keyboard.press('t');
    await expect.poll(current, poll).toBe(numbers[1]);
    // The live state may show the new number a moment before the answer's words.
    await expect.poll(done, poll).toBe(`Đã hoàn thành số ${numbers[0]}, đang mời số ${numbers[1]}`);

    // Finish alone (H): the desk says what happened.
    await page.keyboard.press('h');
    await expect.poll(done, poll).toBe(`Đã hoàn thành số ${numbers[1]}. Bấm "Gọi tiếp" để mời số sau.`);
    expect(await page.getByTestId('current-none').textContent()).toBe('Không có số nào tại quầy');

    // A key typed into a field is text, not an action.
    await page.locator('luot-console-actions button[data-action="call"]').click();
    const field = page.locator('luot-call-number-form input').first();
    await field.fill('');
    await field.press('g');
    expect(await page.getByTestId('current-none').count()).toBe(1);
    await page.locator('luot-console-actions button[data-action="call"]').click();

    // An outage: a press fails with the red line; once the server is back and the console live again, it goes.
    await stack.stopServer();
    await page.keyboard.press('g');
    await expect.poll(() => page.getByTestId('console-error').textContent(), poll).toBe('Không kết nối được tới máy chủ');
    await stack.startServerAgain();
    await page.locator('luot-counter-console[data-status="online"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('console-error').count(), { timeout: 15_000, interval: 200 }).toBe(0);
    await page.keyboard.press('g');
    await expect.poll(current, poll).toBe(numbers[2]);
  });
});

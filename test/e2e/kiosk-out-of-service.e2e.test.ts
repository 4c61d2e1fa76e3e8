/**
 * The kiosk when the server cannot store tickets (disk full, read-only: 503 store.unavailable,
 * docs/faults.md): an out-of-service notice instead of a menu to tap in vain, then the menu again
 * for the next try. The server's answer is played by the browser's request routing: filling a
 * disk under the in-process server is test/server/store-faults.int.test.ts's job.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('kiosk on a store that cannot write (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows its out-of-service notice on 503 store.unavailable, then offers the menu again', async () => {
    const kiosk = await stack.open(`/kiosk?centre=demo&return=2&pair=${DEMO_TOKENS.kiosk}`);
    const construction = kiosk.getByRole('button', { name: 'Xây dựng' });
    await construction.waitFor();
    await kiosk.route('**/api/centres/demo/tickets', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'store.unavailable', message: 'The data store is unavailable right now; try again in a moment.' } }),
      }),
    );
    await construction.click();
    const notice = kiosk.getByTestId('kiosk-out-of-service');
    await notice.waitFor();
    expect(await notice.locator('h2').textContent()).toBe('Tạm ngừng phục vụ');
    expect(await notice.locator('p').textContent()).toBe('Máy lấy số tạm thời chưa cấp được số. Xin vui lòng liên hệ cán bộ tại quầy hướng dẫn.');
    // No menu to tap in vain, and not the generic red error line.
    expect(await construction.count()).toBe(0);
    expect(await kiosk.getByTestId('kiosk-error').count()).toBe(0);

    // In English too.
    await kiosk.getByRole('button', { name: 'English' }).click();
    expect(await notice.locator('h2').textContent()).toBe('Out of service');

    // After the return delay the menu is back; the store has recovered meanwhile: issuing works.
    await kiosk.unroute('**/api/centres/demo/tickets');
    await expect.poll(() => notice.count(), poll).toBe(0);
    await kiosk.getByRole('button', { name: 'Construction' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    // Chromium logs the 503 itself ("Failed to load resource"); nothing else may appear.
    expect(stack.pageErrors.filter((e) => !/status of 503/.test(e))).toEqual([]);
  });
});

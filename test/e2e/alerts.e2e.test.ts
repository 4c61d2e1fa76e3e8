/**
 * SLA alerts in real browsers (issue #14): the admin sets a queue limit for Đất đai on the admin
 * page; two citizens take numbers; the alert appears at once on the console of counter 3 (which
 * serves Đất đai) and on the managers' live view, not on counter 2's console (which does not);
 * calling a number brings the queue back under the limit and the alert goes away everywhere; the
 * reports count it (today on the live view, and the Alerts tab over a period).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

async function login(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

const alertTexts = (page: Page, host: string) => page.locator(`${host} luot-alerts [data-testid="alert"] .text`).allTextContents();

describeInBrowser('SLA alerts on the console and the live view (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const issue = async (serviceId: string) => {
    const res = await fetch(`${stack.server.url}/api/centres/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
      body: JSON.stringify({ serviceId }),
    });
    expect(res.status).toBe(200);
  };

  it('appears on the consoles of counters serving the service and on the live view, and goes away once cleared', async () => {
    // The admin allows at most one waiting citizen for Đất đai (a per-service limit).
    const admin = await (await stack.newBrowser()).open('/admin');
    await login(admin, 'admin');
    await admin.getByTestId('settings-alerts-queueByService-dat-dai').fill('1');
    await admin.getByTestId('settings-save').click();
    await expect.poll(() => admin.getByTestId('settings-saved').textContent(), poll).toBe('Đã lưu, áp dụng ngay');
    expect((await stack.server.deps.store.getSettings('demo')).alerts.maxQueueLength).toEqual({ default: 0, services: { 'dat-dai': 1 } });

    // Lan at counter 3 (Đất đai), Hùng at counter 2 (Hộ tịch, Lao động), Hà on the live view.
    const lan = await stack.open('/counter?centre=demo');
    await login(lan, 'lan');
    await lan.locator('luot-counter-console[data-status="online"]').waitFor();
    await lan.getByTestId('counter-select').selectOption('quay-3');
    const hung = await (await stack.newBrowser()).open('/counter?centre=demo');
    await login(hung, 'hung');
    await hung.locator('luot-counter-console[data-status="online"]').waitFor();
    await hung.getByTestId('counter-select').selectOption('quay-2');
    const live = await (await stack.newBrowser()).open('/reports?tab=live');
    await login(live, 'ha');
    await live.getByTestId('alerts-none').waitFor();

    await issue('dat-dai');
    await issue('dat-dai');
    const expected = ['Đất đai: 2 người đang chờ, vượt mức 1'];
    await expect.poll(() => alertTexts(lan, 'luot-counter-console'), poll).toEqual(expected);
    await expect.poll(() => alertTexts(live, 'luot-report-live'), poll).toEqual(expected);
    expect(await alertTexts(hung, 'luot-counter-console')).toEqual([]);

    // Lan opens her counter and calls one: one waits, within the limit; the alert goes away.
    const button = (action: string) => lan.locator(`luot-counter-desk [data-action="${action}"]`).first();
    await button('open').click();
    await expect.poll(() => button('call-next').isEnabled(), poll).toBe(true);
    await button('call-next').click();
    await expect.poll(() => alertTexts(lan, 'luot-counter-console'), poll).toEqual([]);
    await expect.poll(() => alertTexts(live, 'luot-report-live'), poll).toEqual([]);
    await live.getByTestId('alerts-none').waitFor();

    // Counted: today's table on the live view, and the Alerts tab over a period.
    const row = (page: Page, testId: string) => page.getByTestId(testId).locator('[data-testid="report-row"]');
    await live.reload();
    await expect.poll(() => row(live, 'live-alert-counts').allInnerTexts(), poll).toEqual([expect.stringMatching(/^Hàng chờ quá dài\s+Đất đai\s+1\s/)]);
    await live.getByTestId('tab-alerts').click();
    await expect.poll(() => row(live, 'alerts-report').allInnerTexts(), poll).toEqual([expect.stringMatching(/^Hàng chờ quá dài\s+Đất đai\s+1\s/)]);
    expect(stack.pageErrors).toEqual([]);
  });
});

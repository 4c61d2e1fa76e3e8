/**
 * Staff see tickets whose paper did not come out and reprint them from the console (issue #4):
 * the printer runs out of paper during a kiosk issue, the console lists the ticket and the
 * printer, paper is refilled, "In lại phiếu" prints it (a new job) and the list clears.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningBridge } from '../../../firmware-bridge/bridge.ts';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from '../../e2e/browser.harness.ts';
import { startFakePrinter, type FakeEscposPrinter } from '../../fakes/escpos-printer.ts';
import { startTestBridge } from '../../helpers/bridge.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

async function login(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.locator('luot-counter-console[data-status="online"]').waitFor();
}

describeInBrowser('console: tickets not printed, and reprint (chromium)', () => {
  let stack: Stack;
  let printer: FakeEscposPrinter;
  let bridge: RunningBridge;
  const dir = tempDir('luot-e2e-reprint');
  beforeAll(async () => {
    stack = await startStack();
    printer = await startFakePrinter();
    bridge = await startTestBridge(stack.server.url, dir.path, { interface: printer.url });
  });
  afterAll(async () => {
    await bridge?.stop();
    await printer?.close();
    await stack?.close();
    dir.remove();
  });

  it('lists the unprinted ticket and the printer, then reprints it', async () => {
    printer.setPaper('out');
    const res = await fetch(`${stack.server.url}/api/centres/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
      body: JSON.stringify({ serviceId: 'dat-dai' }),
    });
    expect(res.status).toBe(200);
    const { ticket } = (await res.json()) as { ticket: { id: string; number: string } };

    const lan = await stack.open('/counter?centre=demo');
    await login(lan, 'lan');
    await lan.getByTestId('counter-select').selectOption('quay-3');
    const card = lan.locator('luot-print-problems');
    // The console looks again every 15 s; the failure is already there when the page loads, or soon after.
    await expect.poll(() => card.getByTestId('unprinted-ticket').count(), { timeout: 20_000, interval: 200 }).toBe(1);
    expect(await card.getByTestId('unprinted-ticket').textContent()).toContain(ticket.number);
    expect(await card.getByTestId('unprinted-ticket').textContent()).toContain('hết giấy');
    await expect.poll(() => card.getByTestId('printer-problem').count(), { timeout: 20_000, interval: 200 }).toBe(1);
    expect(await card.getByTestId('printer-problem').textContent()).toContain('hết giấy');

    printer.setPaper('ok');
    const before = printer.jobs.length;
    await card.getByRole('button', { name: 'In lại phiếu' }).click();
    await expect.poll(() => printer.jobs.length, poll).toBe(before + 1);
    await expect.poll(() => card.getByTestId('unprinted-ticket').count(), poll).toBe(0);
    expect(await card.getByRole('status').textContent()).toContain(`Đã gửi lệnh in lại phiếu ${ticket.number}`);
    expect(stack.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});

/**
 * A hall display outlives server restarts: it shows the offline banner while the server is
 * down and comes back live by itself, with a fresh snapshot and live calls, without a reload.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TicketStatus } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('hall display across a server restart (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** As the demo admin; the session outlives the restart (its signing key is kept in the data folder). */
  let admin: Promise<Record<string, string>> | null = null;
  const post = async (path: string, body: unknown): Promise<TicketStatus> => {
    admin ??= loginHeaders(stack.server.url, 'admin');
    const res = await fetch(`${stack.server.url}/api/centres/demo${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await admin) },
      body: JSON.stringify(body),
    });
    expect(res.status, path).toBe(200);
    return (await res.json()) as TicketStatus;
  };

  it('shows the offline banner while the server is down and goes live again after', async () => {
    const display = await stack.open(`/display?centre=demo&pair=${DEMO_TOKENS.display}`);
    const host = display.locator('luot-hall-display');
    await display.locator('luot-hall-display[data-status="online"]').waitFor();
    expect(await display.getByTestId('offline-banner').count()).toBe(0);

    const kiosk = await stack.open(`/kiosk?centre=demo&pair=${DEMO_TOKENS.kiosk}`);
    const construction = kiosk.getByRole('button', { name: 'Xây dựng' });
    await construction.waitFor();

    await stack.stopServer();
    await display.locator('luot-hall-display[data-status="offline"]').waitFor();
    expect(await display.getByTestId('offline-banner').textContent()).toBe('Mất kết nối – đang kết nối lại…');

    // A tap at the kiosk meanwhile says so plainly and leaves the menu usable.
    await construction.click();
    await expect.poll(() => kiosk.getByTestId('kiosk-error').textContent(), poll).toBe('Không kết nối được tới máy chủ');
    expect(await construction.isEnabled()).toBe(true);

    await stack.startServerAgain();
    await expect.poll(() => host.getAttribute('data-status'), poll).toBe('online');
    expect(await display.getByTestId('offline-banner').count()).toBe(0);

    // Live again: a call made now reaches the screen without a reload.
    const issued = await post('/tickets', { serviceId: 'xay-dung' });
    await post('/counters/quay-5/open', {});
    await post('/counters/quay-5/call-next', {});
    await expect.poll(() => display.getByTestId('latest-number').textContent(), poll).toBe(issued.ticket.number);
    expect(await display.getByTestId('latest-counter').textContent()).toBe('Quầy số 5');
    expect(stack.pageErrors).toEqual([]);
  });
});

/**
 * A hall display outlives server restarts and network outages: it shows the offline banner while
 * cut off and comes back live by itself, with a fresh snapshot and live calls, without a reload —
 * and the calls made meanwhile are shown and announced.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TicketStatus } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { cuttableProxy } from '../helpers/tcp-proxy.ts';
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

  it('after a network outage it is right again within 2 s, showing and announcing the calls made meanwhile', async () => {
    // The browser reaches the server through a proxy the test cuts; the officers do not.
    const proxy = await cuttableProxy(stack.server.port);
    try {
      const display = await stack.open(`${proxy.url}/display?centre=demo&voice=silent&pair=${DEMO_TOKENS.display}`);
      const host = display.locator('luot-hall-display');
      await display.locator('luot-hall-display[data-status="online"]').waitFor();
      await post('/counters/quay-5/finish', {});
      for (const serviceId of ['dang-ky-kinh-doanh', 'xay-dung', 'xay-dung']) await post('/tickets', { serviceId });
      const before = await post('/counters/quay-5/call-next', {});
      await expect.poll(() => display.getByTestId('latest-number').textContent(), poll).toBe(before.ticket.number);
      const announced = async () => display.evaluate(() => window.__luotAnnouncer!.history.map((h) => h.announcement.number));
      await expect.poll(announced, poll).toEqual([before.ticket.number]);

      proxy.cut();
      await display.locator('luot-hall-display[data-status="offline"]').waitFor();
      expect(await display.getByTestId('offline-banner').count()).toBe(1);
      // Meanwhile counter 5 goes on calling.
      await post('/counters/quay-5/finish', {});
      const first = await post('/counters/quay-5/call-next', {});
      await post('/counters/quay-5/no-show', {});
      const second = await post('/counters/quay-5/call-next', {});
      await display.waitForTimeout(1500); // a few failed reconnection attempts
      expect(await display.getByTestId('latest-number').textContent()).toBe(before.ticket.number);

      const restoredAt = Date.now();
      proxy.restore();
      await expect.poll(() => display.getByTestId('latest-number').textContent(), { timeout: 2000, interval: 50 }).toBe(second.ticket.number);
      console.log(`display current again ${Date.now() - restoredAt} ms after the network returned`);
      expect(await host.getAttribute('data-status')).toBe('online');
      expect(await display.getByTestId('offline-banner').count()).toBe(0);
      expect(await display.getByTestId('previous-call').first().textContent()).toContain(first.ticket.number);
      // Both calls made meanwhile are announced, in the order they were made.
      await expect.poll(announced, { ...poll, timeout: 15_000 }).toEqual([before.ticket.number, first.ticket.number, second.ticket.number]);
      expect(stack.pageErrors).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

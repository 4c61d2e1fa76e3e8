/**
 * The counter's rating screen (issue #15): its faces are drawn (SVG), not emoji that a machine
 * with only the fonts Luot installs shows as empty boxes, and it asks about the ticket, not a
 * dossier.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TicketStatus } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('rating screen (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const post = async <T>(path: string, headers: Record<string, string>): Promise<T> => {
    const res = await fetch(`${stack.server.url}/api/centres/demo${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(path === '/tickets' ? { serviceId: 'tu-phap-ho-tich' } : {}),
    });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('shows four drawn faces and the ticket number once a ticket is finished at its counter', async () => {
    const page = await stack.open(`/rate/quay-1?pair=${DEMO_TOKENS['rating-screen']}`);
    await page.locator('luot-rating-pad [data-testid="rate-idle"]').waitFor();

    const officer = await loginHeaders(stack.server.url, 'lan');
    const issued = await post<TicketStatus>('/tickets', { authorization: `Bearer ${DEMO_TOKENS.kiosk}` });
    await post('/counters/quay-1/open', officer);
    const called = await post<TicketStatus>('/counters/quay-1/call-next', officer);
    expect(called.ticket.id).toBe(issued.ticket.id);
    await post('/counters/quay-1/finish', officer);

    const pad = page.locator('luot-rating-pad');
    await pad.getByTestId('rate-1').waitFor();
    expect(await pad.locator('.prompt').textContent()).toBe(`Ông/bà có hài lòng với việc phục vụ phiếu số ${issued.ticket.number}?`);
    const faces = pad.locator('button.level .face svg');
    await expect.poll(() => faces.count(), poll).toBe(4);
    for (let i = 0; i < 4; i++) {
      const box = await faces.nth(i).boundingBox();
      // 4rem at the page's font size: a face, not a zero-size or missing glyph.
      expect(box!.width).toBeGreaterThan(40);
      expect(box!.height).toBeGreaterThan(40);
    }
    expect(await faces.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-grade')))).toEqual([
      'very_satisfied',
      'satisfied',
      'neutral',
      'dissatisfied',
    ]);
    // No emoji left anywhere on the screen.
    expect(await pad.evaluate((el) => /\p{Extended_Pictographic}/u.test(el.shadowRoot!.textContent ?? ''))).toBe(false);
    expect(stack.pageErrors).toEqual([]);
  });
});

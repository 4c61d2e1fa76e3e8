/**
 * The customer-facing rating screen (/rate/<counter id>) in a real browser, in the counter
 * officer's session: idle until the officer finishes a ticket, then the four buttons with the
 * ticket's number; a tap rates that ticket once and thanks the citizen.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from '../e2e/browser.harness.ts';

describeInBrowser('rating screen of a counter without a keypad (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** As the officer's browser does it: the session cookie, from our own origin. */
  const post = async (path: string, data: unknown = {}) => {
    const res = await stack.context.request.post(`${stack.server.url}/api${path}`, { data, headers: { origin: stack.server.url } });
    expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
    return res.json();
  };

  it('shows the buttons when a ticket is finished, rates it once, and thanks the citizen', async () => {
    await post('/auth/login', { username: 'lan', password: DEMO_PASSWORD });
    await post('/centres/demo/counters/quay-1/open');
    // The officer opens the screen from the console's link, on the screen turned to the citizen.
    const console = await stack.open('/counter?centre=demo');
    await console.getByTestId('counter-select').selectOption('quay-1');
    const link = console.getByTestId('open-rating-screen');
    await expect.poll(() => link.getAttribute('href'), poll).toBe('/rate/quay-1');
    expect(await link.textContent()).toContain('Mở màn hình đánh giá');
    const page = await stack.open((await link.getAttribute('href'))!);
    const pad = page.locator('luot-rating-pad');
    await expect.poll(() => pad.getAttribute('data-phase'), poll).toBe('idle');

    const issued = await fetch(`${stack.server.url}/api/centres/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
      body: JSON.stringify({ serviceId: 'tu-phap-ho-tich' }),
    });
    const { ticket } = await issued.json();
    await post('/centres/demo/counters/quay-1/call-next');
    await post('/centres/demo/counters/quay-1/finish');

    await expect.poll(() => pad.getAttribute('data-phase'), poll).toBe('armed');
    await expect.poll(() => page.getByTestId('rate-4').textContent(), poll).toContain('Không hài lòng');
    expect(await page.locator('luot-rating-pad .prompt').textContent()).toContain(ticket.number);
    await page.getByTestId('rate-2').click();
    await expect.poll(() => pad.getAttribute('data-phase'), poll).toBe('thanks');
    expect(await page.getByTestId('rate-thanks').textContent()).toContain('Hài lòng');

    const rating = await stack.server.deps.store.getRatingOfTicket(ticket.id);
    expect(rating).toMatchObject({ level: 2, grade: 'satisfied', source: 'screen', staffId: 'lan', counterId: 'quay-1' });
    expect(stack.pageErrors).toEqual([]);
  });
});

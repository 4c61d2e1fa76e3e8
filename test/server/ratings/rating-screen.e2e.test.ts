/**
 * The customer-facing rating screen (/rate/<counter id>) in a real browser. It is a paired device
 * of its own (issue #10): opened in the officer's session it only says it must be paired, and
 * rates nothing; an admin makes a rating-screen device for the counter on the admin page and opens
 * its pairing address on the screen. Then it is idle until the officer finishes a ticket, shows the
 * four buttons with the ticket's number; a tap rates that ticket once and thanks the citizen.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from '../../e2e/browser.harness.ts';

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

  it('refuses to work in the officer’s session: it must be paired by an admin', async () => {
    await post('/auth/login', { username: 'lan', password: DEMO_PASSWORD });
    await post('/centres/demo/counters/quay-1/open');
    const console = await stack.open('/counter?centre=demo');
    await console.getByTestId('counter-select').selectOption('quay-1');
    const link = console.getByTestId('open-rating-screen');
    await expect.poll(() => link.getAttribute('href'), poll).toBe('/rate/quay-1');
    // The console's link says what to do now.
    expect(await link.textContent()).toContain('quản trị viên ghép nối');
    const page = await stack.open((await link.getAttribute('href'))!);
    // Not the officer's session: the screen asks for a pairing code from the admin page (issue #15), and no pad.
    const pairing = page.getByTestId('pairing-screen');
    await pairing.waitFor();
    expect(await pairing.textContent()).toContain('Quản trị → Thiết bị');
    expect(await page.locator('luot-rating-pad').count()).toBe(0);
  });

  it('is paired from the admin page, then shows the buttons when a ticket is finished, rates it once, and thanks the citizen', async () => {
    // The admin, at another PC, makes the rating screen of counter 1 and gets its pairing address.
    const pc = await stack.newBrowser();
    const admin = await pc.open('/admin');
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill(DEMO_PASSWORD);
    await admin.getByTestId('login-submit').click();
    await admin.getByTestId('device-kind').selectOption('rating-screen');
    await admin.getByTestId('device-counter').selectOption('quay-1');
    await admin.getByTestId('device-name').fill('Màn hình đánh giá quầy 1');
    await admin.getByTestId('device-create').click();
    const pairUrl = admin.getByTestId('device-pair-url');
    await expect.poll(() => pairUrl.getAttribute('href'), poll).toMatch(/\/rate\/quay-1\?pair=luot_/);
    const href = (await pairUrl.getAttribute('href'))!;
    const row = admin.locator('[data-testid="device-row"]').first();
    expect(await row.textContent()).toContain('Quầy số 1');

    // On the screen turned to the citizen: the pairing address, once; the token leaves the URL.
    const page = await stack.open(new URL(href).pathname + new URL(href).search);
    const pad = page.locator('luot-rating-pad');
    await expect.poll(() => pad.getAttribute('data-phase'), poll).toBe('idle');
    expect(page.url()).not.toContain('pair=');

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

    // Reloaded (no ?pair= any more), the screen is still paired.
    await page.reload();
    await expect.poll(() => pad.getAttribute('data-phase'), poll).toBe('idle');
    const ours = stack.pageErrors.filter((e) => /^\/(admin|rate|counter)/.test(e));
    expect(ours.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
  });
});

/**
 * The counter workflow of issue #3 in real browsers: an officer logs in, opens a counter, calls
 * a number (by number), recalls it (the hall display shows the call again) and transfers it; a
 * second officer at another PC cannot take that counter, opens another one and calls the same
 * number — its place kept ahead of a later ticket — serves it, finishes, and pauses (the hall
 * display says so).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TicketStatus } from '../../protocol/index.ts';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

/** Logs in through the console's own form. */
async function login(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.locator('luot-counter-console[data-status="online"]').waitFor();
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describeInBrowser('counter console workflow with two officers (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** A ticket as the demo kiosk takes it, over the API. */
  const issue = async (serviceId: string): Promise<TicketStatus> => {
    const res = await fetch(`${stack.server.url}/api/centres/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
      body: JSON.stringify({ serviceId }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as TicketStatus;
  };

  it('opens, calls, recalls, transfers; another officer calls the same number, serves, finishes and pauses', async () => {
    const display = await stack.open(`/display?centre=demo&pair=${DEMO_TOKENS.display}`);
    await display.locator('luot-hall-display[data-status="online"]').waitFor();

    // Lan logs in and chooses counter 3 (Đất đai): nothing works before she opens it.
    const lan = await stack.open('/counter?centre=demo');
    await login(lan, 'lan');
    await lan.getByTestId('counter-select').selectOption('quay-3');
    const lanButton = (action: string) => lan.locator(`luot-counter-desk [data-action="${action}"]`).first();
    await expect.poll(() => text(lan, 'counter-notice'), poll).toBe('Bấm "Mở quầy" để bắt đầu làm việc tại quầy này');
    expect(await lanButton('call-next').isEnabled()).toBe(false);
    await lanButton('open').click();
    await expect.poll(() => text(lan, 'counter-status'), poll).toBe('Trạng thái: Đang mở');
    await expect.poll(() => lanButton('call-next').isEnabled(), poll).toBe(true);

    // Two Đất đai citizens came earlier; the third takes a number at the kiosk; a Xây dựng
    // ticket is issued after it.
    await issue('dat-dai');
    await issue('dat-dai');
    const kiosk = await stack.open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.getByRole('button', { name: 'Đất đai' }).click();
    const number = await kiosk
      .getByTestId('ticket-number')
      .textContent()
      .then((s) => s!.trim());
    expect(number).toMatch(/^B\d{3}$/);
    expect(await text(kiosk, 'ticket-wait')).toMatch(/^Thời gian chờ: /);
    expect(await text(kiosk, 'ticket-follow')).toMatch(new RegExp(`^${stack.server.url}/t/[A-Za-z0-9_-]+$`));
    const later = await issue('xay-dung');

    // The kiosk's citizen is at the desk first: "Gọi số…" calls that number out of turn.
    await lanButton('call').click();
    await lan.getByTestId('call-number-input').fill(number.toLowerCase());
    await lan.getByTestId('call-number-submit').click();
    await expect.poll(() => text(lan, 'current-number'), poll).toBe(number);
    await expect.poll(() => text(display, 'latest-number'), poll).toBe(number);
    expect(await text(display, 'latest-label')).toBe('Mời công dân có số');
    const firstCall = await display.getByTestId('latest-call').getAttribute('data-called-at');

    // Recall: a new call, announced again on the display.
    await lanButton('recall').click();
    await expect.poll(() => text(lan, 'current-recalls'), poll).toBe('Đã gọi lại 1 lần');
    await expect.poll(() => text(display, 'latest-label'), poll).toBe('Mời lại công dân có số');
    expect(await display.getByTestId('latest-call').getAttribute('data-called-at')).not.toBe(firstCall);
    expect(await text(display, 'latest-number')).toBe(number);

    // Transfer to Xây dựng: the counter is free again.
    await lanButton('transfer').click();
    await lan.getByTestId('transfer-service').selectOption('xay-dung');
    await lan.getByTestId('transfer-submit').click();
    await expect.poll(() => text(lan, 'console-done'), poll).toBe(`Đã chuyển số ${number}`);
    await lan.getByTestId('current-none').waitFor();

    // Hùng, at another PC: counter 3 is Lan's, so he takes counter 5 (Xây dựng).
    const other = await stack.newBrowser();
    const hung = await other.open('/counter?centre=demo');
    await login(hung, 'hung');
    const hungButton = (action: string) => hung.locator(`luot-counter-desk [data-action="${action}"]`).first();
    await hung.getByTestId('counter-select').selectOption('quay-3');
    await expect.poll(() => text(hung, 'counter-notice'), poll).toBe('Quầy đang do cán bộ khác phụ trách');
    expect(await hungButton('open').isEnabled()).toBe(false);
    await hung.getByTestId('counter-select').selectOption('quay-5');
    await expect.poll(() => hungButton('open').isEnabled(), poll).toBe(true);
    await hungButton('open').click();
    await expect.poll(() => hungButton('call-next').isEnabled(), poll).toBe(true);

    // The transferred number comes first: it kept its place ahead of the later Xây dựng ticket.
    await hungButton('call-next').click();
    await expect.poll(() => text(hung, 'current-number'), poll).toBe(number);
    await expect.poll(() => text(display, 'latest-counter'), poll).toBe('Quầy số 5');
    expect(await text(display, 'latest-number')).toBe(number);
    await hungButton('start-serving').click();
    await expect.poll(() => text(hung, 'current-state'), poll).toContain('Đang phục vụ');
    await hungButton('finish').click();
    await hung.getByTestId('current-none').waitFor();

    await hungButton('call-next').click();
    await expect.poll(() => text(hung, 'current-number'), poll).toBe(later.ticket.number);
    await hungButton('finish').click();
    await hung.getByTestId('current-none').waitFor();

    // A break: the hall display says counter 5 is paused; calling is off until he is back.
    await hungButton('pause').click();
    const tile = display.locator('[data-testid="counter-tile"][data-counter-id="quay-5"]');
    await expect.poll(() => tile.getAttribute('data-status'), poll).toBe('paused');
    expect(await tile.textContent()).toContain('Tạm dừng');
    expect(await hungButton('call-next').isEnabled()).toBe(false);
    await hungButton('resume').click();
    await expect.poll(() => tile.getAttribute('data-status'), poll).toBe('open');

    expect(stack.pageErrors).toEqual([]);
  });

  it('sets a ticket aside and resumes it, marks a no-show, grants priority and closes', async () => {
    // Same browser as Lan: her session and her counter choice (counter 3, still open) are kept.
    const lan = await stack.open('/counter?centre=demo');
    await lan.locator('luot-counter-console[data-status="online"]').waitFor();
    await expect.poll(() => lan.getByTestId('counter-select').inputValue(), poll).toBe('quay-3');
    const button = (action: string) => lan.locator(`luot-counter-desk [data-action="${action}"]`).first();
    await expect.poll(() => button('call-next').isEnabled(), poll).toBe(true);

    await button('call-next').click();
    await expect.poll(() => text(lan, 'current-number'), poll).toBe('B001');
    await button('park').click();
    await expect.poll(() => text(lan, 'console-done'), poll).toBe('Đã tạm gác số B001');
    const parked = lan.getByTestId('parked-ticket');
    await expect.poll(() => parked.count(), poll).toBe(1);
    await parked.locator('[data-action="resume-ticket"]').click();
    await expect.poll(() => text(lan, 'current-number'), poll).toBe('B001');
    await expect.poll(() => parked.count(), poll).toBe(0);
    await button('no-show').click();
    await expect.poll(() => text(lan, 'console-done'), poll).toBe('Số B001 được ghi nhận vắng mặt');

    // B002 turns out to need priority: granted with a reason, it shows when called.
    await button('grant').click();
    await lan.getByTestId('grant-number').fill('b002');
    await lan.getByTestId('grant-group').selectOption('nguoi-khuyet-tat');
    await lan.getByTestId('grant-reason').fill('Đi xe lăn');
    await lan.getByTestId('grant-submit').click();
    await expect.poll(() => text(lan, 'console-done'), poll).toBe('Đã cấp ưu tiên cho số B002');
    await button('call-next').click();
    await expect.poll(() => text(lan, 'current-number'), poll).toBe('B002');
    expect(await text(lan, 'current-priority')).toBe('★ Ưu tiên: Người khuyết tật');
    await button('finish').click();
    await lan.getByTestId('current-none').waitFor();

    // Nobody left, then the end of the shift.
    await button('call-next').click();
    await expect.poll(() => text(lan, 'console-error'), poll).toBe('Không có số nào đang chờ');
    await button('close').click();
    await expect.poll(() => text(lan, 'counter-status'), poll).toBe('Trạng thái: Đóng');
    await lan.getByRole('button', { name: 'English' }).first().click();
    await expect
      .poll(
        () =>
          button('open')
            .textContent()
            .then((s) => s?.trim()),
        poll,
      )
      .toBe('Open counter');
    expect(stack.pageErrors).toEqual([]);
  });
});

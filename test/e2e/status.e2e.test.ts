/**
 * The citizen's phone: /t/<ticket id> in a phone-sized window follows the ticket live, and says
 * "Mời bạn đến quầy số N" the moment it is called, without a reload. Also the kiosk's priority
 * button, whose ticket then carries the group.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TicketStatus } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describeInBrowser('citizen status page and kiosk priority (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  let officer: Promise<Record<string, string>> | null = null;
  /** POST to the demo centre as the kiosk (tickets) or as officer Tuấn (counter actions). */
  const post = async <T>(path: string, body: unknown, as: 'kiosk' | 'tuan'): Promise<T> => {
    officer ??= loginHeaders(stack.server.url, 'tuan');
    const auth = as === 'kiosk' ? { authorization: `Bearer ${DEMO_TOKENS.kiosk}` } : await officer;
    const res = await fetch(`${stack.server.url}/api/centres/demo${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('follows a ticket on a phone and shows the call without a reload', async () => {
    await post('/counters/quay-5/open', {}, 'tuan');
    const issued = await post<TicketStatus>('/tickets', { serviceId: 'dang-ky-kinh-doanh' }, 'kiosk');

    const phone = await stack.open(`/t/${issued.ticket.id}`);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.locator('luot-ticket-status[data-status="online"]').waitFor();
    expect(await text(phone, 'status-number')).toBe(issued.ticket.number);
    expect(await text(phone, 'status-service')).toBe('Đăng ký kinh doanh');
    expect(await text(phone, 'status-headline')).toBe('Đang chờ đến lượt');
    expect(await text(phone, 'status-ahead')).toBe('0');
    expect(await text(phone, 'status-wait')).toMatch(/^(Khoảng \d+ phút|Sắp đến lượt)$/);
    // One column that fits the phone: nothing to scroll sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await post('/counters/quay-5/call-next', {}, 'tuan');
    await expect.poll(() => text(phone, 'status-headline'), poll).toBe('Mời bạn đến quầy số 5');
    expect(await phone.title()).toBe(`Mời bạn đến quầy số 5 – ${issued.ticket.number}`);
    expect(await phone.getByTestId('status-ahead').count()).toBe(0);

    await phone.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => text(phone, 'status-headline'), poll).toBe('Please go to counter 5');

    await post('/counters/quay-5/finish', { ticketId: issued.ticket.id }, 'tuan');
    await expect.poll(() => text(phone, 'status-headline'), poll).toBe('All done. Thank you!');
    expect(stack.pageErrors).toEqual([]);
  });

  it('says the service is not being served while no counter for it is open, then the ordinary wait once one opens', async () => {
    // Land (dat-dai) is served by quay-3 and quay-4, closed at the start of the demo.
    const issued = await post<TicketStatus>('/tickets', { serviceId: 'dat-dai' }, 'kiosk');
    const phone = await stack.open(`/t/${issued.ticket.id}`);
    await expect
      .poll(() => text(phone, 'status-headline'), poll)
      .toBe('Hiện chưa có quầy nào phục vụ lĩnh vực này. Bạn vẫn giữ chỗ trong hàng chờ; trang sẽ báo khi đến lượt.');
    // Another officer (Tuấn holds quay-5) opens quay-3.
    const hung = await loginHeaders(stack.server.url, 'hung');
    const act = (action: string) =>
      fetch(`${stack.server.url}/api/centres/demo/counters/quay-3/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...hung },
        body: '{}',
      });
    expect((await act('open')).status).toBe(200);
    await expect.poll(() => text(phone, 'status-headline'), poll).toBe('Đang chờ đến lượt');
    expect((await act('close')).status).toBe(200);
    await phone.close();
  });

  it('says plainly when the link is not a ticket', async () => {
    const phone = await stack.open('/t/no-such-ticket');
    await expect.poll(() => text(phone, 'status-error'), poll).toBe('Không tìm thấy phiếu');
    // …and what to do about it (issue #15).
    expect(await text(phone, 'status-help')).toMatch(/^Đường dẫn này không khớp với phiếu nào\. Vui lòng quét lại mã QR/);
    expect(await phone.getByTestId('offline-banner').count()).toBe(0);
    await phone.close();
  });

  it('issues a priority ticket from the kiosk button', async () => {
    const kiosk = await stack.open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
    // The live figures arrive with the snapshot: each service shows its queue and estimate, or,
    // where no counter is open for it (all but quay-5's two here), says so (issue #15).
    await expect.poll(() => kiosk.getByTestId('service-figures').count(), poll).toBe(2);
    expect(await kiosk.getByTestId('service-closed-note').count()).toBe(4);
    await kiosk.getByTestId('priority-button').click();
    await kiosk.getByRole('button', { name: 'Người cao tuổi' }).click();
    expect(await text(kiosk, 'priority-chosen')).toContain('Ưu tiên: Người cao tuổi');
    // Two ordinary tickets already wait for the same service: the priority one is called first.
    for (let i = 0; i < 2; i++) await post('/tickets', { serviceId: 'tu-phap-ho-tich' }, 'kiosk');
    await kiosk.getByRole('button', { name: 'Tư pháp – Hộ tịch' }).click();
    expect(await text(kiosk, 'ticket-priority')).toBe('★ Ưu tiên: Người cao tuổi');
    // …and it says so (issue #15: it said 2 people ahead and about 16 minutes).
    expect(await text(kiosk, 'ticket-ahead')).toBe('Số người đang chờ trước bạn: 0');
    const number = await text(kiosk, 'ticket-number');

    // The follow link names the ticket; the server has it with its group.
    const link = await text(kiosk, 'ticket-follow');
    const res = await fetch(`${stack.server.url}/api/tickets/${link.split('/t/')[1]}`);
    expect(((await res.json()) as TicketStatus).ticket).toMatchObject({ number, priorityGroupId: 'nguoi-cao-tuoi' });
    // The next citizen starts without the group: the choice was for one ticket only.
    await kiosk.waitForTimeout(1100);
    await kiosk.getByRole('button', { name: 'Quay lại' }).click();
    await kiosk.getByTestId('priority-button').waitFor();
    expect(await kiosk.getByTestId('priority-chosen').count()).toBe(0);
    expect(number).toMatch(/^A\d{3}$/);
    expect(stack.pageErrors).toEqual([]);
  });
});

/**
 * Ticket history in the reports page (issue #14), in a real browser: a manager opens a ticket of
 * the ticket log with the mouse and with the keyboard, reads its history (who, where, why) in a
 * modal dialog, and closes it with Escape and with its button.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCounter } from '../../server/counters/counters.usecases.ts';
import { callTicket, finishTicket, recallTicket, startServing, transferTicket } from '../../server/counters/calls.usecases.ts';
import { grantPriority, issueTicket } from '../../server/tickets/tickets.usecases.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

const LAN = { staffId: 'lan', role: 'staff' as const };
const TUAN = { staffId: 'tuan', role: 'staff' as const };

async function login(page: Page, username: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('luot-demo');
  await page.getByTestId('login-submit').click();
}

describeInBrowser('ticket history in the reports page (chromium)', () => {
  let stack: Stack;
  let ticketId: string;
  let number: string;
  beforeAll(async () => {
    stack = await startStack();
    const deps = stack.server.deps;
    const at = (counterId: string, actor = LAN) => ({ centreId: 'demo', counterId, actor });
    const issued = await issueTicket(deps, { centreId: 'demo', serviceId: 'tu-phap-ho-tich', kioskId: 'demo-kiosk' });
    ticketId = issued.ticket.id;
    number = issued.ticket.number;
    await grantPriority(deps, { centreId: 'demo', ticketId, priorityGroupId: 'nguoi-cao-tuoi', reason: 'Cụ bà 85 tuổi', actor: LAN });
    await openCounter(deps, at('quay-1'));
    await callTicket(deps, { ...at('quay-1'), ticketId });
    await recallTicket(deps, at('quay-1'));
    await startServing(deps, at('quay-1'));
    await transferTicket(deps, { ...at('quay-1'), toServiceId: 'dat-dai', toCounterId: 'quay-3' });
    await openCounter(deps, at('quay-3', TUAN));
    await callTicket(deps, { ...at('quay-3', TUAN), ticketId });
    await startServing(deps, at('quay-3', TUAN));
    await finishTicket(deps, at('quay-3', TUAN));
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('opens a ticket of the log in a dialog, by mouse and by keyboard, and closes it with Escape or its button', async () => {
    const page = await stack.open('/reports?tab=tickets');
    await login(page, 'ha');
    const row = page.locator(`[data-testid="tickets-table"] [data-testid="report-row"][data-key="${ticketId}"]`);
    await expect.poll(() => row.count(), poll).toBe(1);
    const dialog = page.getByTestId('ticket-history');
    expect(await dialog.isVisible()).toBe(false);

    await row.click();
    await expect.poll(() => dialog.isVisible(), poll).toBe(true);
    expect(await dialog.locator('h2').textContent()).toBe(`Lịch sử phiếu ${number}`);
    const entries = dialog.locator('[data-testid="history-entry"]');
    await expect
      .poll(() => entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind'))), poll)
      .toEqual(['issued', 'priority_granted', 'called', 'recalled', 'serving', 'transferred', 'called', 'serving', 'finished']);
    const cells = async (kind: string) => dialog.locator(`[data-testid="history-entry"][data-kind="${kind}"] td`).allTextContents();
    const [issuedAt, issued, , byKiosk] = await cells('issued');
    expect(issuedAt).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(issued).toBe('Lấy số');
    expect(byKiosk).toBe('Kiosk Kiosk sảnh chính (demo)');
    expect((await cells('priority_granted')).slice(1)).toEqual([
      'Cấp ưu tiên',
      'Đang chờ → Đang chờ',
      'Nguyễn Thị Lan (lan)',
      '–',
      'Người cao tuổi, lý do: Cụ bà 85 tuổi',
    ]);
    expect((await cells('recalled')).slice(1)).toEqual(['Gọi lại', 'Đã gọi → Đã gọi', 'Nguyễn Thị Lan (lan)', '1', 'lần 1']);
    expect((await cells('transferred')).slice(3)).toEqual(['Nguyễn Thị Lan (lan)', '1', 'Tư pháp – Hộ tịch → Đất đai, quầy 3']);
    expect(await page.getByTestId('history-summary').textContent()).toContain('Ưu tiên: Người cao tuổi');

    // Modal: focus moved into the dialog (its close button); Escape closes it.
    expect(await page.getByTestId('history-close').evaluate((b) => b.matches(':focus'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), poll).toBe(false);

    // Keyboard only: focus the row, Enter opens; Enter on the focused close button closes.
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible(), poll).toBe(true);
    await expect.poll(() => entries.count(), poll).toBe(9);
    expect(await page.getByTestId('history-close').evaluate((b) => b.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible(), poll).toBe(false);
    // Focus is back on the row that opened it.
    await expect.poll(() => row.evaluate((r) => r.matches(':focus')), poll).toBe(true);

    // In English too.
    await page.getByRole('button', { name: 'English' }).first().click();
    await row.click();
    await expect.poll(() => dialog.locator('h2').textContent(), poll).toBe(`History of ticket ${number}`);
    await expect.poll(() => dialog.locator('[data-kind="transferred"] td').nth(1).textContent(), poll).toBe('Transferred');
    await page.getByTestId('history-close').click();
    await expect.poll(() => dialog.isVisible(), poll).toBe(false);
    expect(stack.pageErrors).toEqual([]);
  });
});

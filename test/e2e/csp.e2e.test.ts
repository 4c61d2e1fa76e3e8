/**
 * The Content-Security-Policy (issue #10, server/http/security-headers.ts) against the built
 * pages in a real browser: every page opens, renders its main element and works, and the browser
 * reports no CSP violation (a `securitypolicyviolation` event, or a console "Refused to …").
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Runs in the page before its scripts. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

async function login(page: Page, username: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('luot-demo');
  await page.getByTestId('login-submit').click();
}

describeInBrowser('content security policy (chromium)', () => {
  let stack: Stack;
  const opened: Page[] = [];
  beforeAll(async () => {
    stack = await startStack();
    // Before any page script: record every violation the page reports.
    await stack.context.addInitScript(recordViolations);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const open = async (path: string, browser: { open(path: string): Promise<Page> } = stack) => {
    const page = await browser.open(path);
    opened.push(page);
    return page;
  };
  /** Another browser (own cookies), recording violations too. */
  const anotherBrowser = async () => {
    const other = await stack.newBrowser();
    await other.context.addInitScript(recordViolations);
    return other;
  };
  const violations = async () => (await Promise.all(opened.filter((p) => !p.isClosed()).map((p) => p.evaluate(() => window.__cspViolations ?? [])))).flat();

  it('every page works under the policy with no violation', async () => {
    const res = await fetch(`${stack.server.url}/kiosk`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");

    // Kiosk: issue a ticket (QR code as a data: URL, print status).
    const kiosk = await open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.getByRole('button', { name: 'Đất đai' }).click();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    expect(number).toMatch(/^B\d{3}$/);

    // The citizen's status page for a ticket.
    const issued = await fetch(`${stack.server.url}/api/centres/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
      body: JSON.stringify({ serviceId: 'dat-dai' }),
    });
    const ticket = (await issued.json()).ticket;
    const status = await open(`/t/${ticket.id}`);
    await expect.poll(() => status.getByTestId('status-number').textContent(), poll).toContain(ticket.number);

    // Hall display and a counter display (socket.io live, voice clips).
    const display = await open(`/display?centre=demo&pair=${DEMO_TOKENS.display}`);
    await display.locator('luot-hall-display[data-status="online"]').waitFor();
    const board = await open(`/display/counter/1?centre=demo&pair=${DEMO_TOKENS.display}`);
    await board.locator('luot-counter-board[data-status="online"]').waitFor();
    expect(await board.getByTestId('board-counter').textContent()).toBe('Quầy số 1');

    // Counter console, logged in, live.
    const console_ = await open('/counter?centre=demo');
    await login(console_, 'lan');
    await expect.poll(() => console_.getByTestId('counter-select').locator('option').count(), poll).toBeGreaterThan(1);
    await console_.getByTestId('counter-select').selectOption('quay-1');
    await console_.locator('luot-counter-console[data-status="online"]').waitFor();

    // The rating screen of that counter: a paired device of its own (issue #10), live on /rating.
    const rate = await open(`/rate/quay-1?pair=${DEMO_TOKENS['rating-screen']}`);
    await rate.locator('luot-rating-pad [data-testid="rate-idle"]').waitFor();

    // Admin and reports (chart.js), logged in.
    const admin = await open('/admin', await anotherBrowser());
    await login(admin, 'admin');
    await admin.getByTestId('signed-in-as').waitFor();
    const reports = await open('/reports?tab=times', await anotherBrowser());
    await login(reports, 'ha');
    await reports.getByTestId('signed-in-as').waitFor();
    await expect.poll(() => reports.locator('luot-report-times luot-report-chart canvas').count(), poll).toBeGreaterThan(0);

    // Let late work (sockets, charts, sound) finish, then look.
    await reports.waitForTimeout(1000);
    expect(await violations()).toEqual([]);
    expect(stack.pageErrors.filter((e) => /Refused to|Content Security Policy/i.test(e))).toEqual([]);
    expect(stack.pageErrors).toEqual([]);
  });
});

/**
 * Accounts and devices in a real browser: the console's login (errors in Vietnamese, logout),
 * the forced change of a one-time password, and the admin page pairing a display with a new
 * token, then revoking it while the display is live.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../server/accounts/password.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('accounts and devices (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('logs an officer in at the console, says why a login failed, and logs out', async () => {
    const page = await stack.open('/counter?centre=demo');
    await page.getByTestId('login-username').fill('lan');
    await page.getByTestId('login-password').fill('sai-mat-khau');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent(), poll).toContain('Sai tên đăng nhập hoặc mật khẩu');

    await page.getByTestId('login-password').fill('luot-demo');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), poll).toContain('Nguyễn Thị Lan');
    await page.locator('luot-counter-console[data-status="online"]').waitFor();

    // A reload keeps the session (httpOnly cookie: the page's scripts cannot read it).
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await page.reload();
    await page.getByTestId('login-username').waitFor();
    expect(stack.pageErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('makes an officer with a one-time password choose a new one first', async () => {
    await stack.context.clearCookies();
    const store = stack.server.deps.store;
    await store.setPassword('demo', 'tuan', await hashPassword('mot-lan-thoi'), true);
    const page = await stack.open('/counter?centre=demo&lang=en');
    await page.getByTestId('login-username').fill('tuan');
    await page.getByTestId('login-password').fill('mot-lan-thoi');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-new').waitFor();
    expect(await page.getByTestId('password-old').count()).toBe(0); // just typed: not asked again

    await page.getByTestId('password-new').fill('short');
    await page.getByTestId('password-confirm').fill('short');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent(), poll).toContain('at least 8 characters');

    await page.getByTestId('password-new').fill('Tuấn đổi rồi');
    await page.getByTestId('password-confirm').fill('Tuấn đổi rồi');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), poll).toContain('Lê Minh Tuấn');
    expect((await store.getAccount('demo', 'tuan'))!.mustChangePassword).toBe(false);
  });

  it('pairs a new display from the admin page, and revoking it takes it off the air', async () => {
    // One browser profile for every page: start logged out.
    await stack.context.clearCookies();
    const admin = await stack.open('/admin');
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill('luot-demo');
    await admin.getByTestId('login-submit').click();
    await expect.poll(() => admin.getByTestId('staff-row').count(), poll).toBe(5);

    await admin.getByTestId('device-kind').selectOption('display');
    await admin.getByTestId('device-name').fill('TV tầng 2');
    await admin.getByTestId('device-create').click();
    const link = admin.getByTestId('device-pair-url');
    await link.waitFor();
    const url = (await link.textContent())!.trim();
    const token = (await admin.getByTestId('device-token').textContent())!.trim();
    expect(url).toBe(`${stack.server.url}/display?pair=${encodeURIComponent(token)}`);

    const tv = await stack.context.newPage();
    await tv.goto(url);
    await tv.locator('luot-hall-display[data-status="online"]').waitFor();
    // The token left the address bar and stays on the device.
    expect(new URL(tv.url()).search).toBe('');
    await tv.reload();
    await tv.locator('luot-hall-display[data-status="online"]').waitFor();

    // Reloaded, the admin page no longer shows the secret, and the list says the TV was seen.
    await admin.reload();
    const row = admin.locator('[data-testid="device-row"]', { hasText: 'TV tầng 2' });
    await expect.poll(() => row.textContent(), poll).toMatch(/Hoạt động lần cuối: \d\d:\d\d/);
    expect(await admin.getByTestId('device-token').count()).toBe(0);
    admin.once('dialog', (d) => void d.accept());
    await row.getByTestId('device-revoke').click();
    await expect.poll(() => row.getAttribute('data-revoked'), poll).toBe('true');
    await tv.locator('luot-hall-display[data-status="offline"]').waitFor();
    await tv.close();
  });

  it('tells a manager that the admin page is for administrators', async () => {
    await stack.context.clearCookies();
    const page = await stack.open('/admin?lang=en');
    await page.getByTestId('login-username').fill('ha');
    await page.getByTestId('login-password').fill('luot-demo');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('admin-only').textContent(), poll).toBe('This page is for administrators only.');
  });
});

/**
 * Pairing a kiosk with a short code in a real browser (issue #15): the admin page shows the
 * pairing address as a QR code, the code with its countdown, and the PUBLIC_URL warning (this
 * server has no PUBLIC_URL and is browsed at 127.0.0.1); a fresh kiosk without a token shows the
 * pairing screen, the code typed on it pairs the kiosk and its menu appears; the same code on
 * another kiosk is refused. Screenshots go to test-results/pairing/ for a human to look at.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('device pairing with a short code (chromium)', () => {
  let stack: Stack;
  let code = '';
  let admin: Page;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('the admin makes a kiosk token: QR code, short code with countdown, PUBLIC_URL warning', async () => {
    admin = await stack.open('/admin');
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill('luot-demo');
    await admin.getByTestId('login-submit').click();

    const warning = admin.getByTestId('public-url-warning');
    await expect.poll(() => warning.textContent(), poll).toContain('Chưa đặt PUBLIC_URL');
    expect(await warning.textContent()).toContain(stack.server.url);
    expect(await admin.getByTestId('loopback-warning').textContent()).toContain('các thiết bị khác không mở được');

    await admin.getByTestId('device-kind').selectOption('kiosk');
    await admin.getByTestId('device-name').fill('Kiosk sảnh B');
    await admin.getByTestId('device-create').click();
    const url = (await admin.getByTestId('device-pair-url').textContent())!.trim();
    expect(url).toMatch(new RegExp(`^${stack.server.url}/kiosk\\?pair=luot_`));

    const qr = admin.getByTestId('device-pair-qr');
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    code = (await admin.getByTestId('pairing-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const expiry = admin.getByTestId('pairing-expiry');
    expect(await expiry.textContent()).toMatch(/Còn hiệu lực 1[45]:\d\d/);
    // The countdown moves.
    const first = await expiry.textContent();
    await expect.poll(() => expiry.textContent(), poll).not.toBe(first);
    await admin.locator('luot-admin-devices').screenshot({ path: 'test-results/pairing/admin-created.png' });
  });

  it('a fresh kiosk shows the pairing screen; the code typed on it pairs it and the menu appears', async () => {
    const device = await stack.newBrowser();
    const kiosk = await device.open('/kiosk?centre=demo&return=60');
    await kiosk.setViewportSize({ width: 1080, height: 1920 });
    const screen = kiosk.getByTestId('pairing-screen');
    await screen.waitFor();
    expect(await screen.textContent()).toContain('Ghép thiết bị');
    await kiosk.screenshot({ path: 'test-results/pairing/kiosk-pairing.png' });

    // Half on the on-screen keypad, half on a keyboard in lower case with a dash.
    const chars = code.replace('-', '');
    for (const ch of chars.slice(0, 4)) await kiosk.getByTestId(`pair-key-${ch}`).click();
    await kiosk.keyboard.type(`-${chars.slice(4).toLowerCase()}`);
    expect(await kiosk.getByTestId('pairing-code').textContent()).toBe(code);
    await kiosk.getByTestId('pair-submit').click();

    await kiosk.getByRole('button', { name: 'Đất đai' }).waitFor({ timeout: 10_000 });
    expect(await kiosk.getByTestId('pairing-screen').count()).toBe(0);
    const kept = await kiosk.evaluate(() => localStorage.getItem('luot.deviceToken'));
    expect(kept).toMatch(/^luot_/);
    // A reload starts straight on the menu: the token is kept as ?pair= keeps it.
    await kiosk.reload();
    await kiosk.getByRole('button', { name: 'Đất đai' }).waitFor();
    expect(await kiosk.getByTestId('pairing-screen').count()).toBe(0);
  });

  it('the same code on another kiosk is refused, and that kiosk stays unpaired', async () => {
    const device = await stack.newBrowser();
    const kiosk = await device.open('/kiosk?centre=demo&lang=en');
    await kiosk.getByTestId('pairing-screen').waitFor();
    expect(await kiosk.getByTestId('pairing-screen').textContent()).toContain('Pair this device');
    await kiosk.keyboard.type(code.toLowerCase());
    await kiosk.keyboard.press('Enter');
    await expect.poll(() => kiosk.getByTestId('pairing-message').textContent(), poll).toContain('already been used');
    expect(await kiosk.getByTestId('pairing-code').textContent()).toBe('····-····');
    expect(await kiosk.evaluate(() => localStorage.getItem('luot.deviceToken'))).toBeNull();
    await kiosk.screenshot({ path: 'test-results/pairing/kiosk-refused.png' });
  });

  it('a withdrawn code is refused on a hall display; a rating screen without token asks for its code too', async () => {
    await admin.getByTestId('device-kind').selectOption('display');
    await admin.getByTestId('device-name').fill('TV sảnh B');
    await admin.getByTestId('device-create').click();
    await expect.poll(() => admin.getByTestId('device-created').textContent(), poll).toContain('TV sảnh B');
    const displayCode = (await admin.getByTestId('pairing-code').textContent())!.trim();
    await admin.getByTestId('pairing-revoke').click();
    await expect.poll(() => admin.getByTestId('pairing-revoked').textContent(), poll).toContain('Đã hủy mã ghép nối');

    const device = await stack.newBrowser();
    const tv = await device.open('/display?centre=demo&voice=silent');
    await tv.setViewportSize({ width: 1920, height: 1080 });
    await tv.getByTestId('pairing-screen').waitFor();
    expect(await tv.getByTestId('pairing-screen').textContent()).toContain('Màn hình gọi số');
    await tv.keyboard.type(displayCode);
    await tv.getByTestId('pair-submit').click();
    await expect.poll(() => tv.getByTestId('pairing-message').textContent(), poll).toContain('đã hết hạn hoặc đã bị hủy');
    expect(await tv.locator('luot-hall-display').count()).toBe(0);
    await tv.screenshot({ path: 'test-results/pairing/display-refused.png' });

    const rate = await device.open('/rate/quay-1');
    await rate.getByTestId('pairing-screen').waitFor();
    expect(await rate.getByTestId('pairing-screen').textContent()).toContain('Màn hình đánh giá');
    // Refused redeems log their 409 in the console; nothing else may.
    expect(stack.pageErrors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});

/**
 * The kiosk after a foreign visitor (issue #15): the ticket screen shows the follow link as a QR
 * code a phone can scan, "Quay lại"/Back is visibly disabled for a moment (the tail of the tap
 * that issued) and then works, and the next citizen finds the kiosk in Vietnamese again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CentreSettings } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('kiosk: QR on screen, Back, language back home (chromium, 1080 × 1920)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('an English visitor takes a ticket; the next citizen gets the menu in Vietnamese', async () => {
    const kiosk = await stack.open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.setViewportSize({ width: 1080, height: 1920 });
    await kiosk.getByRole('button', { name: 'Đất đai' }).waitFor();
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByRole('button', { name: 'Land' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();

    // The QR code of the follow link, drawn (not a broken image), big enough for a phone's camera.
    const qr = kiosk.getByTestId('ticket-qr');
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect((await qr.boundingBox())!.width).toBeGreaterThan(100);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    // Back: disabled at first, where the eye can see it, then it works well within a second.
    const back = kiosk.getByTestId('ticket-back');
    expect(await back.isDisabled()).toBe(true);
    await expect.poll(() => back.isEnabled(), { timeout: 1500, interval: 50 }).toBe(true);
    await back.click();

    // The menu, in Vietnamese again.
    await kiosk.getByRole('button', { name: 'Đất đai' }).waitFor();
    expect(await kiosk.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await kiosk.getByRole('button', { name: 'Land' }).count()).toBe(0);
    expect(stack.pageErrors).toEqual([]);
  });

  it('a kiosk set to English (?lang=en) comes home to English', async () => {
    const kiosk = await stack.open(`/kiosk?centre=demo&lang=en&return=60&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.getByRole('button', { name: 'Land' }).waitFor();
    await kiosk.getByRole('button', { name: 'Tiếng Việt' }).click();
    await kiosk.getByRole('button', { name: 'Đất đai' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    await expect.poll(() => kiosk.getByTestId('ticket-back').isEnabled(), poll).toBe(true);
    await kiosk.getByTestId('ticket-back').click();
    await kiosk.getByRole('button', { name: 'Land' }).waitFor();
    expect(await kiosk.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('says which services no open counter serves, before the tap; hides or refuses them as the centre chooses', async () => {
    const kiosk = await stack.open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
    const tile = (serviceId: string) => kiosk.locator(`luot-service-menu button[data-service-id="${serviceId}"]`);
    const note = (serviceId: string) => tile(serviceId).getByTestId('service-closed-note');
    // The demo starts with every counter closed.
    await expect.poll(() => note('dat-dai').textContent(), poll).toBe('Chưa có quầy phục vụ — có thể phải chờ lâu');

    // An officer opens quay-3 (Đất đai): its tile shows the ordinary figures, the others still say it.
    const hung = await loginHeaders(stack.server.url, 'hung');
    const api = (path: string, method: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${stack.server.url}/api/centres/demo${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await api('/counters/quay-3/open', 'POST', {}, hung)).status).toBe(200);
    await expect.poll(() => note('dat-dai').count(), poll).toBe(0);
    expect(await tile('dat-dai').getByTestId('service-figures').count()).toBe(1);
    expect(await note('xay-dung').textContent()).toBe('Chưa có quầy phục vụ — có thể phải chờ lâu');

    // The admin chooses "hide", then "refuse".
    const admin = await loginHeaders(stack.server.url, 'admin');
    const current = (await (await fetch(`${stack.server.url}/api/centres/demo/settings`, { headers: admin })).json()) as CentreSettings;
    expect((await api('/settings', 'PUT', { ...current, kioskClosedServices: 'hide' }, admin)).status).toBe(200);
    await expect.poll(() => tile('xay-dung').count(), poll).toBe(0);
    expect(await tile('dat-dai').isEnabled()).toBe(true);
    expect((await api('/settings', 'PUT', { ...current, kioskClosedServices: 'refuse' }, admin)).status).toBe(200);
    await expect.poll(() => tile('xay-dung').count(), poll).toBe(1);
    expect(await tile('xay-dung').isDisabled()).toBe(true);
    expect(await note('xay-dung').textContent()).toBe('Tạm ngừng cấp số: chưa có quầy phục vụ');
    // The server refuses it too, whoever asks.
    const refused = await api('/tickets', 'POST', { serviceId: 'xay-dung' }, { authorization: `Bearer ${DEMO_TOKENS.kiosk}` });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('service.not_served');
    expect((await api('/settings', 'PUT', current, admin)).status).toBe(200);
    expect((await api('/counters/quay-3/close', 'POST', {}, hung)).status).toBe(200);
    expect(stack.pageErrors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});

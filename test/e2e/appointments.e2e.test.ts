/**
 * Appointments (issue #14) in a real browser: the booking page on a phone-sized window (390×844)
 * from service to code, QR and cancel link, and the cancel link itself; then check-in at the
 * kiosk, where the citizen's scanner is a keyboard — it types the code into the page and presses
 * Enter: a code inside its arrival window gives a ticket marked "Lịch hẹn HH:MM", one far too
 * early says when to come back and gives no ticket.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CentreSettingsSchema, type CentreSettings } from '../../protocol/index.ts';
import { localTimeOf } from '../../server/appointments/slots.models.ts';
import { businessDay } from '../../server/queue/business-day.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

const HCM = 'Asia/Ho_Chi_Minh';

describeInBrowser('appointments: booking on a phone, check-in at the kiosk (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    const { deps } = stack.server;
    const settings = await deps.store.getSettings('demo');
    const next = CentreSettingsSchema.parse({ ...settings, appointments: { ...settings.appointments, enabled: true } });
    await deps.store.runInTx({ centreId: 'demo' }, (tx) => tx.saveSettings('demo', next));
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('books on a 390×844 phone: service, day, free time → code, QR and a cancel link that cancels', async () => {
    const page = await stack.context.newPage();
    page.on('pageerror', (e) => stack.pageErrors.push(`booking: ${e.message}`));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.server.url}/booking/demo`);
    await page.getByTestId('service-tu-phap-ho-tich').click();
    const firstDay = page.locator('[data-testid^="day-"]').first();
    await firstDay.click();
    const slot = page.locator('[data-testid^="slot-"]:not([disabled])').first();
    await slot.waitFor();
    const time = ((await slot.getAttribute('data-testid')) ?? '').replace('slot-', '');
    await slot.click();
    await page.locator('input[name="name"]').fill('Nguyễn Văn An');
    await page.locator('input[name="phone"]').fill('0912 345 678');
    await page.getByTestId('book').click();

    const code = page.getByTestId('booked-code');
    await code.waitFor();
    const text = ((await code.textContent()) ?? '').trim();
    expect(text).toMatch(/^\d{4} \d{4}$/);
    expect(await page.getByTestId('booked-when').textContent()).toContain(time);
    expect(await page.getByTestId('booked-qr').evaluate((img: HTMLImageElement) => img.naturalWidth > 0 && img.src.startsWith('data:image/png'))).toBe(true);
    // One column that fits the phone: nothing wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const stored = await stack.server.deps.store.findAppointmentByCode('demo', text.replace(' ', ''));
    expect(stored).toMatchObject({ serviceId: 'tu-phap-ho-tich', time, state: 'booked', name: 'Nguyễn Văn An', phone: '0912 345 678' });

    await page.getByTestId('booked-cancel-link').click();
    await page.getByTestId('cancel-confirm').click();
    await page.getByTestId('cancel-done').waitFor();
    expect(await page.getByTestId('cancel-state').textContent()).toBe('Đã huỷ');
    expect((await stack.server.deps.store.findAppointmentByCode('demo', text.replace(' ', '')))?.state).toBe('cancelled');
    expect(stack.pageErrors).toEqual([]);
  });

  it('checks in at the kiosk by typing the code and Enter; too early says when to come back', async () => {
    const { deps } = stack.server;
    const now = Date.now();
    const day = businessDay(new Date(now), HCM);
    const insert = async (code: string, slotAtMs: number) =>
      deps.store.runInTx({ centreId: 'demo' }, (tx) =>
        tx.insertAppointment({
          id: `e2e-${code}`,
          centreId: 'demo',
          code,
          serviceId: 'dat-dai',
          day: businessDay(new Date(slotAtMs), HCM),
          time: localTimeOf(new Date(slotAtMs), HCM),
          slotAtMs,
          state: 'booked',
          name: null,
          phone: null,
          checkInKind: null,
          checkedInAtMs: null,
          ticketId: null,
          createdAtMs: now,
          cancelledAtMs: null,
        }),
      );
    // Slots on the minute, like real ones: one five minutes ahead (inside the window), one in three hours.
    const soon = Math.ceil((now + 5 * 60_000) / 60_000) * 60_000;
    const later = Math.ceil((now + 3 * 3_600_000) / 60_000) * 60_000;
    await insert('24681357', soon);
    await insert('13572468', later);

    const kiosk = await stack.open(`/kiosk?centre=demo&return=30&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.getByTestId('checkin-button').click();
    const value = kiosk.getByTestId('code-value');
    await value.waitFor();

    await kiosk.keyboard.type('13572468', { delay: 5 });
    await kiosk.keyboard.press('Enter');
    const message = kiosk.getByTestId('code-message');
    const comeBack = localTimeOf(new Date(later - 15 * 60_000), HCM);
    const expected =
      businessDay(new Date(later), HCM) === day
        ? `Bạn đến sớm. Lịch hẹn của bạn lúc ${localTimeOf(new Date(later), HCM)}; vui lòng quay lại từ ${comeBack}.`
        : `vui lòng quay lại vào ngày đó, từ ${comeBack}.`;
    await expect.poll(async () => (await message.textContent())?.trim().toLowerCase(), poll).toContain(expected.toLowerCase());
    expect(await kiosk.getByTestId('ticket-number').count()).toBe(0);

    await kiosk.keyboard.type('2468-1357', { delay: 5 });
    await kiosk.keyboard.press('Enter');
    const number = kiosk.getByTestId('ticket-number');
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^B\d{3}$/);
    expect(await kiosk.getByTestId('ticket-appointment').textContent()).toBe(`Lịch hẹn ${localTimeOf(new Date(soon), HCM)}`);
    expect(await kiosk.getByTestId('kiosk-notice').textContent()).toContain('Đã xác nhận lịch hẹn');
    const checkedIn = await deps.store.findAppointmentByCode('demo', '24681357');
    expect(checkedIn).toMatchObject({ state: 'checked_in', checkInKind: 'on_time' });
    expect((await deps.store.getTicket(checkedIn!.ticketId!))?.appointmentAt).toBe(new Date(soon).toISOString());
    expect(stack.pageErrors).toEqual([]);
  });

  it('the console shows "Lịch hẹn HH:MM" on the appointment ticket it calls', async () => {
    const checkedIn = (await stack.server.deps.store.findAppointmentByCode('demo', '24681357'))!;
    const console_ = await stack.open('/counter?centre=demo');
    await console_.getByTestId('login-username').fill('tuan');
    await console_.getByTestId('login-password').fill('luot-demo');
    await console_.getByTestId('login-submit').click();
    await console_.locator('luot-counter-console[data-status="online"]').waitFor();
    await console_.getByTestId('counter-select').selectOption('quay-3');
    const button = (action: string) => console_.locator(`luot-counter-desk [data-action="${action}"]`).first();
    await button('open').click();
    await expect.poll(() => button('call-next').isEnabled(), poll).toBe(true);
    // The only Đất đai ticket waiting: called even before its time rather than leave the counter idle.
    await button('call-next').click();
    await expect.poll(async () => (await console_.getByTestId('current-appointment').textContent())?.trim(), poll).toBe(`Lịch hẹn ${checkedIn.time}`);
    expect(stack.pageErrors).toEqual([]);
  });

  it('shows managers booked, arrived and cancelled appointments in the reports tab', async () => {
    const checkInDay = (await stack.server.deps.store.findAppointmentByCode('demo', '24681357'))!.day;
    // Another browser: this one holds the officer's session from the console.
    const page = await (await stack.newBrowser()).open('/reports?tab=appointments');
    await page.getByTestId('login-username').fill('ha');
    await page.getByTestId('login-password').fill('luot-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('range-from').fill('2026-01-01');
    await page.getByTestId('range-to').fill('2027-12-31');
    // Above: one booked then cancelled (a later day), one checked in on time today, one still booked later today.
    await expect.poll(async () => (await page.getByTestId('appointments-cancelled').textContent())?.trim(), poll).toBe('1');
    expect((await page.getByTestId('appointments-arrived').textContent())?.trim()).toBe('1');
    expect((await page.getByTestId('appointments-booked').textContent())?.trim()).toBe('2');
    // Rows per day: today's check-in is in the one of its day.
    expect(await page.locator(`[data-testid="appointments-table"] tr[data-key="${checkInDay}"]`).count()).toBe(1);
    expect(await page.getByTestId('export-appointments-csv').getAttribute('href')).toContain('/reports/appointments?');
    expect(stack.pageErrors).toEqual([]);
  });

  it('offers check-in at the kiosk only while the centre takes appointments (switched live from the settings)', async () => {
    const kiosk = await stack.open(`/kiosk?centre=demo&return=30&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.getByTestId('checkin-button').waitFor();
    const admin = await loginHeaders(stack.server.url, 'admin');
    const put = async (enabled: boolean) => {
      const settings = (await (await fetch(`${stack.server.url}/api/centres/demo/settings`, { headers: admin })).json()) as CentreSettings;
      const res = await fetch(`${stack.server.url}/api/centres/demo/settings`, {
        method: 'PUT',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ ...settings, appointments: { ...settings.appointments, enabled } }),
      });
      expect(res.status).toBe(200);
    };
    await put(false);
    await expect.poll(() => kiosk.getByTestId('checkin-button').count(), poll).toBe(0);
    // The other entries stay: result return, and the services.
    expect(await kiosk.getByTestId('return-button').count()).toBe(1);
    await put(true);
    await expect.poll(() => kiosk.getByTestId('checkin-button').count(), poll).toBe(1);
    expect(stack.pageErrors).toEqual([]);
  });
});

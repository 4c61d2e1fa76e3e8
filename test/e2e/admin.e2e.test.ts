/**
 * The admin page in a real browser: an admin creates a service, adds it to a counter (reordered,
 * weighted), switches the centre to interleaved priority with a new priority group, and creates
 * a staff account. The kiosk and hall display, open all along, get each change without a reload;
 * the new officer logs in at /counter with the one-time password and must change it first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('admin page: configuration and staff apply live (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('configures the centre and the open kiosk and display follow without a reload', async () => {
    const store = stack.server.deps.store;
    // Screens first, paired with the demo device tokens: every change must reach them live.
    const kiosk = await stack.open(`/kiosk?centre=demo&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.locator('button[data-service-id="dat-dai"]').waitFor();
    const display = await stack.open(`/display?centre=demo&pair=${DEMO_TOKENS.display}`);
    await display.locator('luot-hall-display[data-status="online"]').waitFor();
    const displaySeq = async () => Number(await display.locator('luot-hall-display').getAttribute('data-seq'));
    const seqBefore = await displaySeq();

    // The admin works from another PC (its own cookies).
    const pc = await stack.newBrowser();
    const admin = await pc.open('/admin');
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill('luot-demo');
    await admin.getByTestId('login-submit').click();
    await expect.poll(() => admin.getByTestId('service-row').count(), poll).toBe(6);

    // A new service. A prefix that is not letters is refused on the page, in Vietnamese.
    await admin.getByTestId('service-new').click();
    await admin.getByTestId('service-name-vi').fill('Hộ chiếu');
    await admin.getByTestId('service-name-en').fill('Passports');
    expect(await admin.getByTestId('service-id').inputValue()).toBe('ho-chieu');
    await admin.getByTestId('service-prefix').fill('1');
    await admin.getByTestId('service-save').click();
    await expect
      .poll(() => admin.locator('luot-admin-services [data-testid="admin-hints"]').textContent(), poll)
      .toContain('Chữ cái đầu: một hoặc hai chữ cái in hoa');
    // A prefix another service in use has: the hall could call the same number twice (issue #10).
    await admin.getByTestId('service-prefix').fill('A');
    await admin.getByTestId('service-save').click();
    await expect
      .poll(() => admin.locator('luot-admin-services [data-testid="admin-section-error"]').textContent(), poll)
      .toBe('Số thứ tự có thể trùng với lĩnh vực đang hoạt động: tu-phap-ho-tich');
    expect(await store.getService('demo', 'ho-chieu')).toBeNull();
    await admin.getByTestId('service-prefix').fill('H');
    await admin.getByTestId('service-save').click();
    await admin.locator('[data-testid="service-row"][data-service-id="ho-chieu"]').waitFor();
    expect(await store.getService('demo', 'ho-chieu')).toMatchObject({ numbering: { mode: 'prefix', prefix: 'H', digits: 3 }, sortOrder: 7, active: true });

    // The kiosk shows it at once, and the display got a new snapshot.
    await kiosk.locator('button[data-service-id="ho-chieu"]').waitFor();
    expect(await kiosk.locator('button[data-service-id="ho-chieu"] .name').textContent()).toBe('Hộ chiếu');
    await expect.poll(displaySeq, poll).toBeGreaterThan(seqBefore);

    // Counter 1 calls it too: added (the counter section lists the new service without a reload),
    // moved to the front, weighted 2 : 1 : 1.
    await admin.locator('[data-testid="counter-row"][data-counter-id="quay-1"] [data-testid="counter-edit"]').click();
    await admin.getByTestId('counter-add-service').selectOption('ho-chieu');
    const added = admin.locator('[data-testid="counter-service"][data-service-id="ho-chieu"]');
    await added.waitFor();
    const order = () => admin.getByTestId('counter-service').evaluateAll((els) => els.map((e) => e.getAttribute('data-service-id')));
    const initial = await order();
    expect(initial.at(-1)).toBe('ho-chieu');
    for (let i = initial.length - 1; i > 0; i--) await added.getByTestId('counter-up').click();
    expect((await order())[0]).toBe('ho-chieu');
    await admin.getByTestId('counter-call-order').selectOption('weighted');
    await added.getByTestId('counter-weight').fill('2');
    await admin.getByTestId('counter-save').click();
    await expect.poll(() => admin.locator('[data-counter-id="quay-1"] [data-testid="counter-services"]').textContent(), poll).toMatch(/^Hộ chiếu → /);
    expect(await store.getCounter('demo', 'quay-1')).toMatchObject({
      serviceIds: ['ho-chieu', ...initial.slice(0, -1)],
      callOrder: 'weighted',
      weights: { 'ho-chieu': 2 },
    });

    // Centre settings: one priority ticket after every 2 normal ones, and a new priority group.
    await admin.getByTestId('settings-mode').selectOption('interleaved');
    await admin.getByTestId('settings-normalPerPriority').fill('2');
    await admin.getByTestId('group-add').click();
    const group = admin.getByTestId('group-row').last();
    await group.getByTestId('group-vi').fill('Thương binh');
    await group.getByTestId('group-en').fill('War invalid');
    expect(await group.getByTestId('group-id').inputValue()).toBe('thuong-binh');
    await admin.getByTestId('settings-save').click();
    await expect.poll(() => admin.getByTestId('settings-saved').textContent(), poll).toBe('Đã lưu, áp dụng ngay');
    const settings = await store.getSettings('demo');
    expect(settings.priorityPolicy).toEqual({ mode: 'interleaved', normalPerPriority: 2 });
    expect(settings.priorityGroups.at(-1)).toEqual({ id: 'thuong-binh', name: { vi: 'Thương binh', en: 'War invalid' }, active: true });
    // The kiosk's priority screen offers the new group, still without a reload.
    await kiosk.getByTestId('priority-button').click();
    await kiosk.locator('button[data-group-id="thuong-binh"]').waitFor();

    // A staff account with a one-time password, shown once.
    await admin.getByTestId('staff-new-username').fill('mai.pham');
    await admin.getByTestId('staff-new-name').fill('Phạm Thị Mai');
    await admin.getByTestId('staff-create').click();
    const otp = (await admin.getByTestId('staff-otp').textContent())!.trim();
    expect(otp).toMatch(/^[A-Za-z0-9]{16}$/);
    await admin.locator('[data-testid="staff-row"][data-staff-id="mai-pham"]').waitFor();
    // The admin's own row cannot be disabled or demoted from the page.
    const own = admin.locator('[data-testid="staff-row"][data-staff-id="admin"]');
    expect(await own.getByTestId('staff-active').isDisabled()).toBe(true);
    expect(await own.getByTestId('staff-role').isDisabled()).toBe(true);

    // The new officer logs in at the console on their own PC and must choose a password first.
    const desk = await stack.newBrowser();
    const console_ = await desk.open('/counter?centre=demo');
    await console_.getByTestId('login-username').fill('mai.pham');
    await console_.getByTestId('login-password').fill(otp);
    await console_.getByTestId('login-submit').click();
    await console_.getByTestId('password-new').waitFor();
    await console_.getByTestId('password-new').fill('Mai đổi mật khẩu');
    await console_.getByTestId('password-confirm').fill('Mai đổi mật khẩu');
    await console_.getByTestId('password-submit').click();
    await expect.poll(() => console_.getByTestId('signed-in-as').textContent(), poll).toContain('Phạm Thị Mai');
    expect((await store.getAccount('demo', 'mai-pham'))!.mustChangePassword).toBe(false);

    // Reloaded, the admin page shows no password any more.
    await admin.reload();
    await admin.locator('[data-testid="staff-row"][data-staff-id="mai-pham"]').waitFor();
    expect(await admin.getByTestId('staff-otp').count()).toBe(0);
    // The pages this test drives stay clean (the display's own assets are the display tests' concern).
    const ours = stack.pageErrors.filter((e) => /^\/(admin|kiosk|counter)/.test(e));
    expect(ours.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
  });

  it('disables an account and resets a password from the page', async () => {
    const pc = await stack.newBrowser();
    const admin = await pc.open('/admin?lang=en');
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill('luot-demo');
    await admin.getByTestId('login-submit').click();
    const tuan = admin.locator('[data-testid="staff-row"][data-staff-id="tuan"]');
    await tuan.waitFor();

    await tuan.getByTestId('staff-active').uncheck();
    await tuan.getByTestId('staff-save').click();
    await expect.poll(() => tuan.getAttribute('data-active'), poll).toBe('false');
    expect((await stack.server.deps.store.getAccount('demo', 'tuan'))!.active).toBe(false);

    admin.once('dialog', (d) => void d.accept());
    await tuan.getByTestId('staff-reset').click();
    await expect.poll(() => admin.getByTestId('staff-issued').textContent(), poll).toContain('The one-time password of “tuan” is shown this once');
    expect((await admin.getByTestId('staff-otp').textContent())!.trim()).toMatch(/^[A-Za-z0-9]{16}$/);
    expect((await stack.server.deps.store.getAccount('demo', 'tuan'))!.mustChangePassword).toBe(true);
  });
});

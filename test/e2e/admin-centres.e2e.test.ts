/**
 * Issue #13 in a real browser: a province administrator (whose home is the demo centre) opens
 * /admin, sees the "Trung tâm" section with every centre, creates a centre from the demo centre
 * and sees it listed; its services and counters are the demo centre's. A centre admin sees no
 * such section.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../server/accounts/password.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('admin page: centres of the province (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    const store = stack.server.deps.store;
    await store.runInTx({ centreId: 'demo' }, (tx) => tx.upsertStaff({ id: 'tinh', centreId: 'demo', name: 'Quản trị tỉnh' }));
    await store.setAccount('demo', 'tinh', {
      username: 'tinh',
      passwordHash: await hashPassword('tinh-password'),
      role: 'province_admin',
      active: true,
      mustChangePassword: false,
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('creates a centre from the demo centre and lists it', async () => {
    const store = stack.server.deps.store;
    const page = await stack.open('/admin');
    await page.getByTestId('login-username').fill('tinh');
    await page.getByTestId('login-password').fill('tinh-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('centre-row').count(), poll).toBe(1);
    expect(await page.locator('luot-admin-centres h2').textContent()).toBe('Trung tâm');

    await page.getByTestId('centre-new').click();
    // Checked on the page first, in Vietnamese.
    await page.getByTestId('centre-time-zone').fill('Asia/Atlantis');
    await page.getByTestId('centre-save').click();
    await expect.poll(() => page.locator('luot-admin-centres [data-testid="admin-hints"]').textContent(), poll).toContain('Múi giờ: cần là múi giờ IANA');

    await page.getByTestId('centre-name-vi').fill('Xã Tân Hòa');
    await page.getByTestId('centre-name-en').fill('Tan Hoa Commune');
    expect(await page.getByTestId('centre-id').inputValue()).toBe('xa-tan-hoa');
    await page.getByTestId('centre-address').fill('Ấp 3, xã Tân Hòa');
    await page.getByTestId('centre-time-zone').fill('Asia/Ho_Chi_Minh');
    expect(await page.getByTestId('centre-template').inputValue()).toBe('demo');
    await page.getByTestId('centre-save').click();

    const row = page.locator('[data-testid="centre-row"][data-centre-id="xa-tan-hoa"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Xã Tân Hòa');
    expect(await row.textContent()).toContain('Ấp 3, xã Tân Hòa');
    expect(await page.getByTestId('centre-created').textContent()).toContain('xa-tan-hoa');
    const strip = <T extends { centreId: string }>(xs: T[]) => xs.map(({ centreId: _c, ...rest }) => rest);
    expect(strip(await store.listServices('xa-tan-hoa'))).toEqual(strip(await store.listServices('demo')));
    expect(strip(await store.listCounters('xa-tan-hoa'))).toEqual(strip(await store.listCounters('demo')));

    // Edited: the name changes in the list.
    await row.getByTestId('centre-edit').click();
    await page.getByTestId('centre-name-vi').fill('Trung tâm xã Tân Hòa');
    await page.getByTestId('centre-save').click();
    await expect.poll(() => row.textContent(), poll).toContain('Trung tâm xã Tân Hòa');
    expect((await store.getCentre('xa-tan-hoa'))?.name.vi).toBe('Trung tâm xã Tân Hòa');
    expect(stack.pageErrors).toEqual([]);
  });

  it('shows a centre admin no centres section', async () => {
    const pc = await stack.newBrowser();
    const page = await pc.open('/admin');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('luot-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('service-row').first().waitFor();
    expect(await page.locator('luot-admin-centres').count()).toBe(0);
  });
});

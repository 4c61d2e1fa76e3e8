/**
 * Display settings on the admin page (issue #15: they existed only in the API): the admin writes
 * the scrolling notice, picks the southern reading and adds a hall profile; the open hall display
 * shows the notice without a reload, and a screen opened with the profile covers only its counter.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('admin: display settings (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('sets the notice, the reading and a hall profile from the page; the displays follow', async () => {
    const display = await stack.open(`/display?centre=demo&pair=${DEMO_TOKENS.display}&voice=silent`);
    await display.locator('luot-hall-display[data-status="online"]').waitFor();

    const pc = await stack.newBrowser();
    const admin = await pc.open('/admin');
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill('luot-demo');
    await admin.getByTestId('login-submit').click();
    const form = admin.getByTestId('display-form');
    await form.waitFor();

    const notice = 'Trung tâm nghỉ trưa từ 11 giờ 30 đến 13 giờ 30';
    await form.getByTestId('display-noticeVi').fill(notice);
    await form.getByTestId('display-dialect').selectOption('south');
    await form.getByTestId('display-repeat').fill('2');
    await form.getByTestId('profile-add').click();
    const profile = form.getByTestId('display-profile').last();
    await profile.getByTestId('profile-id').fill('sanh-b');
    await profile.getByTestId('profile-name').fill('Sảnh B');
    await profile.locator('input[data-counter-id="quay-3"]').check();
    // A bad value is named on the page and nothing is sent.
    await form.getByTestId('display-recentCalls').fill('12');
    await form.getByTestId('display-save').click();
    await expect.poll(() => form.getByTestId('display-recentCalls').getAttribute('aria-invalid'), poll).toBe('true');
    expect((await stack.server.deps.store.getSettings('demo')).display.notice.vi).toBe('');
    await form.getByTestId('display-recentCalls').fill('4');
    await form.getByTestId('display-save').click();
    await form.getByTestId('display-saved').waitFor();

    const saved = (await stack.server.deps.store.getSettings('demo')).display;
    expect(saved.notice.vi).toBe(notice);
    expect(saved.announcement).toMatchObject({ dialect: 'south', repeat: 2 });
    expect(saved.recentCalls).toBe(4);
    expect(saved.profiles).toEqual([{ id: 'sanh-b', name: 'Sảnh B', serviceIds: [], counterIds: ['quay-3'], announce: true }]);

    // The open display shows the notice without a reload; a screen of hall B covers only quay-3.
    await expect.poll(() => display.getByTestId('notice').textContent(), poll).toBe(notice);
    const hallB = await stack.open(`/display?centre=demo&pair=${DEMO_TOKENS.display}&voice=silent&profile=sanh-b`);
    await expect.poll(() => hallB.getByTestId('counter-tile').count(), poll).toBe(1);
    expect(stack.pageErrors).toEqual([]);
  });
});

/**
 * The kiosk's "Nhận kết quả" (issue #14) in a real browser: the citizen's scanner is a keyboard —
 * it types the code into the page (no field has the focus) and presses Enter. A ready dossier
 * gives a ticket showing the (masked) code; a dossier not ready yet gives the due date and no
 * ticket; the on-screen keypad types a code too. The console shows the whole code and hands the
 * result over.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { upsertDossiers } from '../../server/dossiers/dossiers.usecases.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('kiosk result return by dossier code (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    const { deps } = stack.server;
    const settings = await deps.store.getSettings('demo');
    await deps.store.runInTx({ centreId: 'demo' }, (tx) => tx.saveSettings('demo', { ...settings, dossierReturnServiceId: 'tra-ket-qua' }));
    await upsertDossiers(deps, 'demo', [
      { code: 'H12.34-241203-0123', state: 'ready', returnCounterId: 'quay-6', citizenName: 'Nguyễn Văn An' },
      { code: 'H12.34-241203-0456', state: 'in_progress', dueDate: '2026-12-10' },
      { code: 'AB-77', state: 'ready' },
    ]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('a scanned ready code gives a ticket with the code; a code not ready gives the due date and no ticket', async () => {
    const kiosk = await stack.open(`/kiosk?centre=demo&return=30&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.getByTestId('return-button').click();
    const value = kiosk.getByTestId('code-value');
    await value.waitFor();

    // The scanner: keystrokes to the page, lower case on purpose, then Enter.
    await kiosk.keyboard.type('h12.34-241203-0456', { delay: 5 });
    expect((await value.textContent())?.trim()).toBe('H12.34-241203-0456');
    await kiosk.keyboard.press('Enter');
    const message = kiosk.getByTestId('code-message');
    await expect.poll(async () => (await message.textContent())?.trim(), poll).toBe('Hồ sơ H12.34-****-0456 chưa có kết quả. Ngày hẹn trả: 10/12/2026.');
    expect(await kiosk.getByTestId('ticket-number').count()).toBe(0);

    await kiosk.keyboard.type('H12.34-241203-0123', { delay: 5 });
    await kiosk.keyboard.press('Enter');
    const number = kiosk.getByTestId('ticket-number');
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^F\d{3}$/);
    expect(await kiosk.getByTestId('ticket-dossier').textContent()).toBe('Hồ sơ H12.34-****-0123');
    expect(await kiosk.getByTestId('ticket-service').textContent()).toBe('Trả kết quả');

    // The on-screen keypad types a code too. (Back on a ticket counts after 1 s: the tail of a tap is not a Back.)
    await kiosk.waitForTimeout(1_100);
    await kiosk.getByRole('button', { name: 'Quay lại' }).click();
    await kiosk.getByTestId('return-button').click();
    for (const key of ['A', 'B', '-', '7', '7']) await kiosk.getByRole('button', { name: key, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Xác nhận' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket-dossier').textContent()).toBe('Hồ sơ AB-****7');
    expect(stack.pageErrors).toEqual([]);
  });

  it('the console shows the whole code and records the hand-over', async () => {
    const console_ = await stack.open('/counter?centre=demo');
    await console_.getByTestId('login-username').fill('ha');
    await console_.getByTestId('login-password').fill(DEMO_PASSWORD);
    await console_.getByTestId('login-submit').click();
    await console_.locator('luot-counter-console[data-status="online"]').waitFor();
    await console_.getByTestId('counter-select').selectOption('quay-6');
    const button = (action: string) => console_.locator(`luot-counter-desk [data-action="${action}"]`).first();
    await button('open').click();
    await expect.poll(() => button('call-next').isEnabled(), poll).toBe(true);
    await button('call-next').click();
    await expect
      .poll(
        async () =>
          (
            await console_
              .getByTestId('current-dossier')
              .textContent()
              .catch(() => null)
          )?.trim(),
        poll,
      )
      .toBe('Mã hồ sơ: H12.34-241203-0123');
    await console_.getByTestId('mark-returned').click();
    await console_.getByTestId('dossier-returned').waitFor();
    expect((await stack.server.deps.store.getDossier('demo', 'H12.34-241203-0123'))?.state).toBe('returned');
  });

  it('the admin imports a CSV file and sees the lines accepted and rejected', async () => {
    // Another PC: the console's officer is logged in on this browser.
    const pc = await stack.newBrowser();
    const admin = await pc.open('/admin');
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill(DEMO_PASSWORD);
    await admin.getByTestId('login-submit').click();
    const csv = 'code;state;due_date;citizen_name\nH12.34-241205-0001;ready;05/12/2026;Lê Văn Cường\nH12.34-241205-0002;xong;;\n';
    await admin.getByTestId('dossiers-file').setInputFiles({ name: 'ho-so.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await admin.getByTestId('dossiers-import').click();
    await expect.poll(async () => (await admin.getByTestId('dossiers-result').textContent())?.trim(), poll).toBe('Đã nhận 1 dòng, từ chối 1 dòng.');
    const rejected = admin.getByTestId('dossiers-rejected-row');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.locator('td').first().textContent()).toBe('3');
    expect(await stack.server.deps.store.getDossier('demo', 'H12.34-241205-0001')).toMatchObject({ citizenName: 'Lê Văn Cường', dueDate: '2026-12-05' });

    // The result-return settings: unknown codes issue flagged tickets; the return queue stays.
    const form = admin.getByTestId('dossier-settings');
    await form.locator('select[name="unknownDossier"]').selectOption('issue-flagged');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(async () => (await stack.server.deps.store.getSettings('demo')).unknownDossier, poll).toBe('issue-flagged');
    expect((await stack.server.deps.store.getSettings('demo')).dossierReturnServiceId).toBe('tra-ket-qua');
    expect(stack.pageErrors).toEqual([]);
  });
});

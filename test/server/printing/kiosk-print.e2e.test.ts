/**
 * The kiosk's side of print-confirmed issuance in a real browser: "Mời nhận phiếu" only after the
 * bridge printed; when the printer is out of paper, the number with the QR code and a clear
 * message. The real bridge prints on a fake network printer.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningBridge } from '../../../firmware-bridge/bridge.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { describeInBrowser, poll, startStack, type Stack } from '../../e2e/browser.harness.ts';
import { startFakePrinter, type FakeEscposPrinter } from '../../fakes/escpos-printer.ts';
import { startTestBridge } from '../../helpers/bridge.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describeInBrowser('kiosk with a ticket printer (chromium)', () => {
  let stack: Stack;
  let printer: FakeEscposPrinter;
  let bridge: RunningBridge;
  const dir = tempDir('luot-e2e-bridge');
  beforeAll(async () => {
    stack = await startStack();
    printer = await startFakePrinter();
    bridge = await startTestBridge(stack.server.url, dir.path, { interface: printer.url });
  });
  afterAll(async () => {
    await bridge?.stop();
    await printer?.close();
    await stack?.close();
    dir.remove();
  });

  it('says "Mời nhận phiếu" once printed, and shows the QR code when the printer is out of paper', async () => {
    const kiosk = await stack.open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.getByRole('button', { name: 'Đất đai' }).click();
    const status = kiosk.getByTestId('print-status');
    await expect.poll(() => status.getAttribute('data-phase'), poll).toBe('printed');
    expect(await status.textContent()).toContain('Mời nhận phiếu');
    expect(printer.jobs.length).toBe(1);

    await new Promise((r) => setTimeout(r, 1100)); // taps in the first second after a ticket appears are ignored
    await kiosk.getByRole('button', { name: 'Quay lại' }).click();
    printer.setPaper('out');
    await kiosk.getByRole('button', { name: 'Xây dựng' }).click();
    await expect.poll(() => status.getAttribute('data-phase'), poll).toBe('failed');
    expect(await status.textContent()).toContain('Máy in hết giấy');
    expect(await status.textContent()).toContain('vẫn có hiệu lực');
    await kiosk.getByTestId('print-status-qr').waitFor();
    // The number stays large on screen.
    expect((await kiosk.getByTestId('ticket-number').textContent())!.trim()).toMatch(/^E\d{3}$/);
    expect(stack.pageErrors).toEqual([]);
  });
});

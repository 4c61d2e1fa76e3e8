/**
 * The kiosk in large print (issue #15, settings `largePrint`), portrait 1080 × 1920 and landscape
 * 1920 × 1080, with 13 services: the text of the menu, the ticket screen and the code-entry
 * screens measurably bigger than without it, every service still reachable, and nothing outside
 * the screen or spilling out of its button.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningBridge } from '../../firmware-bridge/bridge.ts';
import type { CentreSettings } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { startFakePrinter, type FakeEscposPrinter } from '../fakes/escpos-printer.ts';
import { startTestBridge } from '../helpers/bridge.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

const EXTRA = [
  'Y tế – Khám chữa bệnh và Bảo hiểm y tế',
  'Nông nghiệp và Phát triển nông thôn',
  'Văn hóa, Thể thao và Du lịch',
  'Tư pháp – Chứng thực bản sao, chữ ký',
  'Tài nguyên và Môi trường',
  'Giáo dục và Đào tạo',
  'Công an – Cư trú',
];
const SERVICES = 6 + EXTRA.length;

const SCREENS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;

type Sizes = Record<string, number>;

/** Computed font size (px) of the first element matching `selector` (playwright's CSS pierces shadow roots). */
const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/**
 * What is outside the screen or outside its button, and whether the page scrolls: every visible
 * element of every shadow tree is checked.
 */
async function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (el: Element, r: DOMRect) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const r = el.getBoundingClientRect();
        if (!visible(el, r)) continue;
        if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) problems.push(`outside the screen: ${name(el)}`);
        if (el.tagName === 'BUTTON') {
          for (const child of el.querySelectorAll('*')) {
            const c = child.getBoundingClientRect();
            if (visible(child, c) && (c.left < r.left - 0.5 || c.right > r.right + 0.5 || c.top < r.top - 0.5 || c.bottom > r.bottom + 0.5)) {
              problems.push(`spills out of its button: ${name(child)}`);
            }
          }
          if (el.scrollWidth > el.clientWidth + 1) problems.push(`text wider than its button: ${name(el)}`);
        }
      }
    };
    walk(document);
    const doc = document.documentElement;
    if (doc.scrollHeight > innerHeight + 1 || doc.scrollWidth > innerWidth + 1) problems.push('the page scrolls');
    return problems;
  });
}

/** Every service on the menu, page by page, with what does not fit on each page. */
async function walkMenu(page: Page): Promise<{ seen: Set<string>; problems: string[]; pages: number }> {
  const seen = new Set<string>();
  const problems: string[] = [];
  const pager = page.getByTestId('menu-page');
  const pages = (await pager.count()) === 0 ? 1 : Number(/(\d+)\D*$/.exec((await pager.textContent())!)![1]);
  for (let p = 0; p < pages; p++) {
    for (const id of await page.locator('luot-service-menu button[data-service-id]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-service-id')!)))
      seen.add(id);
    problems.push(...(await misfits(page)).map((m) => `page ${p + 1}: ${m}`));
    if (p < pages - 1) {
      const before = await pager.textContent();
      await page.getByTestId('menu-next').click();
      await expect.poll(() => pager.textContent(), poll).not.toBe(before);
    }
  }
  if (pages > 1) {
    // Back to the first page for the next step.
    for (let p = pages - 1; p > 0; p--) await page.getByTestId('menu-prev').click();
  }
  return { seen, problems, pages };
}

describeInBrowser('kiosk in large print (chromium, 1080 × 1920 and 1920 × 1080)', () => {
  let stack: Stack;
  let admin: Record<string, string>;
  // The kiosk's ticket printer (a fake one on TCP, through the real bridge): the ticket screen
  // then has its print-status band too, as at a real centre.
  let printer: FakeEscposPrinter;
  let bridge: RunningBridge;
  const dir = tempDir('luot-e2e-large-print');
  const api = (path: string, method: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${stack.server.url}/api/centres/demo${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    stack = await startStack();
    printer = await startFakePrinter();
    bridge = await startTestBridge(stack.server.url, dir.path, { interface: printer.url });
    admin = await loginHeaders(stack.server.url, 'admin');
    for (const [i, name] of EXTRA.entries()) {
      const body = {
        name: { vi: name, en: `Extra service ${i}` },
        numbering: { mode: 'prefix', prefix: `L${String.fromCharCode(65 + i)}`, digits: 3 },
        sortOrder: 100 + i,
      };
      expect((await api(`/services/large-${i}`, 'PUT', body, admin)).status).toBe(200);
    }
    // A centre that takes appointments: the menu has every entry button (priority, check-in, result return).
    const settings = (await (await fetch(`${stack.server.url}/api/centres/demo/settings`, { headers: admin })).json()) as CentreSettings;
    expect((await api('/settings', 'PUT', { ...settings, appointments: { ...settings.appointments, enabled: true } }, admin)).status).toBe(200);
    // One counter open: its services show the waiting figures, the others "Chưa có quầy phục vụ".
    expect((await api('/counters/quay-3/open', 'POST', {}, await loginHeaders(stack.server.url, 'hung'))).status).toBe(200);
  });
  afterAll(async () => {
    await bridge?.stop();
    await printer?.close();
    await stack?.close();
    dir.remove();
  });

  async function setLargePrint(on: boolean) {
    const current = (await (await fetch(`${stack.server.url}/api/centres/demo/settings`, { headers: admin })).json()) as CentreSettings;
    expect((await api('/settings', 'PUT', { ...current, largePrint: on }, admin)).status).toBe(200);
  }

  /** Opens the kiosk at `screen`, visits the menu, a ticket, and both code-entry screens; returns their font sizes and misfits. */
  async function visit(screen: (typeof SCREENS)[number], largePrint: boolean, paperOut = false) {
    const kiosk = await stack.open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.setViewportSize({ width: screen.width, height: screen.height });
    await kiosk.getByTestId('priority-button').waitFor();
    await expect.poll(() => kiosk.locator('luot-kiosk-app').evaluate((el) => el.hasAttribute('large-print')), poll).toBe(largePrint);
    await expect.poll(() => kiosk.getByTestId('service-figures').count(), poll).toBeGreaterThan(0);
    const tag = `${screen.name}${largePrint ? '-large-print' : ''}${paperOut ? '-paper-out' : ''}`;

    const sizes: Sizes = {
      'menu title': await fontSize(kiosk, 'luot-kiosk-menu h2'),
      'service name': await fontSize(kiosk, 'luot-service-menu button[data-service-id="dat-dai"] .name'),
      'service figures': await fontSize(kiosk, 'luot-service-menu [data-testid="service-figures"]'),
      'priority button': await fontSize(kiosk, 'luot-kiosk-menu .priority .big'),
    };
    const menu = await walkMenu(kiosk);
    await kiosk.screenshot({ path: `test-results/kiosk/large-print-menu-${tag}.png` });

    await kiosk.locator('luot-service-menu button[data-service-id="dat-dai"]').click();
    await kiosk.getByTestId('ticket-number').waitFor();
    await kiosk.getByTestId('ticket-qr').waitFor();
    await expect.poll(() => kiosk.getByTestId('print-status').getAttribute('data-phase'), poll).toBe(paperOut ? 'failed' : 'printed');
    if (paperOut) await kiosk.getByTestId('print-status-qr').waitFor();
    sizes['ticket service'] = await fontSize(kiosk, '[data-testid="ticket-service"]');
    sizes['ticket line'] = await fontSize(kiosk, '[data-testid="ticket-ahead"]');
    sizes['ticket back'] = await fontSize(kiosk, '[data-testid="ticket-back"]');
    sizes['ticket number'] = await fontSize(kiosk, '[data-testid="ticket-number"]');
    const ticket = await misfits(kiosk);
    // The print band above the ticket must not cover it.
    const band = (await kiosk.getByTestId('print-status').boundingBox())!;
    const card = (await kiosk.locator('luot-ticket-view .ticket').boundingBox())!;
    if (card.y < band.y + band.height - 0.5) ticket.push(`the print band covers the ticket by ${Math.round(band.y + band.height - card.y)} px`);
    await kiosk.screenshot({ path: `test-results/kiosk/large-print-ticket-${tag}.png` });
    await expect.poll(() => kiosk.getByTestId('ticket-back').isEnabled(), poll).toBe(true);
    await kiosk.getByTestId('ticket-back').click();

    const codeScreens: Record<string, string[]> = {};
    for (const entry of ['return-button', 'checkin-button']) {
      await kiosk.getByTestId(entry).click();
      await kiosk.locator('luot-code-entry .keypad').waitFor();
      sizes[`${entry} title`] = await fontSize(kiosk, 'luot-code-entry h2');
      sizes[`${entry} key`] = await fontSize(kiosk, 'luot-code-entry .keypad button');
      codeScreens[entry] = await misfits(kiosk);
      await kiosk.screenshot({ path: `test-results/kiosk/large-print-${entry}-${tag}.png` });
      await kiosk.locator('luot-code-entry button.back').click();
      await kiosk.getByTestId('priority-button').waitFor();
    }
    await kiosk.close();
    return { sizes, menu, ticket, codeScreens };
  }

  it('bigger text on every kiosk screen, all 13 services reachable, nothing outside the screen', async () => {
    const normal = [];
    for (const screen of SCREENS) normal.push(await visit(screen, false));

    // The admin switches large print on and two copies, on the admin page.
    const admin_ = await stack.open('/admin');
    await admin_.getByTestId('login-username').fill('admin');
    await admin_.getByTestId('login-password').fill('luot-demo');
    await admin_.getByTestId('login-submit').click();
    await admin_.getByTestId('settings-largePrint').check();
    await admin_.getByTestId('settings-ticketCopies').selectOption('2');
    await admin_.getByTestId('settings-save').click();
    await expect.poll(() => admin_.getByTestId('settings-saved').textContent(), poll).toBe('Đã lưu, áp dụng ngay');
    expect(await stack.server.deps.store.getSettings('demo')).toMatchObject({ largePrint: true, ticketCopies: 2 });
    await admin_.close();
    for (const [i, screen] of SCREENS.entries()) {
      const large = await visit(screen, true);
      const before = normal[i]!;
      for (const [what, px] of Object.entries(large.sizes)) {
        // The number is huge already: it stays so (landscape gives up a little of its height to the
        // bigger lines, and it stays over three times their size); everything else grows by a quarter or more.
        if (what === 'ticket number') {
          expect(px, `${screen.name}: ${what}`).toBeGreaterThanOrEqual(before.sizes[what]! * (screen.name === 'portrait' ? 1 : 0.75) - 0.5);
          expect(px, `${screen.name}: ${what}`).toBeGreaterThan(3 * large.sizes['ticket service']!);
        } else expect(px / before.sizes[what]!, `${screen.name}: ${what} (${before.sizes[what]} → ${px} px)`).toBeGreaterThanOrEqual(1.25);
      }
      expect(large.menu.problems, `${screen.name} menu`).toEqual([]);
      expect(large.menu.seen.size, `${screen.name}: services reachable`).toBe(SERVICES);
      // Fewer tiles per page rather than overflow.
      expect(large.menu.pages, screen.name).toBeGreaterThanOrEqual(before.menu.pages);
      expect(large.ticket, `${screen.name} ticket screen`).toEqual([]);
      for (const [entry, problems] of Object.entries(large.codeScreens)) expect(problems, `${screen.name} ${entry}`).toEqual([]);
      // Without large print the same screens fit too (nothing this change broke).
      expect([...before.menu.problems, ...before.ticket], `${screen.name} without large print`).toEqual([]);
      expect(before.menu.seen.size).toBe(SERVICES);
    }

    // The tallest ticket screen: the printer out of paper, its message and QR code above the ticket.
    printer.setPaper('out');
    for (const screen of SCREENS) {
      const out = await visit(screen, true, true);
      expect(out.ticket, `${screen.name} ticket screen, paper out`).toEqual([]);
    }
    printer.setPaper('ok');

    // Switched off again, live: the kiosk goes back to its normal size.
    await setLargePrint(false);
    const kiosk = await stack.open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
    await kiosk.getByTestId('priority-button').waitFor();
    await setLargePrint(true);
    await expect.poll(() => kiosk.locator('luot-kiosk-app').evaluate((el) => el.hasAttribute('large-print')), poll).toBe(true);
    await setLargePrint(false);
    await expect.poll(() => kiosk.locator('luot-kiosk-app').evaluate((el) => el.hasAttribute('large-print')), poll).toBe(false);
    expect(stack.pageErrors).toEqual([]);
  });
});

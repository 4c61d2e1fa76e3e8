/**
 * The kiosk with 6, 13 and 30 services, portrait 1080 × 1920 and landscape 1920 × 1080 (issue
 * #15): every service can be reached (pages, turned with big buttons), every tile is inside the
 * screen, and no name spills out of its tile.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

/** Lĩnh vực a provincial centre lists, long names among them. */
const NAMES = [
  'Lao động – Thương binh và Xã hội',
  'Tài nguyên và Môi trường',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Văn hóa, Thể thao và Du lịch',
  'Nông nghiệp và Phát triển nông thôn',
  'Giao thông vận tải',
  'Công thương',
  'Khoa học và Công nghệ',
  'Thông tin và Truyền thông',
  'Nội vụ',
  'Tư pháp – Chứng thực bản sao, chữ ký',
  'Kế hoạch và Đầu tư',
  'Tài chính',
  'Ngoại vụ',
  'Dân tộc và Tôn giáo',
  'Thanh tra',
  'Bảo hiểm xã hội',
  'Thuế',
  'Điện lực',
  'Cấp nước',
  'Công an – Cư trú',
  'Công an – Căn cước',
  'Quân sự – Đăng ký nghĩa vụ',
];

const SCREENS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
];

/** Every service reachable on the kiosk, page by page, and whatever did not fit. */
async function walkPages(kiosk: Page): Promise<{ seen: Set<string>; problems: string[] }> {
  const seen = new Set<string>();
  const problems: string[] = [];
  const pages = kiosk.getByTestId('menu-page');
  const total = (await pages.count()) === 0 ? 1 : Number(/(\d+)\D*$/.exec((await pages.textContent())!)![1]);
  for (let p = 0; p < total; p++) {
    const tiles = await kiosk.locator('luot-service-menu button[data-service-id]').evaluateAll((buttons) =>
      buttons.map((b) => {
        const box = b.getBoundingClientRect();
        const name = b.querySelector('.name') as HTMLElement;
        return {
          id: b.getAttribute('data-service-id')!,
          inside: box.top >= 0 && box.bottom <= window.innerHeight + 0.5 && box.left >= 0 && box.right <= window.innerWidth + 0.5,
          nameFits: name.scrollWidth <= b.clientWidth && name.getBoundingClientRect().bottom <= box.bottom + 0.5,
          tall: box.height >= 100,
        };
      }),
    );
    for (const t of tiles) {
      seen.add(t.id);
      if (!t.inside) problems.push(`${t.id}: outside the screen`);
      if (!t.nameFits) problems.push(`${t.id}: name spills out`);
      if (!t.tall) problems.push(`${t.id}: tile too small to tap`);
    }
    if (p < total - 1) {
      const before = await pages.textContent();
      await kiosk.getByTestId('menu-next').click();
      await expect.poll(() => pages.textContent(), poll).not.toBe(before);
    }
  }
  return { seen, problems };
}

describeInBrowser('kiosk with many services (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('reaches and shows every service whole at 6, 13 and 30, portrait and landscape', async () => {
    const admin = await loginHeaders(stack.server.url, 'admin');
    let added = 0;
    for (const count of [6, 13, 30]) {
      for (; 6 + added < count; added++) {
        const res = await fetch(`${stack.server.url}/api/centres/demo/services/extra-${added}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', ...admin },
          body: JSON.stringify({
            name: { vi: NAMES[added], en: `Extra service ${added}` },
            numbering: { mode: 'prefix', prefix: `Q${String.fromCharCode(65 + added)}`, digits: 3 },
            sortOrder: 100 + added,
          }),
        });
        expect(res.status).toBe(200);
      }
      for (const screen of SCREENS) {
        const kiosk = await stack.open(`/kiosk?centre=demo&return=60&pair=${DEMO_TOKENS.kiosk}`);
        await kiosk.setViewportSize({ width: screen.width, height: screen.height });
        // Settled: the live state is in (the priority button, the notes of services without an open counter).
        await kiosk.getByTestId('priority-button').waitFor();
        await expect.poll(() => kiosk.getByTestId('service-closed-note').count(), poll).toBeGreaterThan(0);
        const { seen, problems } = await walkPages(kiosk);
        // For a human to look at (test-results/ is not kept in git).
        await kiosk.screenshot({ path: `test-results/kiosk/${count}-services-${screen.name}.png` });
        expect(problems, `${count} services, ${screen.name}`).toEqual([]);
        expect(seen.size, `${count} services, ${screen.name}`).toBe(count);
        await kiosk.close();
      }
    }
    expect(stack.pageErrors).toEqual([]);
  });
});

/**
 * The hall display and the counter display in a real browser on the real server (issue #7):
 * layouts (landscape, portrait, 4K), what each shows, calls made through the API appearing live,
 * the announcements the page queues for them, the sound lock, and displays limited to part of a
 * centre. Screenshots go to test-results/display/ (gitignored) for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CentreSettings, Snapshot, TicketStatus } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

const SHOTS = join(process.cwd(), 'test-results', 'display');
const PAIR = `pair=${DEMO_TOKENS.display}`;
/** A small round emblem, as a centre would upload it. */
const LOGO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4.5" fill="#ffd54f"/><path d="M5 1.5l1 3h3l-2.5 2 1 3L5 7.6 2.5 9.5l1-3L1 4.5h3z" fill="#c62828"/></svg>',
  );
const NOTICE = 'Trung tâm làm việc từ thứ Hai đến thứ Sáu, sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ.';

type Officer = 'admin' | 'lan' | 'hung' | 'tuan';

/** What the page's announcer did and holds, read through its window hook. */
interface Spoken {
  sound: string;
  engine: string;
  /** Said (or tried), then the one being said, then those waiting: in order. */
  texts: string[];
  outcomes: string[];
}

const spoken = (page: Page): Promise<Spoken> =>
  page.evaluate(() => {
    const a = window.__luotAnnouncer!;
    return {
      sound: a.sound,
      engine: a.engine,
      texts: [...a.history.map((h) => h.announcement.text), ...(a.playing ? [a.playing.text] : []), ...a.pending.map((p) => p.text)],
      outcomes: a.history.map((h) => h.outcome),
    };
  });

/** The centre's wall clock (Vietnam is UTC+7 all year), HH:MM. */
const vietnamClock = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(11, 16);

describeInBrowser('hall and counter displays (chromium)', () => {
  let stack: Stack;
  const sessions = new Map<Officer, Promise<Record<string, string>>>();
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const api = async <T>(who: Officer, method: string, path: string, body?: unknown): Promise<T> => {
    if (!sessions.has(who)) sessions.set(who, loginHeaders(stack.server.url, who));
    const res = await fetch(`${stack.server.url}/api/centres/demo${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(await sessions.get(who)!) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${method} ${path}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
    return (await res.json()) as T;
  };
  const issue = (serviceId: string) => api<TicketStatus>('admin', 'POST', '/tickets', { serviceId });
  const act = (who: Officer, counterId: string, action: string) => api<TicketStatus>(who, 'POST', `/counters/${counterId}/${action}`, {});
  const changeSettings = async (change: (s: CentreSettings) => void) => {
    const settings = await api<CentreSettings>('admin', 'GET', '/settings');
    change(settings);
    await api('admin', 'PUT', '/settings', settings);
  };
  const snapshot = async () =>
    (await (await fetch(`${stack.server.url}/api/centres/demo/snapshot`, { headers: { authorization: `Bearer ${DEMO_TOKENS.display}` } })).json()) as Snapshot;

  /** Every part of the page a citizen must see lies inside the screen (nothing scrolls on a TV). */
  const allInside = async (page: Page, testIds: string[]) => {
    const {
      innerWidth: w,
      innerHeight: h,
      scrollW,
      scrollH,
    } = await page.evaluate(() => ({
      innerWidth,
      innerHeight,
      scrollW: document.scrollingElement!.scrollWidth,
      scrollH: document.scrollingElement!.scrollHeight,
    }));
    expect(scrollW).toBeLessThanOrEqual(w);
    expect(scrollH).toBeLessThanOrEqual(h);
    for (const id of testIds) {
      for (const box of await Promise.all((await page.getByTestId(id).all()).map((l) => l.boundingBox()))) {
        expect(box, id).not.toBeNull();
        expect(box!.x, id).toBeGreaterThanOrEqual(0);
        expect(box!.y, id).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, id).toBeLessThanOrEqual(w + 0.5);
        expect(box!.y + box!.height, id).toBeLessThanOrEqual(h + 0.5);
      }
    }
  };
  const fontPx = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  it('hall display: the newest call large, previous calls, queues, counters, clock and notice; every call announced in turn, a recall again', async () => {
    await changeSettings((s) => {
      s.display.notice.vi = NOTICE;
      // Branding without code: a logo and the header colour of the centre's house style.
      s.display.logoUrl = LOGO;
      s.display.theme = { '--luot-header-bg': '#005baa' };
    });
    const hall = await stack.open(`/display?${PAIR}&voice=silent`);
    await hall.setViewportSize({ width: 1920, height: 1080 });
    const host = hall.locator('luot-hall-display');
    await hall.locator('luot-hall-display[data-status="online"]').waitFor();
    expect(await host.getAttribute('data-layout')).toBe('landscape');
    expect(await hall.getByTestId('notice').textContent()).toBe(NOTICE);
    expect(await hall.evaluate(() => getComputedStyle(document.body).cursor)).toBe('none');
    expect(await hall.getByTestId('logo').isVisible()).toBe(true);
    expect(await hall.locator('luot-hall-display').evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('header')!).backgroundColor)).toBe(
      'rgb(0, 91, 170)',
    );

    // Three officers open their counters; the kiosk's tickets are called through the API.
    await act('lan', 'quay-1', 'open');
    await act('hung', 'quay-3', 'open');
    await act('tuan', 'quay-5', 'open');
    for (const s of ['tu-phap-ho-tich', 'dat-dai', 'dang-ky-kinh-doanh', 'tu-phap-ho-tich', 'dat-dai', 'xay-dung']) await issue(s);
    const a = await act('lan', 'quay-1', 'call-next');
    const b = await act('hung', 'quay-3', 'call-next');
    const c = await act('tuan', 'quay-5', 'call-next');
    expect([a.ticket.number, b.ticket.number, c.ticket.number]).toEqual(['A001', 'B001', 'C001']);

    await expect.poll(() => hall.getByTestId('latest-number').textContent(), poll).toBe('C001');
    expect(await hall.getByTestId('latest-counter').textContent()).toBe('Quầy số 5');
    expect(await hall.getByTestId('latest-service').textContent()).toBe('Đăng ký kinh doanh');
    expect(await hall.getByTestId('latest-label').textContent()).toBe('Mời công dân có số');
    const previous = hall.getByTestId('previous-call');
    await expect.poll(() => previous.allInnerTexts(), poll).toHaveLength(2);
    expect((await previous.allInnerTexts()).map((t) => t.split(/\s+/).slice(0, 4).join(' '))).toEqual(['B001 Quầy số 3', 'A001 Quầy số 1']);
    expect(await hall.locator('[data-testid="counter-tile"][data-counter-id="quay-1"]').getAttribute('data-status')).toBe('open');
    expect(await hall.locator('[data-testid="counter-tile"][data-counter-id="quay-1"] .value').textContent()).toBe('A001');
    expect(await hall.locator('[data-testid="counter-tile"][data-counter-id="quay-2"] .value').textContent()).toBe('Đóng');
    const waiting = (await snapshot()).waiting;
    expect(await hall.locator('[data-testid="service-waiting"][data-service-id="tu-phap-ho-tich"] .count').textContent()).toBe(
      String(waiting['tu-phap-ho-tich']),
    );
    expect(await hall.locator('[data-testid="service-waiting"][data-service-id="dat-dai"] .count').textContent()).toBe('1');
    const clock = await hall.locator('luot-clock').evaluate((el) => el.shadowRoot!.querySelector('.time')!.textContent);
    expect([vietnamClock(Date.now() - 60_000), vietnamClock(Date.now())]).toContain(clock);

    // Each call is announced once, in the order made, one after the other (the page's silent
    // test player stands in for the loudspeaker and takes about as long as speech would).
    const said = [
      'Mời công dân có số thứ tự a một, đến quầy số một.',
      'Mời công dân có số thứ tự bê một, đến quầy số ba.',
      'Mời công dân có số thứ tự xê một, đến quầy số năm.',
    ];
    await expect.poll(async () => (await spoken(hall)).texts, poll).toEqual(said);
    expect((await spoken(hall)).sound).toBe('silent');

    // A recall shows "Mời lại" and is announced again, after the ones before it.
    await act('lan', 'quay-1', 'recall');
    await expect.poll(() => hall.getByTestId('latest-label').textContent(), poll).toBe('Mời lại công dân có số');
    expect(await hall.getByTestId('latest-number').textContent()).toBe('A001');
    await expect.poll(async () => (await spoken(hall)).texts, poll).toEqual([...said, 'Mời lại công dân có số thứ tự a một, đến quầy số một.']);
    await expect.poll(async () => (await spoken(hall)).outcomes, { ...poll, timeout: 20_000 }).toEqual(['played', 'played', 'played', 'played']);
    expect(await host.getAttribute('data-announced')).toBe('4');

    // Readable across a hall: the number is over a fifth of the screen's height, nothing is cut.
    const parts = ['latest-number', 'latest-counter', 'previous-call', 'service-waiting', 'counter-tile', 'notice'];
    expect(await fontPx(hall, 'latest-number')).toBeGreaterThan(0.2 * 1080);
    await allInside(hall, parts);
    await hall.screenshot({ path: join(SHOTS, 'hall-landscape-1080p.png'), animations: 'disabled' });

    // 4K: the same picture, twice the pixels.
    const at1080 = await fontPx(hall, 'latest-number');
    await hall.setViewportSize({ width: 3840, height: 2160 });
    await expect.poll(async () => (await fontPx(hall, 'latest-number')) / at1080, poll).toBeGreaterThan(1.95);
    expect((await fontPx(hall, 'latest-number')) / at1080).toBeLessThan(2.05);
    await allInside(hall, parts);
    await hall.screenshot({ path: join(SHOTS, 'hall-landscape-4k.png'), animations: 'disabled' });

    // A TV turned on its side.
    await hall.setViewportSize({ width: 1080, height: 1920 });
    await expect.poll(() => host.getAttribute('data-layout'), poll).toBe('portrait');
    await allInside(hall, parts);
    expect(await fontPx(hall, 'latest-number')).toBeGreaterThan(0.25 * 1080);
    await hall.screenshot({ path: join(SHOTS, 'hall-portrait-1080p.png'), animations: 'disabled' });
    expect(stack.pageErrors).toEqual([]);
  });

  it('counter display /display/counter/<n>: the number, the counter, its services, the officer; "Tạm dừng" on a break', async () => {
    const board = await stack.open(`/display/counter/3?${PAIR}`);
    await board.setViewportSize({ width: 1280, height: 720 });
    await board.locator('luot-counter-board[data-status="online"]').waitFor();
    expect(await board.getByTestId('board-counter').textContent()).toBe('Quầy số 3');
    expect(await board.getByTestId('board-services').textContent()).toBe('Đất đai');
    expect(await board.getByTestId('board-number').textContent()).toBe('B001');
    expect(await board.getByTestId('board-label').textContent()).toBe('Mời công dân có số');
    expect(await board.getByTestId('board-officer').textContent()).toBe('Cán bộ: Trần Văn Hùng');

    await act('hung', 'quay-3', 'start-serving');
    await expect.poll(() => board.getByTestId('board-label').textContent(), poll).toBe('Đang phục vụ số');
    await allInside(board, ['board-counter', 'board-number', 'board-officer']);
    await board.screenshot({ path: join(SHOTS, 'counter-3-serving.png'), animations: 'disabled' });

    await act('hung', 'quay-3', 'finish');
    await expect.poll(() => board.getByTestId('board-state').textContent(), poll).toBe('Chưa gọi số');
    await act('hung', 'quay-3', 'pause');
    await expect.poll(() => board.getByTestId('board-state').textContent(), poll).toBe('Tạm dừng');
    expect(await board.getByTestId('board-officer').textContent()).toBe('Cán bộ: Trần Văn Hùng');
    await board.screenshot({ path: join(SHOTS, 'counter-3-paused.png'), animations: 'disabled' });

    await act('hung', 'quay-3', 'resume');
    const next = await act('hung', 'quay-3', 'call-next');
    await expect.poll(() => board.getByTestId('board-number').textContent(), poll).toBe(next.ticket.number);
    await act('hung', 'quay-3', 'no-show');
    await act('hung', 'quay-3', 'close');
    await expect.poll(() => board.getByTestId('board-state').textContent(), poll).toBe('Đóng');
    expect(await board.getByTestId('board-officer').count()).toBe(0);

    const unknown = await stack.open(`/display/counter/42?${PAIR}`);
    await expect.poll(() => unknown.getByTestId('board-error').textContent(), poll).toBe('Không tìm thấy quầy');
    expect(stack.pageErrors).toEqual([]);
  });

  it('a display for part of the centre (?counters=, a named profile) shows and announces only its calls', async () => {
    const hall5 = await stack.open(`/display?${PAIR}&voice=silent&counters=5`);
    await hall5.locator('luot-hall-display[data-status="online"]').waitFor();
    await expect.poll(() => hall5.getByTestId('counter-tile').evaluateAll((els) => els.map((e) => e.dataset.counterId)), poll).toEqual(['quay-5']);
    // Counter 5 serves Đăng ký kinh doanh and Xây dựng: those queues only.
    expect(await hall5.getByTestId('service-waiting').evaluateAll((els) => els.map((e) => e.dataset.serviceId))).toEqual(['dang-ky-kinh-doanh', 'xay-dung']);

    await act('lan', 'quay-1', 'finish');
    const elsewhere = await act('lan', 'quay-1', 'call-next');
    await act('tuan', 'quay-5', 'finish');
    const here = await act('tuan', 'quay-5', 'call-next');
    await expect.poll(() => hall5.getByTestId('latest-number').textContent(), poll).toBe(here.ticket.number);
    expect(await hall5.getByTestId('previous-call').allInnerTexts()).toEqual([expect.stringContaining('C001')]);
    expect(here.ticket.number).toBe('E001');
    await expect.poll(async () => (await spoken(hall5)).texts, poll).toEqual(['Mời công dân có số thứ tự e một, đến quầy số năm.']);
    expect(elsewhere.ticket.number).toBe('A002');

    // A named profile of the centre's settings: a second screen of hall B that stays silent.
    await changeSettings((s) => {
      s.display.profiles = [{ id: 'sanh-b', name: 'Sảnh B', serviceIds: [], counterIds: ['quay-3', 'quay-4'], announce: false }];
    });
    const hallB = await stack.open(`/display?${PAIR}&profile=sanh-b`);
    await hallB.locator('luot-hall-display[data-status="online"]').waitFor();
    await expect.poll(() => hallB.getByTestId('counter-tile').evaluateAll((els) => els.map((e) => e.dataset.counterId)), poll).toEqual(['quay-3', 'quay-4']);
    expect(await hallB.locator('luot-hall-display').getAttribute('data-sound')).toBe('off');
    expect(await hallB.getByTestId('sound-state').count()).toBe(0);

    const typo = await stack.open(`/display?${PAIR}&profile=sanh-c&voice=off`);
    await expect.poll(() => typo.getByTestId('profile-warning').textContent(), poll).toBe('Không có cấu hình màn hình “sanh-c”: đang hiện toàn bộ trung tâm');
    expect(stack.pageErrors).toEqual([]);
  });

  it('sound: silent until one tap, which the page asks for plainly; then the recorded clips play. With the kiosk autoplay flag, on from the start', async () => {
    const hall = await stack.open(`/display?${PAIR}`);
    const host = hall.locator('luot-hall-display');
    await hall.locator('luot-hall-display[data-status="online"]').waitFor();
    await expect.poll(() => host.getAttribute('data-sound'), poll).toBe('locked');
    const button = hall.getByTestId('sound-state');
    expect((await button.textContent())!.trim()).toBe('Chạm vào màn hình để bật âm thanh');
    await allInside(hall, ['latest-number', 'previous-call', 'service-waiting', 'counter-tile', 'notice', 'sound-state']);
    await hall.screenshot({ path: join(SHOTS, 'hall-sound-locked.png'), animations: 'disabled' });
    await button.click();
    await expect.poll(() => host.getAttribute('data-sound'), poll).toBe('on');
    // Debian's chromium has no Vietnamese speech voice: the recorded clips (counter-display/voice/).
    expect((await spoken(hall)).engine).toBe('clips');

    const called = await act('lan', 'quay-1', 'recall');
    const text = `Mời lại công dân có số thứ tự a hai, đến quầy số một.`;
    expect(called.ticket.number).toBe('A002');
    await expect.poll(async () => (await spoken(hall)).texts, poll).toEqual([text]);
    // Played on the audio clock: the chime, then each word's clip (about six seconds).
    await expect.poll(async () => (await spoken(hall)).outcomes, { ...poll, timeout: 20_000 }).toEqual(['played']);

    const kioskMode = await stack.newBrowser(['--autoplay-policy=no-user-gesture-required']);
    const tv = await kioskMode.open(`/display?${PAIR}`);
    await expect.poll(() => tv.locator('luot-hall-display').getAttribute('data-sound'), poll).toBe('on');
    expect(stack.pageErrors).toEqual([]);
  });
});

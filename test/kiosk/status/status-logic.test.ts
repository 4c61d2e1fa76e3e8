import { describe, expect, it } from 'vitest';
import type { TicketState, TicketView } from '../../../protocol/index.ts';
import { headline, notServedNow, pageTitle, showsQueueFigures } from '../../../kiosk/status/status-logic.ts';
import { ticket } from '../../web-shared/client/centre.fixtures.ts';

const view = (state: TicketState, counterNumber: number | null = null): TicketView => ({
  ticket: ticket({ id: 'Xy7', number: 'B004', state }),
  peopleAhead: state === 'waiting' ? 2 : 0,
  estimatedWaitMinutes: state === 'waiting' ? 9 : null,
  centreName: { vi: 'Trung tâm', en: 'Centre' },
  timeZone: 'Asia/Ho_Chi_Minh',
  serviceName: { vi: 'Đất đai', en: 'Land' },
  counterNumber,
});

describe('status page headline', () => {
  it('sends the citizen to the counter when called', () => {
    expect(headline(view('called', 3), 'vi')).toEqual({ tone: 'call', text: 'Mời bạn đến quầy số 3' });
    expect(headline(view('called', 3), 'en')).toEqual({ tone: 'call', text: 'Please go to counter 3' });
  });

  it('says the service is not being served when no counter for it is open (the estimate is null only then)', () => {
    const idle = { ...view('waiting'), peopleAhead: 0, estimatedWaitMinutes: null };
    expect(notServedNow(idle)).toBe(true);
    expect(headline(idle, 'vi')).toEqual({
      tone: 'waiting',
      text: 'Hiện chưa có quầy nào phục vụ lĩnh vực này. Bạn vẫn giữ chỗ trong hàng chờ; trang sẽ báo khi đến lượt.',
    });
    expect(headline(idle, 'en').text).toMatch(/^No counter is serving this service right now\./);
    // Open counters and nobody ahead: the ordinary words.
    expect(notServedNow({ ...idle, estimatedWaitMinutes: 0 })).toBe(false);
    expect(headline({ ...idle, estimatedWaitMinutes: 0 }, 'vi').text).toBe('Đang chờ đến lượt');
    // Only a waiting ticket: a called one has no estimate either.
    expect(notServedNow(view('called', 3))).toBe(false);
  });

  it('reads every state in plain Vietnamese', () => {
    expect(headline(view('waiting'), 'vi').text).toBe('Đang chờ đến lượt');
    expect(headline(view('serving', 3), 'vi').text).toBe('Bạn đang được phục vụ tại quầy số 3');
    expect(headline(view('parked'), 'vi').tone).toBe('parked');
    expect(headline(view('done'), 'vi').text).toBe('Đã phục vụ xong. Cảm ơn bạn!');
    expect(headline(view('no_show'), 'vi').tone).toBe('ended');
    expect(headline(view('expired'), 'vi').text).toBe('Phiếu đã hết hạn. Vui lòng lấy số mới.');
  });

  it('stays truthful without a counter number', () => {
    expect(headline(view('called'), 'vi')).toEqual({ tone: 'call', text: 'Đã gọi, chờ công dân đến' });
    expect(headline(view('serving'), 'en').text).toBe('Being served');
  });

  it('shows people ahead and the estimate only while waiting', () => {
    expect(showsQueueFigures(view('waiting'))).toBe(true);
    for (const s of ['called', 'serving', 'parked', 'done'] as const) expect(showsQueueFigures(view(s, 1)), s).toBe(false);
  });

  it('puts the call in the tab title', () => {
    expect(pageTitle(view('called', 3), 'vi')).toBe('Mời bạn đến quầy số 3 – B004');
    expect(pageTitle(view('waiting'), 'vi')).toBe('B004 – Theo dõi số thứ tự');
    expect(pageTitle(null, 'en')).toBe('Follow your queue number');
  });
});

import { describe, expect, it } from 'vitest';
import type { CounterWaiting, Ticket, WaitingItem, WaitingMarks } from '../../../protocol/index.ts';
import {
  answerFits,
  factConcernsList,
  markViews,
  RefreshScheduler,
  waitedText,
  waitingListView,
  type Timers,
} from '../../../counter-display/console/waiting-list-logic.ts';
import type { LiveFact } from '../../../web-shared/client/centre-state.ts';
import { makeTicket } from '../../fixtures/tickets.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const names = { serviceName: (id: string) => (id === 'ho-tich' ? { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' } : null) };
const plain: WaitingMarks = { priority: null, appointmentAt: null, transferred: null, returned: false, overdue: false };

const item = (number: string, extra: Partial<WaitingItem> = {}, marks: Partial<WaitingMarks> = {}): WaitingItem => ({
  ticketId: `t-${number}`,
  number,
  serviceId: 'dat-dai',
  serviceName: { vi: 'Đất đai', en: 'Land' },
  issuedAt: '2026-03-16T02:00:00.000Z',
  waitedMinutes: 12,
  marks: { ...plain, ...marks },
  ...extra,
});
const list = (items: WaitingItem[], total = items.length, counterId = 'quay-3'): CounterWaiting => ({
  counterId,
  at: '2026-03-16T02:12:00.000Z',
  total,
  items,
});

describe('waitingListView', () => {
  it('rows in the order given, the first marked next, the rest counted as "more"', () => {
    const view = waitingListView(
      list([item('B002', {}, { priority: { groupId: 'g', name: { vi: 'Người cao tuổi', en: 'Elderly person' } } }), item('B001')], 14),
      'vi',
      TZ,
      names,
    );
    expect(view.rows.map((r) => [r.number, r.next])).toEqual([
      ['B002', true],
      ['B001', false],
    ]);
    expect(view.rows[0]).toMatchObject({ service: 'Đất đai', waited: '12 phút' });
    expect(view.rows[0]!.marks).toEqual([{ kind: 'priority', icon: '★', text: 'Ưu tiên: Người cao tuổi' }]);
    expect(view).toMatchObject({ total: 14, more: 12 });
  });

  it('in English; nothing loaded is an empty list', () => {
    const view = waitingListView(list([item('B001', { waitedMinutes: 0 })]), 'en', TZ, names);
    expect(view.rows[0]).toMatchObject({ service: 'Land', waited: 'just arrived' });
    expect(waitingListView(null, 'vi', TZ, names)).toEqual({ rows: [], total: 0, more: 0 });
  });
});

describe('markViews', () => {
  it('every mark has a symbol and words, in the centre’s time; most decisive first', () => {
    const marks = markViews(
      {
        priority: { groupId: 'g', name: { vi: 'Phụ nữ mang thai', en: 'Pregnant woman' } },
        appointmentAt: '2026-03-16T00:30:00.000Z',
        transferred: { fromServiceId: 'ho-tich', fromCounterId: 'quay-1', toThisCounter: false },
        returned: true,
        overdue: true,
        dossierCode: 'H12.34-****-0123',
      },
      'vi',
      TZ,
      names,
    );
    expect(marks.map((m) => `${m.icon} ${m.text}`)).toEqual([
      '⚠ Chờ quá lâu',
      '◷ Lịch hẹn 07:30',
      '★ Ưu tiên: Phụ nữ mang thai',
      '⇄ Chuyển từ Tư pháp – Hộ tịch',
      '↩ Trả lại hàng chờ',
      '▤ Hồ sơ H12.34-****-0123',
    ]);
  });

  it('a transfer to this counter, or from a service no longer known', () => {
    const here = markViews({ ...plain, transferred: { fromServiceId: 'ho-tich', fromCounterId: 'quay-1', toThisCounter: true } }, 'en', TZ, names);
    expect(here.map((m) => m.text)).toEqual(['Sent to this counter']);
    const gone = markViews({ ...plain, transferred: { fromServiceId: 'old', fromCounterId: null, toThisCounter: false } }, 'vi', TZ, names);
    expect(gone.map((m) => m.text)).toEqual(['Được chuyển đến']);
    expect(markViews(plain, 'vi', TZ, names)).toEqual([]);
  });

  it('waits in minutes', () => {
    expect(waitedText('vi', 1)).toBe('1 phút');
    expect(waitedText('en', 45)).toBe('45 min');
  });
});

it('an answer for another counter (the officer switched meanwhile) is dropped', () => {
  expect(answerFits(list([], 0, 'quay-3'), 'quay-3')).toBe(true);
  expect(answerFits(list([], 0, 'quay-3'), 'quay-4')).toBe(false);
});

describe('RefreshScheduler', () => {
  /** Timers that run when the test says so. */
  function fakeTimers() {
    let now = 0;
    let next = 1;
    const due = new Map<number, { at: number; fn: () => void }>();
    const timers: Timers = {
      set(fn, ms) {
        const id = next++;
        due.set(id, { at: now + ms, fn });
        return id;
      },
      clear(handle) {
        due.delete(handle as number);
      },
    };
    const advance = async (ms: number) => {
      now += ms;
      for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        due.delete(id);
        t.fn();
      }
      // Let settled requests run their `finally`.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    return { timers, advance, pending: () => due.size };
  }

  /** A request the test answers by hand; counts how many are out at once. */
  function requests() {
    const answers: (() => void)[] = [];
    let out = 0;
    let most = 0;
    const run = () =>
      new Promise<void>((resolve) => {
        out++;
        most = Math.max(most, out);
        answers.push(() => {
          out--;
          resolve();
        });
      });
    return { run, answer: () => answers.shift()!(), count: () => answers.length, most: () => most, total: () => answers.length };
  }

  it('a burst of pokes makes one request', async () => {
    const { timers, advance } = fakeTimers();
    let calls = 0;
    const s = new RefreshScheduler(async () => void calls++, 300, timers);
    s.poke();
    await advance(100);
    s.poke();
    await advance(100);
    s.poke();
    await advance(299);
    expect(calls).toBe(0);
    await advance(1);
    expect(calls).toBe(1);
  });

  it('never more than one request out; a poke meanwhile makes exactly one more, after it', async () => {
    const { timers, advance } = fakeTimers();
    const r = requests();
    let started = 0;
    const s = new RefreshScheduler(
      () => {
        started++;
        return r.run();
      },
      300,
      timers,
    );
    s.poke();
    await advance(300);
    expect(started).toBe(1);
    expect(s.busy).toBe(true);
    s.poke();
    s.poke();
    await advance(1_000);
    expect(started).toBe(1);
    r.answer();
    await advance(0);
    expect(s.busy).toBe(false);
    await advance(300);
    expect(started).toBe(2);
    r.answer();
    await advance(1_000);
    expect(started).toBe(2);
    expect(r.most()).toBe(1);
  });

  it('a failed request does not stop it; dispose does', async () => {
    const { timers, advance, pending } = fakeTimers();
    let calls = 0;
    const s = new RefreshScheduler(
      async () => {
        calls++;
        throw new Error('network');
      },
      300,
      timers,
    );
    s.poke(0);
    await advance(0);
    s.poke();
    await advance(300);
    expect(calls).toBe(2);
    s.poke();
    s.dispose();
    expect(pending()).toBe(0);
    await advance(1_000);
    expect(calls).toBe(2);
  });
});

describe('factConcernsList: the console asks again only for facts of its queues', () => {
  const counter = { id: 'quay-3', serviceIds: ['dat-dai', 'ho-tich'] };
  const ticketFact = (name: 'ticket:issued' | 'ticket:called' | 'ticket:updated', ticket: Partial<Ticket>) =>
    ({ name, payload: { seq: 9, ticket: makeTicket(ticket), waiting: {}, estimates: {} } }) as unknown as LiveFact;

  it('takes a ticket of its services, one listed now, one sent to it or at it', () => {
    expect(factConcernsList(ticketFact('ticket:issued', { serviceId: 'dat-dai' }), counter, [])).toBe(true);
    // Transferred away to a service this counter does not serve: it must leave the list.
    expect(factConcernsList(ticketFact('ticket:updated', { id: 't-7', serviceId: 'kinh-doanh' }), counter, ['t-7'])).toBe(true);
    expect(factConcernsList(ticketFact('ticket:updated', { serviceId: 'kinh-doanh', targetCounterId: 'quay-3' }), counter, [])).toBe(true);
    expect(factConcernsList(ticketFact('ticket:called', { serviceId: 'kinh-doanh', counterId: 'quay-3' }), counter, [])).toBe(true);
  });

  it('skips another queue’s tickets, other counters and alerts', () => {
    expect(factConcernsList(ticketFact('ticket:issued', { serviceId: 'kinh-doanh' }), counter, ['t-other'])).toBe(false);
    expect(factConcernsList(ticketFact('ticket:called', { serviceId: 'kinh-doanh', counterId: 'quay-5' }), counter, [])).toBe(false);
    const otherCounter = { name: 'counter:updated', payload: { seq: 3, view: { counter: { id: 'quay-5' } } } } as unknown as LiveFact;
    expect(factConcernsList(otherCounter, counter, [])).toBe(false);
    const ownCounter = { name: 'counter:updated', payload: { seq: 3, view: { counter: { id: 'quay-3' } } } } as unknown as LiveFact;
    expect(factConcernsList(ownCounter, counter, [])).toBe(true);
    expect(factConcernsList({ name: 'alert:changed', payload: {} } as unknown as LiveFact, counter, [])).toBe(false);
  });

  it('takes a snapshot (no fact) always, and anything before the counter is known', () => {
    expect(factConcernsList(null, counter, [])).toBe(true);
    expect(factConcernsList(ticketFact('ticket:issued', { serviceId: 'kinh-doanh' }), null, [])).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../protocol/index.ts';
import { rollupDeltas, type ReportedChange } from '../../../server/reports/rollup.models.ts';
import { makeTicket } from '../../fixtures/tickets.ts';

const HCM = 'Asia/Ho_Chi_Minh';
const ISSUED = '2026-03-16T08:10:00+07:00';
const at = (local: string) => new Date(`2026-03-16T${local}+07:00`);
const iso = (local: string) => at(local).toISOString();
const waiting = makeTicket({ issuedAt: new Date(ISSUED).toISOString() });
const called: Ticket = { ...waiting, state: 'called', calledAt: iso('08:25:00'), counterId: 'quay-1', staffId: 'lan' };
const change = (before: Ticket | null, after: Ticket, local: string, extra: Partial<ReportedChange> = {}): ReportedChange => ({
  before,
  after,
  at: at(local),
  counterId: after.counterId,
  ...extra,
});
const key = (serviceId: string, counterId = '', staffId = '') => ({ businessDay: '2026-03-16', serviceId, counterId, staffId });

describe('rollupDeltas', () => {
  it('counts an issue under the issuing service and its local hour', () => {
    expect(rollupDeltas(change(null, waiting, '08:10:00'), HCM, false)).toEqual({
      daily: [{ key: key('ho-tich'), issued: 1 }],
      hourly: [{ businessDay: '2026-03-16', serviceId: 'ho-tich', hour: 8, issued: 1 }],
    });
  });

  it('takes the waiting time from the first call only', () => {
    const first = rollupDeltas(change(waiting, called, '08:25:00'), HCM, true);
    expect(first.daily).toEqual([{ key: key('ho-tich', 'quay-1', 'lan'), waitMs: 15 * 60_000 }]);
    // The same transition again (a call after a transfer) is not a new wait.
    expect(rollupDeltas(change(waiting, called, '09:00:00'), HCM, false).daily).toEqual([]);
  });

  it('measures service from the start of service, or from the call when service was not started', () => {
    const serving: Ticket = { ...called, state: 'serving', servingAt: iso('08:27:00') };
    const done = (t: Ticket): Ticket => ({ ...t, state: 'done', finishedAt: iso('08:35:00') });
    expect(rollupDeltas(change(serving, done(serving), '08:35:00'), HCM, false).daily).toEqual([
      { key: key('ho-tich', 'quay-1', 'lan'), served: 1, serviceMs: 8 * 60_000 },
    ]);
    expect(rollupDeltas(change(called, done(called), '08:35:00'), HCM, false).daily).toEqual([
      { key: key('ho-tich', 'quay-1', 'lan'), served: 1, serviceMs: 10 * 60_000 },
    ]);
  });

  it('counts no-shows, transfers (where the ticket left) and expiries', () => {
    const noShow: Ticket = { ...called, state: 'no_show', finishedAt: iso('08:30:00') };
    expect(rollupDeltas(change(called, noShow, '08:30:00'), HCM, false).daily).toEqual([{ key: key('ho-tich', 'quay-1', 'lan'), noShow: 1 }]);

    const moved: Ticket = { ...called, state: 'waiting', serviceId: 'tra-ket-qua', calledAt: null, counterId: null, staffId: null };
    const transfer = change(called, moved, '08:30:00', {
      counterId: 'quay-1',
      detail: { fromServiceId: 'ho-tich', toServiceId: 'tra-ket-qua', toCounterId: null },
    });
    expect(rollupDeltas(transfer, HCM, false).daily).toEqual([{ key: key('ho-tich', 'quay-1', 'lan'), transferred: 1 }]);
    // A force-close requeue is not a transfer.
    expect(rollupDeltas({ ...transfer, detail: { forceClosedBy: 'admin' } }, HCM, false).daily).toEqual([]);

    const expiredWaiting: Ticket = { ...waiting, state: 'expired', finishedAt: iso('23:59:00') };
    expect(rollupDeltas(change(waiting, expiredWaiting, '23:59:00', { counterId: null }), HCM, false).daily).toEqual([{ key: key('ho-tich'), expired: 1 }]);
    const parked: Ticket = { ...called, state: 'parked' };
    expect(rollupDeltas(change(parked, { ...parked, state: 'expired' }, '23:59:00', { counterId: 'quay-1' }), HCM, false).daily).toEqual([
      { key: key('ho-tich', 'quay-1', 'lan'), expired: 1 },
    ]);
  });

  it('adds nothing for recalls, parking and resuming', () => {
    const recalled: Ticket = { ...called, recallCount: 1, calledAt: iso('08:27:00') };
    expect(rollupDeltas(change(called, recalled, '08:27:00'), HCM, false)).toEqual({ daily: [], hourly: [] });
    const parked: Ticket = { ...called, state: 'parked' };
    expect(rollupDeltas(change(called, parked, '08:28:00'), HCM, false).daily).toEqual([]);
    expect(rollupDeltas(change(parked, { ...called, calledAt: iso('09:00:00') }, '09:00:00'), HCM, false).daily).toEqual([]);
  });

  it('files a ticket issued at 23:30 local under that day, one at 00:30 under the next', () => {
    const late = makeTicket({ businessDay: '2026-03-16', issuedAt: new Date('2026-03-16T23:30:00+07:00').toISOString() });
    const early = makeTicket({ businessDay: '2026-03-17', issuedAt: new Date('2026-03-17T00:30:00+07:00').toISOString() });
    expect(rollupDeltas({ before: null, after: late, at: new Date(late.issuedAt), counterId: null }, HCM, false).hourly).toEqual([
      { businessDay: '2026-03-16', serviceId: 'ho-tich', hour: 23, issued: 1 },
    ]);
    expect(rollupDeltas({ before: null, after: early, at: new Date(early.issuedAt), counterId: null }, HCM, false).hourly).toEqual([
      { businessDay: '2026-03-17', serviceId: 'ho-tich', hour: 0, issued: 1 },
    ]);
  });
});

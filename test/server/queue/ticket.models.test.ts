import { describe, expect, it } from 'vitest';
import type { TicketState } from '../../../protocol/index.ts';
import { AT_COUNTER, applyAction, canApply, newTicket, recallOrNoShow, type TicketAction } from '../../../server/queue/ticket.models.ts';
import { makeTicket } from '../../fixtures/tickets.ts';

const states: TicketState[] = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'expired'];
const actions: TicketAction[] = ['call', 'recall', 'startServing', 'finish', 'noShow', 'park', 'resume', 'transfer', 'requeue', 'expire'];

/** The life cycle, written out independently of the implementation's tables. */
const expected: Record<TicketAction, Partial<Record<TicketState, TicketState>>> = {
  call: { waiting: 'called' },
  recall: { called: 'called' },
  startServing: { called: 'serving' },
  finish: { called: 'done', serving: 'done' },
  noShow: { called: 'no_show' },
  park: { called: 'parked', serving: 'parked' },
  resume: { parked: 'called' },
  transfer: { called: 'waiting', serving: 'waiting' },
  requeue: { called: 'waiting', serving: 'waiting' },
  expire: { waiting: 'expired', called: 'expired', serving: 'expired', parked: 'expired' },
};

const ctx = { at: new Date('2026-03-16T02:30:00.000Z'), counterId: 'quay-2', staffId: 'lan' };
const later = (iso: string, extra = {}) => ({ ...ctx, at: new Date(iso), ...extra });
const cases = actions.flatMap((action) => states.map((state) => [action, state, expected[action][state] ?? null] as const));

describe('ticket transitions', () => {
  it('covers all 70 action × state pairs, 17 of them allowed', () => {
    expect(cases).toHaveLength(70);
    expect(cases.filter(([, , to]) => to !== null)).toHaveLength(17);
  });

  it.each(cases)('%s from %s → %s', (action, state, to) => {
    const ticket = makeTicket({ state });
    expect(canApply(state, action)).toBe(to !== null);
    const next = applyAction(ticket, action, ctx);
    if (to === null) {
      expect(next).toBeNull();
    } else {
      expect(next?.state).toBe(to);
    }
  });

  it('done, no_show and expired are final', () => {
    for (const state of ['done', 'no_show', 'expired'] as const) {
      expect(actions.filter((a) => canApply(state, a))).toEqual([]);
    }
  });

  it('never mutates the ticket it is given', () => {
    for (const [action, state, to] of cases) {
      if (to === null) continue;
      const ticket = makeTicket({ state, recallCount: 1, counterId: 'quay-9', targetCounterId: 'quay-2' });
      const copy = structuredClone(ticket);
      applyAction(ticket, action, { ...ctx, toServiceId: 'dat-dai', toCounterId: 'quay-4' });
      expect(ticket, `${action} from ${state}`).toEqual(copy);
    }
  });

  it('counts called and serving as at the counter', () => {
    expect([...AT_COUNTER].sort()).toEqual(['called', 'serving']);
  });
});

describe('what each transition records', () => {
  it('call sets calledAt, the counter and the staff member, and nothing else', () => {
    const ticket = makeTicket();
    const next = applyAction(ticket, 'call', ctx)!;
    expect(next).toEqual({
      ...ticket,
      state: 'called',
      calledAt: '2026-03-16T02:30:00.000Z',
      counterId: 'quay-2',
      staffId: 'lan',
    });
  });

  it('call clears a transfer target (the ticket has arrived) and starts a fresh recall count', () => {
    const sent = makeTicket({ targetCounterId: 'quay-2', recallCount: 2 });
    expect(applyAction(sent, 'call', ctx)).toMatchObject({ targetCounterId: null, recallCount: 0 });
  });

  it('call without a staff member records null staff', () => {
    const next = applyAction(makeTicket(), 'call', { ...ctx, staffId: null })!;
    expect(next.staffId).toBeNull();
    expect(next.counterId).toBe('quay-2');
  });

  it('startServing sets servingAt and keeps the call', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const serving = applyAction(called, 'startServing', later('2026-03-16T02:31:15.000Z'))!;
    expect(serving).toEqual({ ...called, state: 'serving', servingAt: '2026-03-16T02:31:15.000Z' });
  });

  it('finish from serving sets finishedAt and keeps every earlier timestamp', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const serving = applyAction(called, 'startServing', later('2026-03-16T02:31:00.000Z'))!;
    const done = applyAction(serving, 'finish', later('2026-03-16T02:40:00.000Z'))!;
    expect(done).toEqual({ ...serving, state: 'done', finishedAt: '2026-03-16T02:40:00.000Z' });
    expect(done.calledAt).toBe('2026-03-16T02:30:00.000Z');
    expect(done.servingAt).toBe('2026-03-16T02:31:00.000Z');
  });

  it('finish straight from called leaves servingAt null', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const done = applyAction(called, 'finish', later('2026-03-16T02:35:00.000Z'))!;
    expect(done.state).toBe('done');
    expect(done.servingAt).toBeNull();
    expect(done.finishedAt).toBe('2026-03-16T02:35:00.000Z');
  });

  it('noShow sets finishedAt and does not reassign counter or staff', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const gone = applyAction(called, 'noShow', { at: new Date('2026-03-16T02:45:00.000Z'), counterId: 'quay-9', staffId: 'hung' })!;
    expect(gone).toEqual({ ...called, state: 'no_show', finishedAt: '2026-03-16T02:45:00.000Z' });
    expect(gone.counterId).toBe('quay-2');
    expect(gone.staffId).toBe('lan');
  });

  it('recall repeats the call: new calledAt, one more recall, same counter and staff', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const once = applyAction(called, 'recall', later('2026-03-16T02:32:00.000Z', { counterId: 'quay-9', staffId: 'hung' }))!;
    expect(once).toEqual({ ...called, calledAt: '2026-03-16T02:32:00.000Z', recallCount: 1 });
    const twice = applyAction(once, 'recall', later('2026-03-16T02:33:00.000Z'))!;
    expect(twice).toMatchObject({ state: 'called', recallCount: 2, calledAt: '2026-03-16T02:33:00.000Z' });
  });

  it('park sets the ticket aside and changes nothing else: it remembers where it was', () => {
    const serving = applyAction(applyAction(makeTicket(), 'call', ctx)!, 'startServing', ctx)!;
    const parked = applyAction(serving, 'park', later('2026-03-16T02:50:00.000Z', { counterId: 'quay-9' }))!;
    expect(parked).toEqual({ ...serving, state: 'parked' });
  });

  it('resume calls the parked ticket again at the resuming counter, as a new call', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const recalled = applyAction(called, 'recall', ctx)!;
    const serving = applyAction(recalled, 'startServing', ctx)!;
    const parked = applyAction(serving, 'park', ctx)!;
    const resumed = applyAction(parked, 'resume', later('2026-03-16T03:10:00.000Z', { counterId: 'quay-4', staffId: 'hung' }))!;
    expect(resumed).toEqual({
      ...parked,
      state: 'called',
      calledAt: '2026-03-16T03:10:00.000Z',
      servingAt: null,
      counterId: 'quay-4',
      staffId: 'hung',
      recallCount: 0,
      targetCounterId: null,
    });
  });

  it.each(['called', 'serving'] as const)('transfer from %s: back to waiting in the new service, same number and issue time', (state) => {
    const at = applyAction(makeTicket({ seq: 5 }), 'call', ctx)!;
    const ticket = state === 'serving' ? applyAction(at, 'startServing', ctx)! : { ...at, recallCount: 1 };
    const moved = applyAction(ticket, 'transfer', { ...ctx, toServiceId: 'dat-dai' })!;
    expect(moved).toEqual({
      ...ticket,
      state: 'waiting',
      serviceId: 'dat-dai',
      targetCounterId: null,
      calledAt: null,
      servingAt: null,
      counterId: null,
      staffId: null,
      recallCount: 0,
    });
    expect(moved).toMatchObject({ number: 'A005', seq: 5, issuedAt: ticket.issuedAt, businessDay: ticket.businessDay });
  });

  it('transfer to a counter only: same service, only that counter may call it', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    expect(applyAction(called, 'transfer', { ...ctx, toCounterId: 'quay-4' })).toMatchObject({
      state: 'waiting',
      serviceId: 'ho-tich',
      targetCounterId: 'quay-4',
    });
    expect(applyAction(called, 'transfer', { ...ctx, toServiceId: 'dat-dai', toCounterId: 'quay-4' })).toMatchObject({
      serviceId: 'dat-dai',
      targetCounterId: 'quay-4',
    });
  });

  it('requeue (force-close) puts the ticket back in its own queue with its place', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const back = applyAction(called, 'requeue', { ...ctx, toServiceId: undefined })!;
    expect(back).toEqual({ ...called, state: 'waiting', calledAt: null, servingAt: null, counterId: null, staffId: null, recallCount: 0 });
    expect(back.issuedAt).toBe(called.issuedAt);
  });

  it.each(['waiting', 'called', 'serving', 'parked'] as const)('expire from %s sets finishedAt and keeps the rest', (state) => {
    const ticket = makeTicket({ state, counterId: state === 'waiting' ? null : 'quay-2' });
    const gone = applyAction(ticket, 'expire', later('2026-03-16T17:00:00.000Z', { counterId: null, staffId: null }))!;
    expect(gone).toEqual({ ...ticket, state: 'expired', finishedAt: '2026-03-16T17:00:00.000Z' });
  });

  it('writes instants as UTC ISO strings whatever the process zone', () => {
    const next = applyAction(makeTicket(), 'call', { ...ctx, at: new Date('2026-03-16T09:30:00+07:00') })!;
    expect(next.calledAt).toBe('2026-03-16T02:30:00.000Z');
  });
});

describe('recallOrNoShow', () => {
  it.each([
    [0, 2, 'recall'],
    [1, 2, 'recall'],
    [2, 2, 'noShow'],
    [3, 2, 'noShow'],
    [0, 0, 'noShow'],
    [9, 10, 'recall'],
    [10, 10, 'noShow'],
  ] as const)('after %i recalls with a limit of %i → %s', (recallCount, maxRecalls, action) => {
    expect(recallOrNoShow(makeTicket({ state: 'called', recallCount }), maxRecalls)).toBe(action);
  });
});

describe('newTicket', () => {
  it("waits in its service's queue with the number its sequence gives", () => {
    const at = new Date('2026-03-16T01:02:03.000Z');
    const service = { id: 'ho-tich', numbering: { mode: 'prefix' as const, prefix: 'A', digits: 3 } };
    expect(newTicket({ id: 't1', centreId: 'hcm', service, day: '2026-03-16', seq: 7, at, priorityGroupId: 'elderly' })).toEqual({
      id: 't1',
      centreId: 'hcm',
      serviceId: 'ho-tich',
      businessDay: '2026-03-16',
      seq: 7,
      number: 'A007',
      state: 'waiting',
      issuedAt: '2026-03-16T01:02:03.000Z',
      calledAt: null,
      servingAt: null,
      finishedAt: null,
      counterId: null,
      staffId: null,
      priorityGroupId: 'elderly',
      recallCount: 0,
      targetCounterId: null,
    });
  });
});

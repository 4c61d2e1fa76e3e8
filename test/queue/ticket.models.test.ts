import { describe, expect, it } from 'vitest';
import type { TicketState } from '../../protocol/index.ts';
import { AT_COUNTER, applyAction, canApply, type TicketAction } from '../../server/queue/ticket.models.ts';
import { makeTicket } from '../fixtures/tickets.ts';

const states: TicketState[] = ['waiting', 'called', 'serving', 'done', 'no_show'];
const actions: TicketAction[] = ['call', 'startServing', 'finish', 'noShow'];

/** The life cycle, written out independently of the implementation's tables. */
const expected: Record<TicketAction, Partial<Record<TicketState, TicketState>>> = {
  call: { waiting: 'called' },
  startServing: { called: 'serving' },
  finish: { called: 'done', serving: 'done' },
  noShow: { called: 'no_show' },
};

const ctx = { at: new Date('2026-03-16T02:30:00.000Z'), counterId: 'quay-2', staffId: 'lan' };
const cases = actions.flatMap((action) => states.map((state) => [action, state, expected[action][state] ?? null] as const));

describe('ticket transitions', () => {
  it('covers all 20 action × state pairs, 5 of them allowed', () => {
    expect(cases).toHaveLength(20);
    expect(cases.filter(([, , to]) => to !== null)).toHaveLength(5);
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

  it('never mutates the ticket it is given', () => {
    const ticket = makeTicket({ state: 'waiting' });
    const copy = structuredClone(ticket);
    applyAction(ticket, 'call', ctx);
    expect(ticket).toEqual(copy);
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

  it('call without a staff member records null staff', () => {
    const next = applyAction(makeTicket(), 'call', { ...ctx, staffId: null })!;
    expect(next.staffId).toBeNull();
    expect(next.counterId).toBe('quay-2');
  });

  it('startServing sets servingAt and keeps the call', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const later = { ...ctx, at: new Date('2026-03-16T02:31:15.000Z') };
    const serving = applyAction(called, 'startServing', later)!;
    expect(serving).toEqual({ ...called, state: 'serving', servingAt: '2026-03-16T02:31:15.000Z' });
  });

  it('finish from serving sets finishedAt and keeps every earlier timestamp', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const serving = applyAction(called, 'startServing', { ...ctx, at: new Date('2026-03-16T02:31:00.000Z') })!;
    const done = applyAction(serving, 'finish', { ...ctx, at: new Date('2026-03-16T02:40:00.000Z') })!;
    expect(done).toEqual({ ...serving, state: 'done', finishedAt: '2026-03-16T02:40:00.000Z' });
    expect(done.calledAt).toBe('2026-03-16T02:30:00.000Z');
    expect(done.servingAt).toBe('2026-03-16T02:31:00.000Z');
  });

  it('finish straight from called leaves servingAt null', () => {
    const called = applyAction(makeTicket(), 'call', ctx)!;
    const done = applyAction(called, 'finish', { ...ctx, at: new Date('2026-03-16T02:35:00.000Z') })!;
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

  it('writes instants as UTC ISO strings whatever the process zone', () => {
    const next = applyAction(makeTicket(), 'call', { ...ctx, at: new Date('2026-03-16T09:30:00+07:00') })!;
    expect(next.calledAt).toBe('2026-03-16T02:30:00.000Z');
  });
});

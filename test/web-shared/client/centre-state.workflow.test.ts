import { describe, expect, it } from 'vitest';
import { CounterUpdatedEventSchema, TicketCalledEventSchema } from '../../../protocol/index.ts';
import { applyEvent, applySnapshot, counterViewOf, currentTicketAt, distinctCalls } from '../../../web-shared/client/centre-state.ts';
import { called, CLOSED, counters, held, snapshot, ticket } from './centre.fixtures.ts';

/** The issue-#3 facts: counters opening and pausing, estimates, parked tickets and recalls. */
const t1 = ticket({ id: 't1', number: 'A001' });
const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;

describe('counter:updated', () => {
  it('replaces the counter view and takes waiting and estimates from the fact', () => {
    const state = applySnapshot(snapshot({ seq: 5 }));
    const payload = { seq: 6, view: held(1, 'lan'), waiting: { a: 2, b: 0 }, estimates: { a: 16, b: null } };
    expect(CounterUpdatedEventSchema.parse(payload)).toEqual(payload);
    const r = applyEvent(state, 'counter:updated', payload);
    expect(r.gap).toBe(false);
    expect(r.state.seq).toBe(6);
    expect(counterViewOf(r.state, 'quay-1')?.state).toMatchObject({ status: 'open', staffId: 'lan' });
    expect(counterViewOf(r.state, 'quay-2')?.state).toEqual(CLOSED);
    expect(r.state.estimates).toEqual({ a: 16, b: null });
  });

  it('shows a pause, then the counter closing', () => {
    let state = applySnapshot(snapshot({ seq: 5 }));
    state = applyEvent(state, 'counter:updated', { seq: 6, view: held(2, 'hung', 'paused'), waiting: {}, estimates: {} }).state;
    expect(counterViewOf(state, 'quay-2')?.state.status).toBe('paused');
    const closed = { counter: counters[1]!, state: CLOSED, current: null };
    state = applyEvent(state, 'counter:updated', { seq: 7, view: closed, waiting: {}, estimates: {} }).state;
    expect(counterViewOf(state, 'quay-2')?.state.status).toBe('closed');
  });

  it('adds a counter an admin created, in number order', () => {
    const state = applySnapshot(snapshot({ seq: 5 }));
    const r = applyEvent(state, 'counter:updated', { seq: 6, view: held(0, 'tuan'), waiting: {}, estimates: {} });
    expect(r.state.counters.map((v) => v.counter.number)).toEqual([0, 1, 2]);
  });

  it('follows the sequence rules like every fact', () => {
    const state = applySnapshot(snapshot({ seq: 5 }));
    expect(applyEvent(state, 'counter:updated', { seq: 5, view: held(1, 'lan'), waiting: {}, estimates: {} })).toEqual({ state, gap: false });
    expect(applyEvent(state, 'counter:updated', { seq: 8, view: held(1, 'lan'), waiting: {}, estimates: {} })).toEqual({ state, gap: true });
  });
});

describe('estimates on ticket facts', () => {
  it('replaces the estimates with those of each fact, null included', () => {
    const state = applySnapshot(snapshot({ seq: 5, estimates: { a: 4, b: 8 } }));
    const r = applyEvent(state, 'ticket:issued', { seq: 6, ticket: t1, waiting: { a: 3, b: 0 }, estimates: { a: 12, b: null } });
    expect(r.state.estimates).toEqual({ a: 12, b: null });
  });
});

describe('parked tickets', () => {
  const c = called(t1, 1, at(1));
  const parked = { ...c.ticket, state: 'parked' as const };

  it('lists a ticket once parked and unlists it when resumed', () => {
    let state = applySnapshot(snapshot({ seq: 5, counters: [held(1, 'lan', 'open', c.ticket), held(2, 'hung')] }));
    state = applyEvent(state, 'ticket:updated', { seq: 6, ticket: parked, waiting: {}, estimates: {} }).state;
    expect(state.parked.map((t) => t.id)).toEqual(['t1']);
    expect(currentTicketAt(state, 'quay-1')).toBeNull(); // the counter is free to call someone else

    // Parked twice (an update of a listed ticket) keeps one entry.
    state = applyEvent(state, 'ticket:updated', { seq: 7, ticket: parked, waiting: {}, estimates: {} }).state;
    expect(state.parked).toHaveLength(1);

    const back = called(parked, 2, at(9));
    state = applyEvent(state, 'ticket:called', { seq: 8, ...back, waiting: {}, estimates: {} }).state;
    expect(state.parked).toEqual([]);
    expect(currentTicketAt(state, 'quay-2')?.id).toBe('t1');
  });

  it('unlists a parked ticket that expires or is finished', () => {
    for (const next of ['expired', 'done', 'no_show'] as const) {
      const state = applySnapshot(snapshot({ seq: 5, parked: [parked] }));
      const r = applyEvent(state, 'ticket:updated', { seq: 6, ticket: { ...parked, state: next }, waiting: {}, estimates: {} });
      expect(r.state.parked, next).toEqual([]);
    }
  });

  it('leaves the list alone for other tickets', () => {
    const state = applySnapshot(snapshot({ seq: 5, parked: [parked] }));
    const other = ticket({ id: 't2', number: 'A002' });
    const r = applyEvent(state, 'ticket:issued', { seq: 6, ticket: other, waiting: {}, estimates: {} });
    expect(r.state.parked).toBe(state.parked);
  });
});

describe('recalls', () => {
  it('keeps a recall as a new call with its flag, newest first', () => {
    const first = called(t1, 1, at(1));
    let state = applySnapshot(snapshot({ seq: 5 }));
    state = applyEvent(state, 'ticket:called', { seq: 6, ...first, waiting: {}, estimates: {} }).state;
    const again = called(first.ticket, 1, at(2), true);
    const payload = { seq: 7, ...again, waiting: {}, estimates: {} };
    expect(TicketCalledEventSchema.parse(payload)).toEqual(payload);
    state = applyEvent(state, 'ticket:called', payload).state;
    expect(state.recentCalls.map((c) => [c.calledAt, c.recall])).toEqual([
      [at(2), true],
      [at(1), false],
    ]);
    expect(currentTicketAt(state, 'quay-1')?.recallCount).toBe(1);
  });
});

describe('distinctCalls', () => {
  it('lists each ticket once, by its newest call, and skips the one shown large', () => {
    const a1 = called(t1, 1, at(1)).call;
    const a1again = { ...a1, calledAt: at(5), recall: true };
    const b = called(ticket({ id: 't2', number: 'A002' }), 2, at(3)).call;
    expect(distinctCalls([a1again, b, a1])).toEqual([a1again, b]);
    expect(distinctCalls([a1again, b, a1], 't1')).toEqual([b]);
  });
});

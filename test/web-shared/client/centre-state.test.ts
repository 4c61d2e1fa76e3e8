import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../../protocol/index.ts';
import { applyEvent, applySnapshot, currentTicketAt, RECENT_CALLS_KEPT } from '../../../web-shared/client/centre-state.ts';
import { called, DAY, snapshot, ticket } from './centre.fixtures.ts';

const t1 = ticket({ id: 't1', number: 'A001' });

describe('applySnapshot', () => {
  it('takes the snapshot as the state, seq included', () => {
    const snap = snapshot({ seq: 7 });
    expect(SnapshotSchema.parse(snap)).toEqual(snap); // the fixture is what the server sends
    const state = applySnapshot(snap);
    expect(state.seq).toBe(7);
    expect(state.waiting).toEqual({ a: 2, b: 0 });
    expect(state.counters.map((v) => v.current)).toEqual([null, null]);
  });
});

describe('applyEvent', () => {
  it('folds in-order events: issued, called, serving, done', () => {
    let state = applySnapshot(snapshot({ seq: 5, waiting: { a: 0, b: 0 }, estimates: {} }));
    let r = applyEvent(state, 'ticket:issued', { seq: 6, ticket: t1, waiting: { a: 1, b: 0 }, estimates: {} });
    expect(r.gap).toBe(false);
    expect(r.state.seq).toBe(6);
    expect(r.state.waiting.a).toBe(1);
    state = r.state;

    const c = called(t1, 2, '2026-11-23T02:00:00.000Z');
    r = applyEvent(state, 'ticket:called', { seq: 7, ...c, waiting: { a: 0, b: 0 }, estimates: {} });
    expect(r.gap).toBe(false);
    expect(r.state.waiting.a).toBe(0);
    expect(currentTicketAt(r.state, 'quay-2')?.number).toBe('A001');
    expect(currentTicketAt(r.state, 'quay-1')).toBeNull();
    expect(r.state.recentCalls).toEqual([c.call]);
    state = r.state;

    r = applyEvent(state, 'ticket:updated', { seq: 8, ticket: { ...c.ticket, state: 'serving' }, waiting: { a: 0, b: 0 }, estimates: {} });
    expect(currentTicketAt(r.state, 'quay-2')?.state).toBe('serving');
    state = r.state;

    r = applyEvent(state, 'ticket:updated', { seq: 9, ticket: { ...c.ticket, state: 'done' }, waiting: { a: 0, b: 0 }, estimates: {} });
    expect(currentTicketAt(r.state, 'quay-2')).toBeNull();
    expect(r.state.seq).toBe(9);
    // Finishing does not erase the call from the hall display's history.
    expect(r.state.recentCalls).toHaveLength(1);
  });

  it('takes waiting counts from the event, not by counting', () => {
    const state = applySnapshot(snapshot({ seq: 5, waiting: { a: 2, b: 0 }, estimates: {} }));
    const r = applyEvent(state, 'ticket:issued', { seq: 6, ticket: t1, waiting: { a: 9, b: 4 }, estimates: {} });
    expect(r.state.waiting).toEqual({ a: 9, b: 4 });
  });

  it('drops events the snapshot already covers and duplicates, without a gap', () => {
    const state = applySnapshot(snapshot({ seq: 5 }));
    for (const seq of [0, 4, 5]) {
      const r = applyEvent(state, 'ticket:issued', { seq, ticket: t1, waiting: { a: 99 }, estimates: {} });
      expect(r).toEqual({ state, gap: false });
    }
    const once = applyEvent(state, 'ticket:issued', { seq: 6, ticket: t1, waiting: { a: 3 }, estimates: {} }).state;
    const twice = applyEvent(once, 'ticket:issued', { seq: 6, ticket: t1, waiting: { a: 99 }, estimates: {} });
    expect(twice.state).toBe(once);
    expect(twice.gap).toBe(false);
  });

  it('reports a gap when an event was missed and leaves the state alone', () => {
    const state = applySnapshot(snapshot({ seq: 5 }));
    const r = applyEvent(state, 'ticket:issued', { seq: 7, ticket: t1, waiting: { a: 99 }, estimates: {} });
    expect(r.gap).toBe(true);
    expect(r.state).toBe(state);
  });

  it('asks for a snapshot when a ticket of a later business day arrives', () => {
    const state = applySnapshot(snapshot({ seq: 5 }));
    const tomorrow = ticket({ id: 't9', number: 'A001', businessDay: '2026-11-24' });
    const r = applyEvent(state, 'ticket:issued', { seq: 6, ticket: tomorrow, waiting: { a: 1 }, estimates: {} });
    expect(r).toEqual({ state, gap: true });
  });

  it('does not mutate the state it is given', () => {
    const state = applySnapshot(snapshot({ seq: 5 }));
    const before = structuredClone(state);
    applyEvent(state, 'ticket:called', { seq: 6, ...called(t1, 1, '2026-11-23T02:00:00.000Z'), waiting: { a: 1 }, estimates: {} });
    expect(state).toEqual(before);
  });
});

describe('recentCalls', () => {
  const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;

  it('puts the newest call first and keeps at most RECENT_CALLS_KEPT', () => {
    let state = applySnapshot(snapshot({ seq: 0 }));
    for (let i = 1; i <= RECENT_CALLS_KEPT + 3; i++) {
      const t = ticket({ id: `t${i}`, number: `A${String(i).padStart(3, '0')}`, businessDay: DAY });
      state = applyEvent(state, 'ticket:called', { seq: i, ...called(t, 1, at(i)), waiting: {}, estimates: {} }).state;
    }
    expect(state.recentCalls).toHaveLength(RECENT_CALLS_KEPT);
    expect(state.recentCalls[0]?.number).toBe('A013');
    expect(state.recentCalls.at(-1)?.number).toBe('A004');
  });

  it('dedupes the same call (ticketId + calledAt) but keeps a recall', () => {
    const first = called(t1, 1, at(1));
    const state = applySnapshot(snapshot({ seq: 5, recentCalls: [first.call, first.call] }));
    expect(state.recentCalls).toEqual([first.call]);

    // The same call folded in again (e.g. a snapshot raced the event): still one entry.
    let r = applyEvent(state, 'ticket:called', { seq: 6, ...first, waiting: {}, estimates: {} });
    expect(r.state.recentCalls).toEqual([first.call]);

    const recall = called(first.ticket, 1, at(3), true);
    r = applyEvent(r.state, 'ticket:called', { seq: 7, ...recall, waiting: {}, estimates: {} });
    expect(r.state.recentCalls.map((c) => c.calledAt)).toEqual([at(3), at(1)]);
  });
});

import { describe, expect, it } from 'vitest';
import type { CentreFact } from '../../../protocol/index.ts';
import { createFollowers, mayHaveChanged, nothingTouched, touch, type Followed } from '../../../server/tickets/ticket-followers.ts';

/** The /ticket namespace's bookkeeping (issue #10): caps, places given back once, which views to recompute. */
describe('createFollowers', () => {
  it('caps per ticket and per address, and gives a place back exactly once', () => {
    const f = createFollowers({ perTicket: 2, perAddress: 3 });
    const a1 = f.admit('a', 'demo', '10.0.0.1');
    const a2 = f.admit('a', 'demo', '10.0.0.1');
    expect(f.admit('a', 'demo', '10.0.0.2')).toEqual({ refused: 'ticket.too_many_followers' });
    const b1 = f.admit('b', 'demo', '10.0.0.1');
    expect(f.admit('c', 'demo', '10.0.0.1')).toEqual({ refused: 'realtime.too_many_connections' });
    expect(f.admit('c', 'other', '10.0.0.2')).not.toHaveProperty('refused');
    expect(f.ofCentre('demo').sort()).toEqual(['a', 'b']);
    if ('refused' in a1 || 'refused' in a2 || 'refused' in b1) throw new Error('admitted above');
    a1.release();
    a1.release(); // a disconnect and a connection close: one place back, not two
    expect(f.admit('a', 'demo', '10.0.0.1')).not.toHaveProperty('refused');
    expect(f.admit('a', 'demo', '10.0.0.3')).toEqual({ refused: 'ticket.too_many_followers' });
    b1.release();
    expect(f.ofCentre('demo')).toEqual(['a']);
  });
});

describe('mayHaveChanged', () => {
  const ticket = { id: 'x', counterId: 'quay-2' };
  const followed = (state: string, counterId: string | null = null): Followed => ({
    centreId: 'demo',
    sockets: 1,
    last: { json: '{}', view: {}, state: state as never, counterId },
  });
  const fact = (type: CentreFact['type'], payload: unknown) => ({ type, centreId: 'demo', payload }) as CentreFact;
  const after = (...facts: CentreFact[]) => {
    const t = nothingTouched();
    for (const f of facts) touch(t, f);
    return t;
  };
  const updatedElsewhere = fact('ticket:updated', { ticket: { id: 'other' } });
  const issued = (priorityGroupId: string | null) => fact('ticket:issued', { ticket: { id: 'new', priorityGroupId } });
  const counterChanged = fact('counter:updated', { view: { counter: { id: 'quay-2' } } });

  it('recomputes waiting tickets on any queue fact, called ones on their counter or their own facts, finished ones on their own only', () => {
    expect(mayHaveChanged(after(updatedElsewhere), 'x', followed('waiting'))).toBe(true);
    expect(mayHaveChanged(after(updatedElsewhere), 'x', followed('called', 'quay-2'))).toBe(false);
    expect(mayHaveChanged(after(counterChanged), 'x', followed('serving', 'quay-2'))).toBe(true);
    expect(mayHaveChanged(after(counterChanged), 'x', followed('serving', 'quay-1'))).toBe(false);
    expect(mayHaveChanged(after(updatedElsewhere), 'x', followed('done', 'quay-2'))).toBe(false);
    expect(mayHaveChanged(after(fact('ticket:updated', { ticket })), 'x', followed('done', 'quay-2'))).toBe(true);
    expect(mayHaveChanged(after(fact('state:snapshot', {})), 'x', followed('done'))).toBe(true);
    expect(mayHaveChanged(nothingTouched(), 'x', { centreId: 'demo', sockets: 1, last: null })).toBe(true);
  });

  it('leaves waiting tickets alone when a ticket joins the end of the queue, not when a priority ticket comes', () => {
    expect(mayHaveChanged(after(issued(null)), 'x', followed('waiting'))).toBe(false);
    expect(mayHaveChanged(after(issued(null)), 'new', followed('waiting'))).toBe(true);
    expect(mayHaveChanged(after(issued('elderly')), 'x', followed('waiting'))).toBe(true);
  });
});

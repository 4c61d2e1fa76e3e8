import { describe, expect, it } from 'vitest';
import type { CentreFact, CounterView, Snapshot, Ticket } from '../../../protocol/index.ts';
import { forPublicScreens, snapshotForPublicScreens } from '../../../server/centres/public-fact.ts';

const ticket = (id: string, dossierCode?: string) => ({ id, number: 'A001', ...(dossierCode ? { dossierCode } : {}) }) as unknown as Ticket;
const view = (current: Ticket | null) => ({ counter: { id: 'quay-6' }, state: 'open', current }) as unknown as CounterView;
const snapshot = (counters: CounterView[], parked: Ticket[]) => ({ seq: 3, counters, parked }) as unknown as Snapshot;

describe('what a public screen receives (dossier codes masked)', () => {
  it('masks the code of a ticket fact and leaves the staff fact untouched', () => {
    const fact = { type: 'ticket:called', centreId: 'demo', payload: { seq: 4, ticket: ticket('t1', 'H12.34-241203-0123') } } as unknown as CentreFact;
    const masked = forPublicScreens(fact) as Extract<CentreFact, { type: 'ticket:called' }>;
    expect(masked.payload.ticket.dossierCode).toBe('H12.34-****-0123');
    expect(masked.payload.seq).toBe(4);
    expect((fact as typeof masked).payload.ticket.dossierCode).toBe('H12.34-241203-0123');
  });

  it('masks the current ticket of a counter view and every code in a snapshot', () => {
    const fact = { type: 'counter:updated', centreId: 'demo', payload: { seq: 5, view: view(ticket('t1', 'H1-2-3456')) } } as unknown as CentreFact;
    expect((forPublicScreens(fact) as Extract<CentreFact, { type: 'counter:updated' }>).payload.view.current!.dossierCode).toBe('H1-****-3456');
    const s = snapshot([view(ticket('t1', 'H12.34-241203-0123')), view(null)], [ticket('t2', 'ABCDEFGH1234')]);
    const masked = snapshotForPublicScreens(s);
    expect(masked.counters.map((v) => v.current?.dossierCode ?? null)).toEqual(['H12.34-****-0123', null]);
    expect(masked.parked[0]!.dossierCode).toBe('****1234');
    expect(s.counters[0]!.current!.dossierCode).toBe('H12.34-241203-0123');
  });

  it('returns nothing new when nothing carries a code: one fact, one snapshot object for everyone', () => {
    const plain = { type: 'ticket:issued', centreId: 'demo', payload: { seq: 1, ticket: ticket('t1') } } as unknown as CentreFact;
    expect(forPublicScreens(plain)).toBeNull();
    const s = snapshot([view(ticket('t1')), view(null)], [ticket('t2')]);
    expect(snapshotForPublicScreens(s)).toBe(s);
    expect(forPublicScreens({ type: 'state:snapshot', centreId: 'demo', payload: s })).toBeNull();
  });
});

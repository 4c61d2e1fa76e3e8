import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, HN, hcmCentre, hnCentre, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

// Both centres have services and counters with the same ids: rows must be keyed by centre.
let deps: TestDeps;
const HA = { staffId: 'ha', role: 'staff' } as const;
const hn = (counterId: string, extra = {}) => ({ centreId: HN, counterId, actor: HA, ...extra });
const hcm = (counterId: string, extra = {}) => ({ centreId: HCM, counterId, actor: LAN, ...extra });
beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
  await openCounter(deps, hcm('quay-1'));
  await openCounter(deps, hn('quay-1'));
});
afterEach(() => deps.store.close());

describe('two centres in one store', () => {
  it('number the same service id independently', async () => {
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.number);
    const first = (await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' })).ticket;
    expect(numbers).toEqual(['A001', 'A002', 'A003']);
    expect(first).toMatchObject({ centreId: HN, number: 'A001', seq: 1 });
    expect((await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' })).peopleAhead).toBe(1);
  });

  it('do not call each other’s tickets', async () => {
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    await expect(callNext(deps, hn('quay-1'))).rejects.toMatchObject({ code: 'queue.empty' });
    const hnTicket = (await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' })).ticket;
    const called = await callNext(deps, hn('quay-1'));
    expect(called.ticket.id).toBe(hnTicket.id);
    // The HCM counter with the same id is still free and still has its own ticket to call.
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
    expect((await callNext(deps, hcm('quay-1'))).ticket.centreId).toBe(HCM);
  });

  it('cannot finish a ticket of the other centre through a counter with the same id', async () => {
    const hcmTicket = (await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket;
    await callNext(deps, hcm('quay-1'));
    await expect(finishTicket(deps, hn('quay-1', { ticketId: hcmTicket.id }))).rejects.toMatchObject({
      code: 'counter.no_current_ticket',
    });
    expect((await deps.store.getTicket(hcmTicket.id))!.state).toBe('called');
  });

  it('hold counters per centre: holding quay-1 in one does not hold quay-1 in the other', async () => {
    expect(await deps.store.counterHeldBy(HCM, 'lan')).toBe('quay-1');
    expect(await deps.store.counterHeldBy(HN, 'lan')).toBeNull();
    await expect(callNext(deps, { centreId: HN, counterId: 'quay-1', actor: LAN })).rejects.toMatchObject({ code: 'counter.not_held' });
  });

  it('show only their own state in snapshots', async () => {
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await callNext(deps, hcm('quay-1'));
    await issueTicket(deps, { centreId: HN, serviceId: 'hn-only' });

    const hcmSnap = await getSnapshot(deps, HCM);
    const hnSnap = await getSnapshot(deps, HN);
    // Each centre's seq counts its own opening and its own tickets.
    expect(hcmSnap).toMatchObject({ seq: 4, waiting: { 'dat-dai': 1 } });
    expect(hcmSnap.recentCalls.map((c) => c.number)).toEqual(['A001']);
    expect(hcmSnap.services.map((s) => s.id)).not.toContain('hn-only');
    expect(hnSnap).toMatchObject({ seq: 2, waiting: { 'hn-only': 1 }, recentCalls: [] });
    expect(hnSnap.counters.every((v) => v.current === null && v.counter.centreId === HN)).toBe(true);
    expect(hnSnap.counters.find((v) => v.counter.id === 'quay-1')!.state.staffId).toBe('ha');
    expect(await deps.store.listTickets(HN, TODAY, ['waiting', 'called'])).toHaveLength(1);
    expect(await deps.store.listTickets(HCM, TODAY, ['waiting', 'called'])).toHaveLength(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSnapshot } from '../../server/centres.usecases.ts';
import { callNext, finishTicket } from '../../server/counters.usecases.ts';
import { issueTicket } from '../../server/tickets.usecases.ts';
import { HCM, HN, hcmCentre, hnCentre, TODAY } from '../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../helpers/deps.ts';

// Both centres have services and counters with the same ids: rows must be keyed by centre.
let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
});
afterEach(() => deps.store.close());

describe('two centres in one store', () => {
  it('number the same service id independently', async () => {
    const hcm = [];
    for (let i = 0; i < 3; i++) hcm.push((await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.number);
    const hn = (await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' })).ticket;
    expect(hcm).toEqual(['A001', 'A002', 'A003']);
    expect(hn).toMatchObject({ centreId: HN, number: 'A001', seq: 1 });
    expect((await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' })).peopleAhead).toBe(1);
  });

  it('do not call each other’s tickets', async () => {
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    await expect(callNext(deps, { centreId: HN, counterId: 'quay-1' })).rejects.toMatchObject({ code: 'queue.empty' });
    const hnTicket = (await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' })).ticket;
    const called = await callNext(deps, { centreId: HN, counterId: 'quay-1' });
    expect(called.ticket.id).toBe(hnTicket.id);
    // The HCM counter with the same id is still free and still has its own ticket to call.
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
    expect((await callNext(deps, { centreId: HCM, counterId: 'quay-1' })).ticket.centreId).toBe(HCM);
  });

  it('cannot finish a ticket of the other centre through a counter with the same id', async () => {
    const hcmTicket = (await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket;
    await callNext(deps, { centreId: HCM, counterId: 'quay-1' });
    await expect(finishTicket(deps, { centreId: HN, counterId: 'quay-1', ticketId: hcmTicket.id })).rejects.toMatchObject({
      code: 'counter.no_current_ticket',
    });
    expect((await deps.store.getTicket(hcmTicket.id))!.state).toBe('called');
  });

  it('show only their own state in snapshots', async () => {
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    await callNext(deps, { centreId: HCM, counterId: 'quay-1' });
    await issueTicket(deps, { centreId: HN, serviceId: 'hn-only' });

    const hcm = await getSnapshot(deps, HCM);
    const hn = await getSnapshot(deps, HN);
    expect(hcm).toMatchObject({ seq: 3, waiting: { 'dat-dai': 1 } });
    expect(hcm.recentCalls.map((c) => c.number)).toEqual(['A001']);
    expect(hcm.services.map((s) => s.id)).not.toContain('hn-only');
    expect(hn).toMatchObject({ seq: 1, waiting: { 'hn-only': 1 }, recentCalls: [] });
    expect(hn.counters.every((v) => v.current === null && v.counter.centreId === HN)).toBe(true);
    expect(await deps.store.listTickets(HN, TODAY, ['waiting', 'called'])).toHaveLength(1);
    expect(await deps.store.listTickets(HCM, TODAY, ['waiting', 'called'])).toHaveLength(2);
  });
});

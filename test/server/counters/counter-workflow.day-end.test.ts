import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext, callTicket, finishTicket, parkTicket, startServing } from '../../../server/counters/calls.usecases.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { expireStaleTickets } from '../../../server/counters/day-end.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { getTicketStatus, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, hcmCentre, HUNG, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { ALL_STATES, at, open, setSettings } from './counter-workflow.harness.ts';

let deps: TestDeps;
const THU = { staffId: 'thu', role: 'staff' } as const;
beforeEach(async () => {
  deps = await makeDeps({ at: '2026-03-16T16:00:00+07:00' });
  await open(deps, ['quay-1', LAN], ['quay-4', HUNG], ['quay-2', THU]);
});
afterEach(() => deps.store.close());

const issue = async (serviceId = 'ho-tich') => {
  const { ticket } = await issueTicket(deps, { centreId: HCM, serviceId });
  deps.clock.advance(60_000);
  return ticket;
};
const issueTicketP = (priorityGroupId: string) => issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', priorityGroupId });
const stateOf = async (id: string) => (await deps.store.getTicket(id))!.state;

/** The end of a day at 16:00: A001 done, A002 parked, A003 serving at quay-4, A004 called at quay-1, A005 and 2001 waiting. */
async function lateAfternoon() {
  const [a1, a2, a3, a4, a5, d1] = [await issue(), await issue(), await issue(), await issue(), await issue(), await issue('dat-dai')];
  await callNext(deps, at('quay-1'));
  await finishTicket(deps, at('quay-1'));
  await callNext(deps, at('quay-1'));
  await parkTicket(deps, at('quay-1'));
  await callNext(deps, at('quay-4', HUNG));
  await startServing(deps, at('quay-4', HUNG));
  await callNext(deps, at('quay-1'));
  return { a1, a2, a3, a4, a5, d1 };
}

describe('day end without carry-over', () => {
  it('nothing expires before local midnight, not even at 23:59:59.999', async () => {
    const t = await lateAfternoon();
    deps.clock.set('2026-03-16T23:59:59.999+07:00');
    expect(await expireStaleTickets(deps)).toBe(0);
    expect(await stateOf(t.a5.id)).toBe('waiting');
  });

  it('at local midnight every unserved ticket of the day expires; done ones stay done', async () => {
    const t = await lateAfternoon();
    deps.notifier.clear();
    // 00:00 in Ho Chi Minh City is 17:00 UTC the day before: a UTC day would not have ended.
    deps.clock.set('2026-03-17T00:00:00+07:00');
    expect(await expireStaleTickets(deps)).toBe(5);
    expect(await stateOf(t.a1.id)).toBe('done');
    for (const x of [t.a2, t.a3, t.a4, t.a5, t.d1]) expect(await stateOf(x.id)).toBe('expired');
    expect(await deps.store.getTicket(t.a5.id)).toMatchObject({ finishedAt: '2026-03-16T17:00:00.000Z', businessDay: '2026-03-16' });
    // Counters that were attending a ticket are free again.
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
    expect(await deps.store.currentTicketAt(HCM, 'quay-4')).toBeNull();
  });

  it('audits each expiry as the system, with the day, and publishes it under the same seq', async () => {
    const t = await lateAfternoon();
    deps.notifier.clear();
    deps.clock.set('2026-03-17T00:00:30+07:00');
    await expireStaleTickets(deps);
    const facts = deps.notifier.ofType('ticket:updated');
    expect(facts).toHaveLength(5);
    for (const fact of facts) {
      const event = (await deps.store.listTicketEvents(fact.payload.ticket.id)).at(-1)!;
      expect(event).toMatchObject({ seq: fact.payload.seq, toState: 'expired', actorKind: 'system', actorId: null, detail: { dayEnd: '2026-03-16' } });
      expect(fact.payload.waiting).toEqual({});
    }
    const parked = (await deps.store.listTicketEvents(t.a2.id)).at(-1)!;
    expect(parked).toMatchObject({ fromState: 'parked', counterId: 'quay-1' });
  });

  it('is safe to run again and again: each ticket expires once', async () => {
    await lateAfternoon();
    deps.clock.set('2026-03-17T00:01:00+07:00');
    expect(await expireStaleTickets(deps)).toBe(5);
    const seq = await deps.store.currentSeq(HCM);
    expect(await expireStaleTickets(deps)).toBe(0);
    deps.clock.set('2026-03-18T09:00:00+07:00');
    expect(await expireStaleTickets(deps)).toBe(0);
    expect(await deps.store.currentSeq(HCM)).toBe(seq);
  });

  it('each centre ends its day at its own midnight', async () => {
    const tokyo = { ...hcmCentre, centre: { ...hcmCentre.centre, id: 'tokyo', timeZone: 'Asia/Tokyo' } };
    await installCentre(deps.store, {
      ...tokyo,
      services: tokyo.services.map((s) => ({ ...s, centreId: 'tokyo' })),
      counters: tokyo.counters.map((c) => ({ ...c, centreId: 'tokyo' })),
      staff: [],
    });
    deps.clock.set('2026-03-16T20:00:00+07:00'); // 22:00 in Tokyo
    await issueTicket(deps, { centreId: 'tokyo', serviceId: 'ho-tich' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    deps.clock.set('2026-03-16T22:30:00+07:00'); // 00:30 in Tokyo
    expect(await expireStaleTickets(deps)).toBe(1);
    expect(deps.notifier.facts.at(-1)!.centreId).toBe('tokyo');
    deps.clock.set('2026-03-17T00:00:00+07:00');
    expect(await expireStaleTickets(deps)).toBe(1);
  });
});

describe('day end with carry-over', () => {
  beforeEach(() => setSettings(deps, { carryOver: true }));

  it('waiting tickets survive the night; called, served and parked ones expire', async () => {
    const t = await lateAfternoon();
    deps.clock.set('2026-03-17T00:00:00+07:00');
    expect(await expireStaleTickets(deps)).toBe(3);
    expect(await stateOf(t.a5.id)).toBe('waiting');
    expect(await stateOf(t.d1.id)).toBe('waiting');
    for (const x of [t.a2, t.a3, t.a4]) expect(await stateOf(x.id)).toBe('expired');
    expect(await expireStaleTickets(deps)).toBe(0);
  });

  it('the next morning carried-over tickets are counted, keep their place and are called first', async () => {
    const t = await lateAfternoon();
    deps.clock.set('2026-03-17T07:30:00+07:00');
    await expireStaleTickets(deps);
    const today = await issue();
    expect(today).toMatchObject({ number: 'A001', businessDay: '2026-03-17' });
    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot.businessDay).toBe('2026-03-17');
    expect(snapshot.waiting).toEqual({ 'ho-tich': 2, 'dat-dai': 1 });
    expect((await getTicketStatus(deps, today.id)).peopleAhead).toBe(1);
    expect((await callNext(deps, at('quay-1'))).ticket.id).toBe(t.a5.id);
    await finishTicket(deps, at('quay-1'));
    expect((await callNext(deps, at('quay-1'))).ticket.id).toBe(today.id);
    expect((await callNext(deps, at('quay-2', THU))).ticket.id).toBe(t.d1.id);
  });

  it('today’s number names today’s ticket, not yesterday’s carried-over one', async () => {
    await issue(); // A001 yesterday, still waiting
    deps.clock.set('2026-03-17T08:00:00+07:00');
    await expireStaleTickets(deps);
    const today = await issue();
    expect((await callTicket(deps, at('quay-1', LAN, { number: 'A001' }))).ticket.id).toBe(today.id);
  });

  // Regression: the counter's history is filtered by the day of the call, not the day the ticket
  // was issued, so the call of a carried-over ticket counts for interleaving and weights.
  it('the call of a carried-over ticket counts in the counter’s history (interleaving)', async () => {
    await setSettings(deps, { priorityPolicy: { mode: 'interleaved', normalPerPriority: 1 } });
    await issue();
    deps.clock.set('2026-03-17T07:30:00+07:00');
    await expireStaleTickets(deps);
    const elder = (await issueTicketP('nguoi-cao-tuoi')).ticket;
    await issue();
    await callNext(deps, at('quay-1')); // yesterday's A001, overdue
    await finishTicket(deps, at('quay-1'));
    // One normal call made here today: now it is the priority ticket's turn.
    expect((await callNext(deps, at('quay-1'))).ticket.id).toBe(elder.id);
  });

  it('without carry-over the same morning calls only today’s tickets', async () => {
    await setSettings(deps, { carryOver: false });
    await lateAfternoon();
    deps.clock.set('2026-03-17T07:30:00+07:00');
    // Even before the sweep, yesterday's waiting tickets are not called.
    await expect(callNext(deps, at('quay-2', THU))).rejects.toMatchObject({ code: 'queue.empty' });
    await expireStaleTickets(deps);
    const all = await deps.store.listTickets(HCM, '2026-03-16', ALL_STATES);
    expect(all.filter((x) => x.state === 'waiting')).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext, finishTicket, markNoShow, startServing } from '../../server/counters.usecases.ts';
import { issueTicket } from '../../server/tickets.usecases.ts';
import { HCM, HN, hcmCentre, hnCentre, TODAY } from '../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../helpers/deps.ts';
import { centreState } from '../helpers/store-state.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
});
afterEach(() => deps.store.close());

const minute = () => deps.clock.advance(60_000);

describe('every state change is audited', () => {
  it('records who, when, from, to, where and seq for each step of a ticket', async () => {
    const { ticket } = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    minute();
    await callNext(deps, { centreId: HCM, counterId: 'quay-1', staffId: 'lan' });
    minute();
    await startServing(deps, { centreId: HCM, counterId: 'quay-1', staffId: 'lan' });
    minute();
    await finishTicket(deps, { centreId: HCM, counterId: 'quay-1', staffId: 'hung' });

    const events = await deps.store.listTicketEvents(ticket.id);
    expect(events.map(({ id: _id, ...rest }) => rest)).toEqual([
      { centreId: HCM, ticketId: ticket.id, seq: 1, at: '2026-03-16T02:00:00.000Z', actorKind: 'kiosk', actorId: 'kiosk-1', fromState: null, toState: 'waiting', counterId: null },
      { centreId: HCM, ticketId: ticket.id, seq: 2, at: '2026-03-16T02:01:00.000Z', actorKind: 'staff', actorId: 'lan', fromState: 'waiting', toState: 'called', counterId: 'quay-1' },
      { centreId: HCM, ticketId: ticket.id, seq: 3, at: '2026-03-16T02:02:00.000Z', actorKind: 'staff', actorId: 'lan', fromState: 'called', toState: 'serving', counterId: 'quay-1' },
      { centreId: HCM, ticketId: ticket.id, seq: 4, at: '2026-03-16T02:03:00.000Z', actorKind: 'staff', actorId: 'hung', fromState: 'serving', toState: 'done', counterId: 'quay-1' },
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
  });

  it('records an anonymous action with a null actor', async () => {
    const { ticket } = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    await callNext(deps, { centreId: HCM, counterId: 'quay-1' });
    await markNoShow(deps, { centreId: HCM, counterId: 'quay-1' });
    const events = await deps.store.listTicketEvents(ticket.id);
    expect(events.map((e) => [e.actorKind, e.actorId, e.fromState, e.toState])).toEqual([
      ['kiosk', null, null, 'waiting'],
      ['staff', null, 'waiting', 'called'],
      ['staff', null, 'called', 'no_show'],
    ]);
  });
});

describe('the centre sequence', () => {
  /** A busy morning across counters and services, interleaved. */
  async function busyMorning(centreId: string) {
    for (let i = 0; i < 5; i++) {
      await issueTicket(deps, { centreId, serviceId: 'ho-tich' });
      await issueTicket(deps, { centreId, serviceId: 'dat-dai' });
      minute();
    }
    for (let i = 0; i < 3; i++) {
      await callNext(deps, { centreId, counterId: 'quay-1' });
      await callNext(deps, { centreId, counterId: 'quay-2' });
      await startServing(deps, { centreId, counterId: 'quay-2' });
      await finishTicket(deps, { centreId, counterId: 'quay-1' });
      await finishTicket(deps, { centreId, counterId: 'quay-2' });
      minute();
    }
  }

  it('is gap-free and strictly increasing in the audit trail, and ends at currentSeq', async () => {
    await busyMorning(HCM);
    const state = await centreState(deps.store, HCM, [TODAY]);
    // 10 issues + 3 × (2 calls, 1 start, 2 finishes) = 25 changes.
    expect(state.events).toHaveLength(25);
    expect(state.events.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(state.seq).toBe(25);
  });

  it('orders the audit trail in time as it orders it in seq', async () => {
    await busyMorning(HCM);
    const { events } = await centreState(deps.store, HCM, [TODAY]);
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('is carried by every published fact, in publication order, matching the audit trail', async () => {
    await busyMorning(HCM);
    const { events } = await centreState(deps.store, HCM, [TODAY]);
    const published = deps.notifier.facts.map((f) => ({ seq: f.payload.seq, ticketId: f.payload.ticket.id, state: f.payload.ticket.state }));
    expect(published).toEqual(events.map((e) => ({ seq: e.seq, ticketId: e.ticketId, state: e.toState })));
  });

  it('is counted per centre', async () => {
    await busyMorning(HCM);
    await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' });
    await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' });
    expect(await deps.store.currentSeq(HCM)).toBe(25);
    expect(await deps.store.currentSeq(HN)).toBe(2);
    const hn = await centreState(deps.store, HN, [TODAY]);
    expect(hn.events.map((e) => [e.centreId, e.seq])).toEqual([
      [HN, 1],
      [HN, 2],
    ]);
    expect(deps.notifier.facts.filter((f) => f.centreId === HN).map((f) => f.payload.seq)).toEqual([1, 2]);
  });
});

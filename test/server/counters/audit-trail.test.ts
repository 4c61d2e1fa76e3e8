import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext, finishTicket, markNoShow, startServing } from '../../../server/counters/calls.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, HN, hcmCentre, hnCentre, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, expectRejected, fullState, open } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
});
afterEach(() => deps.store.close());

const minute = () => deps.clock.advance(60_000);

describe('every state change is audited', () => {
  it('records who, when, from, to, where, which service and seq for each step of a ticket', async () => {
    await open(deps, ['quay-1', LAN]);
    const { ticket } = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    minute();
    await callNext(deps, at('quay-1'));
    minute();
    await startServing(deps, at('quay-1'));
    minute();
    await finishTicket(deps, at('quay-1'));

    const events = await deps.store.listTicketEvents(ticket.id);
    // seq 1 went to opening the counter (counter:updated), which is not a ticket event.
    const base = { centreId: HCM, ticketId: ticket.id, serviceId: 'ho-tich', detail: null };
    expect(events.map(({ id: _id, ...rest }) => rest)).toEqual([
      { ...base, seq: 2, at: '2026-03-16T02:00:00.000Z', actorKind: 'kiosk', actorId: 'kiosk-1', fromState: null, toState: 'waiting', counterId: null },
      { ...base, seq: 3, at: '2026-03-16T02:01:00.000Z', actorKind: 'staff', actorId: 'lan', fromState: 'waiting', toState: 'called', counterId: 'quay-1' },
      { ...base, seq: 4, at: '2026-03-16T02:02:00.000Z', actorKind: 'staff', actorId: 'lan', fromState: 'called', toState: 'serving', counterId: 'quay-1' },
      { ...base, seq: 5, at: '2026-03-16T02:03:00.000Z', actorKind: 'staff', actorId: 'lan', fromState: 'serving', toState: 'done', counterId: 'quay-1' },
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
  });

  it('records a kiosk issue without a device as a null actor; counter steps always name the officer', async () => {
    // Before issue #3 a counter action could be anonymous; now the session names the officer.
    await open(deps, ['quay-1', HUNG]);
    const { ticket } = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    await callNext(deps, at('quay-1', HUNG));
    await markNoShow(deps, at('quay-1', HUNG));
    const events = await deps.store.listTicketEvents(ticket.id);
    expect(events.map((e) => [e.actorKind, e.actorId, e.fromState, e.toState])).toEqual([
      ['kiosk', null, null, 'waiting'],
      ['staff', 'hung', 'waiting', 'called'],
      ['staff', 'hung', 'called', 'no_show'],
    ]);
  });

  it('an officer who does not hold the counter cannot act there, and nothing is recorded', async () => {
    await open(deps, ['quay-1', LAN]);
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    await callNext(deps, at('quay-1'));
    await expectRejected(deps, () => finishTicket(deps, at('quay-1', HUNG)), 'counter.not_held', { days: [TODAY] });
  });
});

describe('the centre sequence', () => {
  /** A busy morning across counters and services, interleaved. */
  async function busyMorning(centreId: string) {
    const actors =
      centreId === HCM
        ? [LAN, HUNG]
        : [
            { staffId: 'ha', role: 'staff' as const },
            { staffId: 'ha2', role: 'staff' as const },
          ];
    const here = (counterId: string, i: number) => ({ centreId, counterId, actor: actors[i]! });
    for (let i = 0; i < 5; i++) {
      await issueTicket(deps, { centreId, serviceId: 'ho-tich' });
      await issueTicket(deps, { centreId, serviceId: 'dat-dai' });
      minute();
    }
    await openCounter(deps, here('quay-1', 0));
    await openCounter(deps, here('quay-2', 1));
    for (let i = 0; i < 3; i++) {
      await callNext(deps, here('quay-1', 0));
      await callNext(deps, here('quay-2', 1));
      await startServing(deps, here('quay-2', 1));
      await finishTicket(deps, here('quay-1', 0));
      await finishTicket(deps, here('quay-2', 1));
      minute();
    }
  }

  it('is strictly increasing in the audit trail, and every published fact has the next one, gap-free', async () => {
    await busyMorning(HCM);
    const state = await fullState(deps.store, HCM, [TODAY]);
    // 10 issues + 3 × (2 calls, 1 start, 2 finishes) = 25 ticket changes; 2 counter openings.
    expect(state.events).toHaveLength(25);
    const seqs = state.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(25);
    // Counter facts share the centre's sequence: 27 facts, numbered 1..27 with no gap.
    expect(deps.notifier.facts.map((f) => f.payload.seq)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(state.seq).toBe(27);
  });

  it('orders the audit trail in time as it orders it in seq', async () => {
    await busyMorning(HCM);
    const { events } = await fullState(deps.store, HCM, [TODAY]);
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('is carried by every published ticket fact, in publication order, matching the audit trail', async () => {
    await busyMorning(HCM);
    const { events } = await fullState(deps.store, HCM, [TODAY]);
    const published = deps.notifier.facts.flatMap((f) =>
      'ticket' in f.payload ? [{ seq: f.payload.seq, ticketId: f.payload.ticket.id, state: f.payload.ticket.state }] : [],
    );
    expect(published).toEqual(events.map((e) => ({ seq: e.seq, ticketId: e.ticketId, state: e.toState })));
    expect(deps.notifier.ofType('counter:updated').map((f) => f.payload.seq)).toEqual([11, 12]);
  });

  it('is counted per centre', async () => {
    await busyMorning(HCM);
    await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' });
    await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' });
    expect(await deps.store.currentSeq(HCM)).toBe(27);
    expect(await deps.store.currentSeq(HN)).toBe(2);
    const hn = await fullState(deps.store, HN, [TODAY]);
    expect(hn.events.map((e) => [e.centreId, e.seq])).toEqual([
      [HN, 1],
      [HN, 2],
    ]);
    expect(deps.notifier.facts.filter((f) => f.centreId === HN).map((f) => f.payload.seq)).toEqual([1, 2]);
  });
});

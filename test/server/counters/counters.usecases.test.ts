import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext, finishTicket, markNoShow, startServing } from '../../../server/counters/calls.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, HUNG, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, open } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const issue = (serviceId: string) => issueTicket(deps, { centreId: HCM, serviceId });
const NO_ESTIMATES = { 'ho-tich': null, 'dat-dai': null, tiny: null, closed: null };

describe('a ticket from issue to finish', () => {
  beforeEach(() => open(deps, ['quay-1', LAN], ['quay-2', HUNG]));

  it('issue → call → startServing → finish records every step', async () => {
    deps.clock.set('2026-03-16T09:00:00+07:00');
    const issued = (await issue('ho-tich')).ticket;

    deps.clock.set('2026-03-16T09:05:00+07:00');
    const called = await callNext(deps, at('quay-1'));
    expect(called).toEqual({
      ticket: { ...issued, state: 'called', calledAt: '2026-03-16T02:05:00.000Z', counterId: 'quay-1', staffId: 'lan' },
      peopleAhead: 0,
      estimatedWaitMinutes: null,
    });

    deps.clock.set('2026-03-16T09:06:00+07:00');
    const serving = await startServing(deps, at('quay-1'));
    expect(serving.ticket).toEqual({ ...called.ticket, state: 'serving', servingAt: '2026-03-16T02:06:00.000Z' });

    deps.clock.set('2026-03-16T09:20:00+07:00');
    const done = await finishTicket(deps, at('quay-1', LAN, { ticketId: issued.id }));
    expect(done.ticket).toEqual({ ...serving.ticket, state: 'done', finishedAt: '2026-03-16T02:20:00.000Z' });

    expect(await deps.store.getTicket(issued.id)).toEqual(done.ticket);
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
    expect(deps.notifier.facts.map((f) => f.type)).toEqual([
      'counter:updated',
      'counter:updated',
      'ticket:issued',
      'ticket:called',
      'ticket:updated',
      'ticket:updated',
    ]);
  });

  it('finish may come straight after the call, and frees the counter for the next one', async () => {
    const a1 = (await issue('ho-tich')).ticket;
    const a2 = (await issue('ho-tich')).ticket;
    await callNext(deps, at('quay-1'));
    const done = await finishTicket(deps, at('quay-1'));
    expect(done.ticket).toMatchObject({ id: a1.id, state: 'done', servingAt: null });
    const next = await callNext(deps, at('quay-1'));
    expect(next.ticket).toMatchObject({ id: a2.id, number: 'A002', state: 'called', counterId: 'quay-1' });
  });

  it('a no-show ends the ticket and frees the counter; the ticket and the trail name the officer', async () => {
    const a1 = (await issue('ho-tich')).ticket;
    await callNext(deps, at('quay-1'));
    deps.clock.advance(3 * 60_000);
    const gone = await markNoShow(deps, at('quay-1'));
    expect(gone.ticket).toMatchObject({ id: a1.id, state: 'no_show', finishedAt: '2026-03-16T02:03:00.000Z', staffId: 'lan' });
    expect((await deps.store.listTicketEvents(a1.id)).at(-1)).toMatchObject({ fromState: 'called', toState: 'no_show', actorId: 'lan' });
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
  });

  it('keeps the calling officer on the ticket through service', async () => {
    await issue('ho-tich');
    await callNext(deps, at('quay-2', HUNG));
    await startServing(deps, at('quay-2', HUNG));
    const done = await finishTicket(deps, at('quay-2', HUNG));
    expect(done.ticket.staffId).toBe('hung');
  });

  it('publishes the called fact with the call as displays show it', async () => {
    const a1 = (await issue('ho-tich')).ticket;
    await issue('ho-tich');
    deps.clock.advance(60_000);
    const called = await callNext(deps, at('quay-1'));
    const fact = deps.notifier.ofType('ticket:called')[0]!;
    expect(fact).toEqual({
      type: 'ticket:called',
      centreId: HCM,
      payload: {
        seq: 5,
        ticket: called.ticket,
        call: {
          ticketId: a1.id,
          number: 'A001',
          serviceId: 'ho-tich',
          counterId: 'quay-1',
          counterNumber: 1,
          calledAt: '2026-03-16T02:01:00.000Z',
          recall: false,
        },
        waiting: { 'ho-tich': 1 },
        // ho-tich: 1 waiting × 8 min default ÷ 2 open counters (quay-1, quay-2); dat-dai: 0 ahead.
        estimates: { ...NO_ESTIMATES, 'ho-tich': 4, 'dat-dai': 0 },
      },
    });
  });

  it('publishes updates with the waiting counts of the ticket’s day', async () => {
    await issue('ho-tich');
    await issue('dat-dai');
    await callNext(deps, at('quay-1'));
    await finishTicket(deps, at('quay-1'));
    const [update] = deps.notifier.ofType('ticket:updated');
    expect(update!.payload).toMatchObject({ seq: 6, ticket: { state: 'done' }, waiting: { 'dat-dai': 1 } });
    expect(update!.payload.waiting).not.toHaveProperty('ho-tich');
  });
});

describe('which ticket a counter calls', () => {
  it('first come, first served across the counter’s services', async () => {
    await open(deps, ['quay-2', LAN]);
    const order: string[] = [];
    for (const s of ['ho-tich', 'dat-dai', 'dat-dai', 'ho-tich']) {
      order.push((await issue(s)).ticket.number);
      deps.clock.advance(1000);
    }
    expect(order).toEqual(['A001', '2001', '2002', 'A002']);
    const calls: string[] = [];
    for (let i = 0; i < 4; i++) {
      calls.push((await callNext(deps, at('quay-2'))).ticket.number);
      await finishTicket(deps, at('quay-2'));
    }
    expect(calls).toEqual(['A001', '2001', '2002', 'A002']);
  });

  it('breaks a same-instant tie by the counter’s service order', async () => {
    await open(deps, ['quay-2', LAN], ['quay-1', HUNG]);
    // The clock does not move: both tickets share issuedAt.
    await issue('ho-tich');
    await issue('dat-dai');
    expect((await callNext(deps, at('quay-2'))).ticket.number).toBe('2001');
    expect((await callNext(deps, at('quay-1', HUNG))).ticket.number).toBe('A001');
  });

  it('leaves tickets of services the counter does not serve', async () => {
    await open(deps, ['quay-1', LAN], ['quay-2', HUNG]);
    await issue('dat-dai');
    const error = await callNext(deps, at('quay-1')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'queue.empty' });
    expect((await callNext(deps, at('quay-2', HUNG))).ticket.number).toBe('2001');
  });

  it('two counters of the same service get different tickets', async () => {
    await open(deps, ['quay-1', LAN], ['quay-4', HUNG]);
    await issue('ho-tich');
    await issue('ho-tich');
    const one = await callNext(deps, at('quay-1'));
    const four = await callNext(deps, at('quay-4', HUNG));
    expect([one.ticket.number, four.ticket.number]).toEqual(['A001', 'A002']);
    expect(one.ticket.id).not.toBe(four.ticket.id);
  });

  it('never hands the same ticket to two counters calling at the same moment', async () => {
    await open(deps, ['quay-1', LAN], ['quay-4', HUNG]);
    for (let i = 0; i < 20; i++) await issue('ho-tich');
    const seen: string[] = [];
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([callNext(deps, at('quay-1')), callNext(deps, at('quay-4', HUNG))]);
      seen.push(a.ticket.number, b.ticket.number);
      await Promise.all([finishTicket(deps, at('quay-1')), finishTicket(deps, at('quay-4', HUNG))]);
    }
    expect(new Set(seen).size).toBe(20);
    expect([...seen].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
  });
});

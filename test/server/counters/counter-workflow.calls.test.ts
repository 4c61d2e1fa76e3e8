import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  callNext,
  callTicket,
  finishTicket,
  markNoShow,
  parkTicket,
  recallTicket,
  resumeTicket,
  startServing,
} from '../../../server/counters/calls.usecases.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, expectRejected, open, setSettings } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
  await open(deps, ['quay-1', LAN], ['quay-4', HUNG]);
});
afterEach(() => deps.store.close());

const issue = (serviceId = 'ho-tich') => issueTicket(deps, { centreId: HCM, serviceId });
const refused = (run: () => Promise<unknown>, code: Parameters<typeof expectRejected>[2]) => expectRejected(deps, run, code, { days: [TODAY] });
const minute = () => deps.clock.advance(60_000);

describe('callTicket: a specific ticket by number or id', () => {
  it('by today’s number, ahead of the queue, recorded as called by number', async () => {
    await issue();
    const wanted = (await issue()).ticket;
    const called = await callTicket(deps, at('quay-1', LAN, { number: ' a002 ' }));
    expect(called.ticket).toMatchObject({ id: wanted.id, state: 'called', counterId: 'quay-1', staffId: 'lan' });
    expect((await deps.store.listTicketEvents(wanted.id)).at(-1)).toMatchObject({ toState: 'called', detail: { calledByNumber: true } });
    expect(deps.notifier.ofType('ticket:called').at(-1)!.payload.call).toMatchObject({ ticketId: wanted.id, recall: false });
  });

  it('by id, even of a service the counter does not serve (a citizen at the wrong counter)', async () => {
    const land = (await issue('dat-dai')).ticket;
    expect((await callTicket(deps, at('quay-1', LAN, { ticketId: land.id }))).ticket).toMatchObject({ id: land.id, counterId: 'quay-1' });
  });

  it('refuses a ticket that is not waiting, unknown, of another day, or while attending one', async () => {
    const a1 = (await issue()).ticket;
    await issue();
    await callNext(deps, at('quay-4', HUNG));
    await refused(() => callTicket(deps, at('quay-1', LAN, { ticketId: a1.id })), 'ticket.not_waiting');
    await refused(() => callTicket(deps, at('quay-1', LAN, { number: 'A999' })), 'ticket.not_found');
    await refused(() => callTicket(deps, at('quay-1', LAN, { ticketId: 'nope' })), 'ticket.not_found');
    await callTicket(deps, at('quay-1', LAN, { number: 'A002' }));
    await issue();
    await refused(() => callTicket(deps, at('quay-1', LAN, { number: 'A003' })), 'counter.has_current_ticket');
  });

  it('needs the counter held and open', async () => {
    await issue();
    await refused(() => callTicket(deps, at('quay-1', HUNG, { number: 'A001' })), 'counter.not_held');
    await refused(() => callTicket(deps, at('quay-2', LAN, { number: 'A001' })), 'counter.closed');
  });
});

describe('recall', () => {
  it('repeats the call: ticket:called with call.recall true, a new calledAt, the count in the trail', async () => {
    const a1 = (await issue()).ticket;
    await callNext(deps, at('quay-1'));
    minute();
    const again = await recallTicket(deps, at('quay-1'));
    expect(again.ticket).toMatchObject({ id: a1.id, state: 'called', recallCount: 1, calledAt: '2026-03-16T02:01:00.000Z' });
    const fact = deps.notifier.ofType('ticket:called').at(-1)!;
    expect(fact.payload.call).toEqual({
      ticketId: a1.id,
      number: 'A001',
      serviceId: 'ho-tich',
      counterId: 'quay-1',
      counterNumber: 1,
      calledAt: '2026-03-16T02:01:00.000Z',
      recall: true,
    });
    expect((await deps.store.listTicketEvents(a1.id)).at(-1)).toMatchObject({ fromState: 'called', toState: 'called', detail: { recall: 1 } });
  });

  it('after maxRecalls recalls, the next recall makes the ticket a no-show and frees the counter', async () => {
    await setSettings(deps, { maxRecalls: 2 });
    const a1 = (await issue()).ticket;
    await callNext(deps, at('quay-1'));
    expect((await recallTicket(deps, at('quay-1'))).ticket.recallCount).toBe(1);
    expect((await recallTicket(deps, at('quay-1'))).ticket.recallCount).toBe(2);
    const gone = await recallTicket(deps, at('quay-1'));
    expect(gone.ticket).toMatchObject({ id: a1.id, state: 'no_show', recallCount: 2 });
    expect(deps.notifier.facts.at(-1)).toMatchObject({ type: 'ticket:updated', payload: { ticket: { state: 'no_show' } } });
    expect((await deps.store.listTicketEvents(a1.id)).at(-1)).toMatchObject({ toState: 'no_show', detail: { afterRecalls: 2 } });
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
  });

  it('with maxRecalls 0 the first recall is a no-show', async () => {
    await setSettings(deps, { maxRecalls: 0 });
    await issue();
    await callNext(deps, at('quay-1'));
    expect((await recallTicket(deps, at('quay-1'))).ticket.state).toBe('no_show');
  });

  it('is refused once service started, with nothing current, or by someone else', async () => {
    await issue();
    await refused(() => recallTicket(deps, at('quay-1')), 'counter.no_current_ticket');
    await callNext(deps, at('quay-1'));
    await refused(() => recallTicket(deps, at('quay-1', HUNG)), 'counter.not_held');
    await startServing(deps, at('quay-1'));
    await refused(() => recallTicket(deps, at('quay-1')), 'ticket.invalid_transition');
  });
});

describe('start, finish and no-show', () => {
  it('no-show only before service starts; finish from called or serving', async () => {
    await issue();
    await issue();
    await callNext(deps, at('quay-1'));
    await startServing(deps, at('quay-1'));
    await refused(() => markNoShow(deps, at('quay-1')), 'ticket.invalid_transition');
    expect((await finishTicket(deps, at('quay-1'))).ticket.state).toBe('done');
    await callNext(deps, at('quay-1'));
    expect((await markNoShow(deps, at('quay-1'))).ticket.state).toBe('no_show');
  });

  it('the stale-screen guard: naming another ticket is counter.ticket_mismatch', async () => {
    await issue();
    const a2 = (await issue()).ticket;
    await callNext(deps, at('quay-1'));
    await refused(() => startServing(deps, at('quay-1', LAN, { ticketId: a2.id })), 'counter.ticket_mismatch');
    await refused(() => recallTicket(deps, at('quay-1', LAN, { ticketId: a2.id })), 'counter.ticket_mismatch');
    await refused(() => parkTicket(deps, at('quay-1', LAN, { ticketId: a2.id })), 'counter.ticket_mismatch');
  });
});

describe('park and resume (the citizen fetches a document)', () => {
  it('park sets the ticket aside and frees the counter for the next citizen', async () => {
    const a1 = (await issue()).ticket;
    const a2 = (await issue()).ticket;
    await callNext(deps, at('quay-1'));
    await startServing(deps, at('quay-1'));
    const parked = await parkTicket(deps, at('quay-1'));
    expect(parked.ticket).toMatchObject({ id: a1.id, state: 'parked', counterId: 'quay-1', staffId: 'lan' });
    expect(deps.notifier.facts.at(-1)).toMatchObject({ type: 'ticket:updated', payload: { ticket: { id: a1.id, state: 'parked' } } });
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
    expect((await getSnapshot(deps, HCM)).parked.map((t) => t.id)).toEqual([a1.id]);
    // A parked ticket is not in the queue: the next call is A002.
    expect((await callNext(deps, at('quay-1'))).ticket.id).toBe(a2.id);
  });

  it('resume calls the parked ticket again, at any counter, announced as a fresh call', async () => {
    const a1 = (await issue()).ticket;
    await callNext(deps, at('quay-1'));
    await recallTicket(deps, at('quay-1'));
    await parkTicket(deps, at('quay-1'));
    minute();
    const back = await resumeTicket(deps, at('quay-4', HUNG, { ticketId: a1.id }));
    expect(back.ticket).toMatchObject({ id: a1.id, state: 'called', counterId: 'quay-4', staffId: 'hung', recallCount: 0, servingAt: null });
    expect(deps.notifier.ofType('ticket:called').at(-1)!.payload.call).toMatchObject({ counterId: 'quay-4', counterNumber: 4, recall: false });
    expect((await deps.store.listTicketEvents(a1.id)).at(-1)).toMatchObject({ fromState: 'parked', toState: 'called', detail: { parkedAt: 'quay-1' } });
    expect((await getSnapshot(deps, HCM)).parked).toEqual([]);
    expect((await finishTicket(deps, at('quay-4', HUNG))).ticket.state).toBe('done');
  });

  it('resume is refused for a ticket that is not parked, unknown, or while attending another', async () => {
    const a1 = (await issue()).ticket;
    await issue();
    await refused(() => resumeTicket(deps, at('quay-1', LAN, { ticketId: a1.id })), 'ticket.not_parked');
    await refused(() => resumeTicket(deps, at('quay-1', LAN, { ticketId: 'nope' })), 'ticket.not_found');
    await callNext(deps, at('quay-1'));
    await parkTicket(deps, at('quay-1'));
    await callNext(deps, at('quay-1'));
    await refused(() => resumeTicket(deps, at('quay-1', LAN, { ticketId: a1.id })), 'counter.has_current_ticket');
    await refused(() => resumeTicket(deps, at('quay-2', LAN, { ticketId: a1.id })), 'counter.closed');
  });

  it('park is refused with nothing current', async () => {
    await refused(() => parkTicket(deps, at('quay-1')), 'counter.no_current_ticket');
  });
});

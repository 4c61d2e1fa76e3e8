import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentreFact, ErrorCode } from '../../../protocol/index.ts';
import * as calls from '../../../server/counters/calls.usecases.ts';
import * as counters from '../../../server/counters/counters.usecases.ts';
import { expireStaleTickets } from '../../../server/counters/day-end.usecases.ts';
import { grantPriority, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { ADMIN, HCM, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, expectRejected, fullState, open } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const DAYS = [TODAY, '2026-03-17'];

/**
 * Runs one accepted action and checks the rule every change follows: one audit event per changed
 * ticket, carrying the ticket's service after the change, with the seq of the fact published for
 * it; counter facts take a seq of their own; every fact's seq is the next one.
 */
async function step(expected: { tickets: number; counters: number }, run: () => Promise<unknown>): Promise<CentreFact[]> {
  const before = await fullState(deps.store, HCM, DAYS);
  const published = deps.notifier.facts.length;
  deps.clock.advance(30_000);
  await run();
  const after = await fullState(deps.store, HCM, DAYS);
  const facts = deps.notifier.facts.slice(published);
  const newEvents = after.events.filter((e) => !before.events.some((b) => b.id === e.id));

  expect(facts.map((f) => f.payload.seq)).toEqual(facts.map((_, i) => before.seq + 1 + i));
  expect(after.seq).toBe(before.seq + facts.length);
  const ticketFacts = facts.filter((f) => f.type !== 'counter:updated');
  expect(ticketFacts).toHaveLength(expected.tickets);
  expect(facts.length - ticketFacts.length).toBe(expected.counters);
  expect(newEvents).toHaveLength(expected.tickets);
  for (const fact of ticketFacts) {
    const ticket = (fact.payload as { ticket: { id: string; serviceId: string; state: string } }).ticket;
    const event = newEvents.find((e) => e.seq === fact.payload.seq);
    expect(event, `event for fact ${fact.type} #${fact.payload.seq}`).toBeDefined();
    expect(event).toMatchObject({ ticketId: ticket.id, serviceId: ticket.serviceId, toState: ticket.state, centreId: HCM });
    const prior = before.tickets.find((t) => t.id === ticket.id);
    expect(event!.fromState).toBe(prior?.state ?? null);
    expect(await deps.store.getTicket(ticket.id)).toEqual(ticket);
  }
  return facts;
}

describe('every change appends one ticket event with its service, under the seq of the fact published for it', () => {
  it('through every kind of action of a day and its end', async () => {
    const open1 = () => counters.openCounter(deps, at('quay-1'));
    await step({ tickets: 0, counters: 1 }, open1);
    await step({ tickets: 0, counters: 1 }, () => counters.openCounter(deps, at('quay-4', HUNG)));
    await step({ tickets: 0, counters: 1 }, () => counters.openCounter(deps, at('quay-2', ADMIN)));
    for (const s of ['ho-tich', 'ho-tich', 'ho-tich', 'dat-dai', 'ho-tich', 'ho-tich']) {
      await step({ tickets: 1, counters: 0 }, () => issueTicket(deps, { centreId: HCM, serviceId: s }));
    }
    await step({ tickets: 1, counters: 0 }, () => issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', priorityGroupId: 'nguoi-co-cong' }));
    await step({ tickets: 1, counters: 0 }, () =>
      grantPriority(deps, { centreId: HCM, number: 'A002', priorityGroupId: 'nguoi-cao-tuoi', reason: 'trên 75 tuổi', actor: LAN }),
    );
    await step({ tickets: 1, counters: 0 }, () => calls.callNext(deps, at('quay-1')));
    await step({ tickets: 1, counters: 0 }, () => calls.recallTicket(deps, at('quay-1')));
    await step({ tickets: 1, counters: 0 }, () => calls.startServing(deps, at('quay-1')));
    await step({ tickets: 1, counters: 0 }, () => calls.parkTicket(deps, at('quay-1')));
    await step({ tickets: 1, counters: 0 }, () => calls.callTicket(deps, at('quay-1', LAN, { number: 'A003' })));
    await step({ tickets: 1, counters: 0 }, () => calls.transferTicket(deps, at('quay-1', LAN, { toCounterId: 'quay-4' })));
    await step({ tickets: 1, counters: 0 }, () => calls.callNext(deps, at('quay-4', HUNG)));
    await step({ tickets: 1, counters: 0 }, () => calls.finishTicket(deps, at('quay-4', HUNG)));
    const parked = (await deps.store.listTickets(HCM, TODAY, ['parked']))[0]!;
    await step({ tickets: 1, counters: 0 }, () => calls.resumeTicket(deps, at('quay-4', HUNG, { ticketId: parked.id })));
    await step({ tickets: 1, counters: 0 }, () => calls.markNoShow(deps, at('quay-4', HUNG)));
    await step({ tickets: 1, counters: 0 }, () => calls.callNext(deps, at('quay-2', ADMIN)));
    // To a service that has issued nothing today (see the transfer tests for why that matters).
    await step({ tickets: 1, counters: 0 }, () => calls.transferTicket(deps, at('quay-2', ADMIN, { toServiceId: 'tiny' })));
    await step({ tickets: 1, counters: 0 }, () => calls.callNext(deps, at('quay-2', ADMIN)));
    for (let i = 0; i < 3; i++) await step({ tickets: 1, counters: 0 }, () => calls.recallTicket(deps, at('quay-2', ADMIN)));
    expect(await deps.store.currentTicketAt(HCM, 'quay-2')).toBeNull(); // the third recall made a no-show
    await step({ tickets: 1, counters: 0 }, () => calls.callNext(deps, at('quay-1')));
    await step({ tickets: 0, counters: 1 }, () => counters.pauseCounter(deps, at('quay-4', HUNG)));
    await step({ tickets: 0, counters: 1 }, () => counters.resumeCounter(deps, at('quay-4', HUNG)));
    await step({ tickets: 1, counters: 1 }, () => counters.forceCloseCounter(deps, at('quay-1', ADMIN)));
    await step({ tickets: 1, counters: 0 }, () => calls.callNext(deps, at('quay-4', HUNG)));
    await step({ tickets: 0, counters: 1 }, () => counters.closeCounter(deps, at('quay-2', ADMIN)));
    const unfinished = (await deps.store.listTickets(HCM, TODAY, ['waiting', 'called', 'serving', 'parked'])).length;
    expect(unfinished).toBeGreaterThan(0);
    deps.clock.set('2026-03-17T00:00:00+07:00');
    await step({ tickets: unfinished, counters: 0 }, () => expireStaleTickets(deps));

    // In all: the trail and the facts tell the same story.
    const { events } = await fullState(deps.store, HCM, DAYS);
    const ticketFacts = deps.notifier.facts.filter((f) => f.type !== 'counter:updated');
    expect(events.map((e) => e.seq)).toEqual(ticketFacts.map((f) => f.payload.seq));
    expect(deps.notifier.facts.map((f) => f.payload.seq)).toEqual(deps.notifier.facts.map((_, i) => i + 1));
  });
});

describe('every rejected action changes nothing', () => {
  /** quay-1 (Lan) attends A002; quay-4 (Hùng) is on a break; quay-2 (admin) is idle; A001 is parked; A003 and 2001 wait. */
  beforeEach(async () => {
    await open(deps, ['quay-1', LAN], ['quay-4', HUNG], ['quay-2', ADMIN]);
    for (const s of ['ho-tich', 'ho-tich', 'ho-tich', 'dat-dai']) await issueTicket(deps, { centreId: HCM, serviceId: s });
    await calls.callNext(deps, at('quay-1'));
    await calls.parkTicket(deps, at('quay-1'));
    await calls.callNext(deps, at('quay-1'));
    await counters.pauseCounter(deps, at('quay-4', HUNG));
    expect((await deps.store.currentTicketAt(HCM, 'quay-1'))!.number).toBe('A002');
  });

  const THU = { staffId: 'thu', role: 'staff' } as const;
  const parkedId = async () => (await deps.store.listTickets(HCM, TODAY, ['parked']))[0]!.id;
  const idOf = async (number: string) => (await deps.store.findTicketByNumber(HCM, TODAY, number))!.id;
  const cases: [string, ErrorCode, () => Promise<unknown>][] = [
    ['open a counter someone holds', 'counter.busy', () => counters.openCounter(deps, at('quay-1', HUNG))],
    ['open a second counter', 'staff.holds_other_counter', () => counters.openCounter(deps, at('quay-3'))],
    ['close while attending', 'counter.has_current_ticket', () => counters.closeCounter(deps, at('quay-1'))],
    ['pause while attending', 'counter.has_current_ticket', () => counters.pauseCounter(deps, at('quay-1'))],
    ['resume an open counter', 'counter.not_paused', () => counters.resumeCounter(deps, at('quay-1'))],
    ['close another’s counter', 'counter.not_held', () => counters.closeCounter(deps, at('quay-4'))],
    ['close a closed counter', 'counter.closed', () => counters.closeCounter(deps, at('quay-3', THU))],
    ['call while attending', 'counter.has_current_ticket', () => calls.callNext(deps, at('quay-1'))],
    ['call on a break', 'counter.paused', () => calls.callNext(deps, at('quay-4', HUNG))],
    ['call at a closed counter', 'counter.closed', () => calls.callNext(deps, at('quay-3', THU))],
    ['call a called ticket by number', 'ticket.not_waiting', () => calls.callTicket(deps, at('quay-2', ADMIN, { number: 'A002' }))],
    ['call by number on a break', 'counter.paused', () => calls.callTicket(deps, at('quay-4', HUNG, { number: 'A003' }))],
    ['call a parked ticket by number', 'counter.has_current_ticket', () => calls.callTicket(deps, at('quay-1', LAN, { number: 'A001' }))],
    ['finish at another’s counter', 'counter.not_held', () => calls.finishTicket(deps, at('quay-1', HUNG))],
    ['finish with nothing current', 'counter.no_current_ticket', () => calls.finishTicket(deps, at('quay-4', HUNG))],
    ['finish naming another ticket', 'counter.ticket_mismatch', async () => calls.finishTicket(deps, at('quay-1', LAN, { ticketId: await idOf('A003') }))],
    ['resume a waiting ticket', 'ticket.not_parked', async () => calls.resumeTicket(deps, at('quay-2', ADMIN, { ticketId: await idOf('A003') }))],
    ['resume while attending', 'counter.has_current_ticket', async () => calls.resumeTicket(deps, at('quay-1', LAN, { ticketId: await parkedId() }))],
    ['resume on a break', 'counter.paused', async () => calls.resumeTicket(deps, at('quay-4', HUNG, { ticketId: await parkedId() }))],
    ['transfer to an inactive service', 'service.inactive', () => calls.transferTicket(deps, at('quay-1', LAN, { toServiceId: 'closed' }))],
    ['transfer to an unknown counter', 'counter.not_found', () => calls.transferTicket(deps, at('quay-1', LAN, { toCounterId: 'quay-0' }))],
    [
      'grant priority to a called ticket',
      'ticket.not_waiting',
      () => grantPriority(deps, { centreId: HCM, number: 'A002', priorityGroupId: 'nguoi-cao-tuoi', reason: 'lý do', actor: LAN }),
    ],
    [
      'grant an unknown priority group',
      'priority_group.not_found',
      () => grantPriority(deps, { centreId: HCM, number: 'A003', priorityGroupId: 'vip', reason: 'lý do', actor: LAN }),
    ],
    [
      'issue with an unknown priority group',
      'priority_group.not_found',
      () => issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', priorityGroupId: 'vip' }),
    ],
    ['act at an inactive counter', 'counter.inactive', () => counters.openCounter(deps, at('quay-9', THU))],
    ['force-close an unknown counter', 'counter.not_found', () => counters.forceCloseCounter(deps, at('quay-0', ADMIN))],
  ];

  it.each(cases)('%s: %s', async (_name, code, run) => {
    await expectRejected(deps, run, code, { days: [TODAY] });
  });

  it('no-show or recall after service started: ticket.invalid_transition', async () => {
    await calls.startServing(deps, at('quay-1'));
    await expectRejected(deps, () => calls.markNoShow(deps, at('quay-1')), 'ticket.invalid_transition', { days: [TODAY] });
    await expectRejected(deps, () => calls.recallTicket(deps, at('quay-1')), 'ticket.invalid_transition', { days: [TODAY] });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TicketViewSchema } from '../../../protocol/index.ts';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import { getTicketView, grantPriority, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, hcmCentre, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, expectRejected, open, setSettings } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
  await open(deps, ['quay-1', LAN]);
});
afterEach(() => deps.store.close());

const ELDER = 'nguoi-cao-tuoi';
const issue = async (priorityGroupId?: string, serviceId = 'ho-tich') => {
  const status = await issueTicket(deps, { centreId: HCM, serviceId, priorityGroupId });
  deps.clock.advance(60_000);
  return status.ticket;
};
const refused = (run: () => Promise<unknown>, code: Parameters<typeof expectRejected>[2]) => expectRejected(deps, run, code, { days: [TODAY] });
/** Calls and finishes `n` tickets at quay-1; their numbers in order. */
async function serve(n: number): Promise<string[]> {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push((await callNext(deps, at('quay-1'))).ticket.number);
    await finishTicket(deps, at('quay-1'));
  }
  return out;
}

describe('a priority group chosen at the kiosk', () => {
  it('is on the ticket and in the trail of its issue', async () => {
    const t = await issue(ELDER);
    expect(t.priorityGroupId).toBe(ELDER);
    expect(await deps.store.getTicket(t.id)).toMatchObject({ priorityGroupId: ELDER });
    expect(deps.notifier.ofType('ticket:issued').at(-1)!.payload.ticket.priorityGroupId).toBe(ELDER);
  });

  it('an unknown or switched-off group is priority_group.not_found, and no number is used', async () => {
    await issue();
    await refused(() => issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', priorityGroupId: 'vip' }), 'priority_group.not_found');
    await setSettings(deps, {
      priorityGroups: [{ id: ELDER, name: { vi: 'Người cao tuổi', en: 'Elderly' }, active: false }],
    });
    await refused(() => issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', priorityGroupId: ELDER }), 'priority_group.not_found');
    expect((await issue()).number).toBe('A002');
  });
});

describe('strict priority through callNext', () => {
  it('priority tickets first, oldest first, then the normal queue', async () => {
    await issue();
    await issue();
    await issue(ELDER);
    await issue('phu-nu-mang-thai');
    expect(await serve(4)).toEqual(['A003', 'A004', 'A001', 'A002']);
  });

  it('a normal ticket past the maximum wait goes before priority', async () => {
    await setSettings(deps, { maxWaitMinutes: 30 });
    await issue();
    deps.clock.advance(20 * 60_000);
    await issue(ELDER);
    expect(await serve(1)).toEqual(['A002']);
    deps.clock.advance(10 * 60_000);
    await issue(ELDER);
    // A001 has now waited 31 minutes.
    expect(await serve(2)).toEqual(['A001', 'A003']);
  });
});

describe('interleaved priority through callNext', () => {
  beforeEach(() => setSettings(deps, { priorityPolicy: { mode: 'interleaved', normalPerPriority: 2 } }));

  it('one priority ticket after every 2 normal ones called at this counter', async () => {
    for (let i = 0; i < 6; i++) await issue();
    for (let i = 0; i < 3; i++) await issue(ELDER);
    expect(await serve(9)).toEqual(['A001', 'A002', 'A007', 'A003', 'A004', 'A008', 'A005', 'A006', 'A009']);
  });

  it('counts this counter’s calls only, from the store’s history', async () => {
    await open(deps, ['quay-4', HUNG]);
    for (let i = 0; i < 4; i++) await issue();
    await issue(ELDER);
    // Two normal calls at quay-4 do not make it quay-1's priority turn.
    for (let i = 0; i < 2; i++) {
      await callNext(deps, at('quay-4', HUNG));
      await finishTicket(deps, at('quay-4', HUNG));
    }
    expect(await serve(3)).toEqual(['A003', 'A004', 'A005']);
  });

  it('calls a priority ticket when no normal one waits', async () => {
    await issue(ELDER);
    expect(await serve(1)).toEqual(['A001']);
  });
});

describe('grantPriority', () => {
  it('by number: the waiting ticket gets the group; the reason is audited and the fact published', async () => {
    const a1 = await issue();
    const a2 = await issue();
    const status = await grantPriority(deps, { centreId: HCM, number: 'a002', priorityGroupId: ELDER, reason: 'Cụ ông 80 tuổi', actor: HUNG });
    expect(status.ticket).toEqual({ ...a2, priorityGroupId: ELDER });
    // A priority ticket has only priority tickets ahead of it under the strict policy (issue #15): none here.
    expect(status.peopleAhead).toBe(0);
    const event = (await deps.store.listTicketEvents(a2.id)).at(-1)!;
    expect(event).toMatchObject({
      fromState: 'waiting',
      toState: 'waiting',
      actorKind: 'staff',
      actorId: 'hung',
      counterId: null,
      serviceId: 'ho-tich',
      detail: { grantPriority: ELDER, reason: 'Cụ ông 80 tuổi', previous: null },
    });
    const fact = deps.notifier.facts.at(-1)!;
    expect(fact).toMatchObject({ type: 'ticket:updated', payload: { seq: event.seq, ticket: { id: a2.id, priorityGroupId: ELDER } } });
    // And it now goes first.
    expect((await callNext(deps, at('quay-1'))).ticket.id).toBe(a2.id);
    expect((await deps.store.getTicket(a1.id))!.state).toBe('waiting');
  });

  it('by id, replacing an earlier group (the previous one is in the trail)', async () => {
    const t = await issue(ELDER);
    await grantPriority(deps, { centreId: HCM, ticketId: t.id, priorityGroupId: 'nguoi-khuyet-tat', reason: 'xe lăn', actor: LAN });
    expect((await deps.store.listTicketEvents(t.id)).at(-1)!.detail).toEqual({ grantPriority: 'nguoi-khuyet-tat', reason: 'xe lăn', previous: ELDER });
  });

  it('only to waiting tickets, known ones, with a known group', async () => {
    await issue();
    await callNext(deps, at('quay-1'));
    const grant = (extra: object) => grantPriority(deps, { centreId: HCM, priorityGroupId: ELDER, reason: 'lý do', actor: LAN, ...extra });
    await refused(() => grant({ number: 'A001' }), 'ticket.not_waiting');
    await refused(() => grant({ number: 'A077' }), 'ticket.not_found');
    await refused(() => grant({ ticketId: 'nope' }), 'ticket.not_found');
    await issue();
    await refused(() => grant({ number: 'A002', priorityGroupId: 'vip' }), 'priority_group.not_found');
    await refused(() => grantPriority(deps, { centreId: 'nowhere', number: 'A002', priorityGroupId: ELDER, reason: 'lý do', actor: LAN }), 'centre.not_found');
  });
});

describe('getTicketView (the citizen’s status page)', () => {
  it('while waiting: place, estimate and names; once called: the counter number', async () => {
    await issue();
    const mine = await issue();
    const view = await getTicketView(deps, mine.id);
    expect(view).toEqual({
      ticket: mine,
      peopleAhead: 1,
      estimatedWaitMinutes: 8,
      centreName: hcmCentre.centre.name,
      timeZone: 'Asia/Ho_Chi_Minh',
      serviceName: hcmCentre.services[0]!.name,
      counterNumber: null,
    });
    expect(TicketViewSchema.parse(view)).toEqual(view);
    await serve(1);
    await callNext(deps, at('quay-1'));
    expect(await getTicketView(deps, mine.id)).toMatchObject({ peopleAhead: 0, estimatedWaitMinutes: null, counterNumber: 1 });
    await finishTicket(deps, at('quay-1'));
    expect(await getTicketView(deps, mine.id)).toMatchObject({ counterNumber: null, ticket: { state: 'done' } });
  });

  it('unknown id: ticket.not_found', async () => {
    await expect(getTicketView(deps, 'nope')).rejects.toMatchObject({ code: 'ticket.not_found' });
  });
});

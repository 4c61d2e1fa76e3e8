import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, TicketStatusSchema } from '../../../protocol/index.ts';
import { callNext } from '../../../server/counters/calls.usecases.ts';
import { getTicketStatus, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, HUNG, LAN, MORNING, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, open } from '../counters/counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const issue = (serviceId: string, kioskId?: string) => issueTicket(deps, { centreId: HCM, serviceId, kioskId });
const NO_ESTIMATES = { 'ho-tich': null, 'dat-dai': null, tiny: null, closed: null };

describe('issueTicket', () => {
  it('records a waiting ticket with the first number of the day', async () => {
    const status = await issue('ho-tich');
    expect(status).toEqual({
      ticket: {
        id: 'id-0001',
        centreId: HCM,
        serviceId: 'ho-tich',
        businessDay: TODAY,
        seq: 1,
        number: 'A001',
        state: 'waiting',
        issuedAt: new Date(MORNING).toISOString(),
        calledAt: null,
        servingAt: null,
        finishedAt: null,
        counterId: null,
        staffId: null,
        priorityGroupId: null,
        recallCount: 0,
        targetCounterId: null,
      },
      peopleAhead: 0,
      // No counter is open: no estimate.
      estimatedWaitMinutes: null,
    });
    expect(TicketStatusSchema.parse(status)).toEqual(status);
    expect(await deps.store.getTicket('id-0001')).toEqual(status.ticket);
  });

  it('numbers each service on its own, in both styles', async () => {
    const numbers: string[] = [];
    for (const service of ['ho-tich', 'dat-dai', 'ho-tich', 'dat-dai', 'ho-tich']) numbers.push((await issue(service)).ticket.number);
    expect(numbers).toEqual(['A001', '2001', 'A002', '2002', 'A003']);
  });

  it('tells how many people of the same service are ahead, and the estimated wait', async () => {
    await open(deps, ['quay-1', LAN], ['quay-2', HUNG]);
    await issue('ho-tich');
    await issue('dat-dai');
    await issue('ho-tich');
    // ho-tich: 2 ahead × 8 min default ÷ 2 open counters; dat-dai: 1 ahead × 8 ÷ quay-2 alone.
    expect(await issue('ho-tich')).toMatchObject({ peopleAhead: 2, estimatedWaitMinutes: 8 });
    expect(await issue('dat-dai')).toMatchObject({ peopleAhead: 1, estimatedWaitMinutes: 8 });
  });

  it('stamps the issue time from the clock', async () => {
    deps.clock.set('2026-03-16T10:15:30.250+07:00');
    const { ticket } = await issue('ho-tich');
    expect(ticket.issuedAt).toBe('2026-03-16T03:15:30.250Z');
  });

  it('publishes ticket:issued with the ticket, the waiting counts, the estimates and the next seq', async () => {
    const first = await issue('ho-tich');
    const second = await issue('dat-dai');
    expect(deps.notifier.facts).toEqual([
      { type: 'ticket:issued', centreId: HCM, payload: { seq: 1, ticket: first.ticket, waiting: { 'ho-tich': 1 }, estimates: NO_ESTIMATES } },
      {
        type: 'ticket:issued',
        centreId: HCM,
        payload: { seq: 2, ticket: second.ticket, waiting: { 'ho-tich': 1, 'dat-dai': 1 }, estimates: NO_ESTIMATES },
      },
    ]);
  });

  it('records the kiosk that asked in the audit trail', async () => {
    const { ticket } = await issue('ho-tich', 'kiosk-sanh');
    const [event] = await deps.store.listTicketEvents(ticket.id);
    expect(event).toMatchObject({ actorKind: 'kiosk', actorId: 'kiosk-sanh', fromState: null, toState: 'waiting', seq: 1, serviceId: 'ho-tich' });
  });
});

describe('getTicketStatus', () => {
  beforeEach(() => open(deps, ['quay-1', LAN], ['quay-4', HUNG]));

  it('follows a ticket as the queue moves', async () => {
    await issue('ho-tich');
    await issue('ho-tich');
    const mine = await issue('ho-tich');
    expect(await getTicketStatus(deps, mine.ticket.id)).toMatchObject({ peopleAhead: 2, estimatedWaitMinutes: 8 });

    await callNext(deps, at('quay-1'));
    expect(await getTicketStatus(deps, mine.ticket.id)).toMatchObject({ peopleAhead: 1, estimatedWaitMinutes: 4 });
    await callNext(deps, at('quay-4', HUNG));
    expect(await getTicketStatus(deps, mine.ticket.id)).toEqual({ ticket: mine.ticket, peopleAhead: 0, estimatedWaitMinutes: 0 });
  });

  it('answers 0 people ahead and no estimate once the ticket is called', async () => {
    await issue('ho-tich');
    const second = await issue('ho-tich');
    await callNext(deps, at('quay-1'));
    await callNext(deps, at('quay-4', HUNG));
    const status = await getTicketStatus(deps, second.ticket.id);
    expect(status.ticket.state).toBe('called');
    expect(status.ticket.counterId).toBe('quay-4');
    expect(status).toMatchObject({ peopleAhead: 0, estimatedWaitMinutes: null });
  });

  it('fails with ticket.not_found for an unknown id', async () => {
    const error = await getTicketStatus(deps, 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'ticket.not_found', status: 404 });
  });
});

describe('people ahead are counted by issue time (issue #3: in the store, not from a list)', () => {
  it('counts waiting tickets of the same service issued earlier; not called, finished or parked ones, nor other services', async () => {
    await open(deps, ['quay-1', LAN]);
    for (const s of ['ho-tich', 'ho-tich', 'dat-dai', 'ho-tich']) {
      await issue(s);
      deps.clock.advance(1000);
    }
    await callNext(deps, at('quay-1'));
    const mine = await issue('ho-tich');
    // A001 called; A002, A003 waiting; 2001 is another service.
    expect(mine.peopleAhead).toBe(2);
    expect(await deps.store.countAhead(mine.ticket)).toBe(2);
  });

  it('tickets issued in the same millisecond count in number order, whatever their random ids', async () => {
    // Real ids are random: the tie must be broken by the queue order (seq), not by the id.
    // Each id sorts before the one drawn before it.
    let n = 9999;
    deps.ids = Object.assign({ newId: () => `r-${n--}` }, { issued: deps.ids.issued });
    const ahead = [];
    for (let i = 0; i < 4; i++) ahead.push((await issue('ho-tich')).peopleAhead);
    expect(ahead).toEqual([0, 1, 2, 3]);
  });
});

describe('people ahead of a priority ticket (issue #15)', () => {
  const priority = () => issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', priorityGroupId: 'nguoi-cao-tuoi' });
  const setPolicy = (priorityPolicy: { mode: 'strict' } | { mode: 'interleaved'; normalPerPriority: number }) =>
    deps.store.runInTx({ centreId: HCM }, async (tx) => tx.saveSettings(HCM, { ...(await tx.getSettings(HCM)), priorityPolicy }));

  it('strict: only the priority tickets before it count, on the ticket and on the status page', async () => {
    await open(deps, ['quay-1', LAN]);
    for (let i = 0; i < 3; i++) await issue('ho-tich');
    const first = await priority();
    expect(first.peopleAhead).toBe(0);
    expect(first.estimatedWaitMinutes).toBe(0);
    const second = await priority();
    expect(second.peopleAhead).toBe(1);
    expect((await getTicketStatus(deps, second.ticket.id)).peopleAhead).toBe(1);
    // And it is called first indeed.
    expect((await callNext(deps, at('quay-1'))).ticket.id).toBe(first.ticket.id);
    expect((await getTicketStatus(deps, second.ticket.id)).peopleAhead).toBe(0);
  });

  it('interleaved one in three: up to three ordinary tickets before its call', async () => {
    await setPolicy({ mode: 'interleaved', normalPerPriority: 3 });
    for (let i = 0; i < 5; i++) await issue('ho-tich');
    expect((await priority()).peopleAhead).toBe(3);
  });
});

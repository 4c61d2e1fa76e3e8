import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, TicketStatusSchema } from '../../protocol/index.ts';
import { callNext } from '../../server/counters.usecases.ts';
import { getTicketStatus, issueTicket } from '../../server/tickets.usecases.ts';
import { HCM, MORNING, TODAY } from '../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../helpers/deps.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const issue = (serviceId: string, kioskId?: string) => issueTicket(deps, { centreId: HCM, serviceId, kioskId });

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
      },
      peopleAhead: 0,
    });
    expect(TicketStatusSchema.parse(status)).toEqual(status);
    expect(await deps.store.getTicket('id-0001')).toEqual(status.ticket);
  });

  it('numbers each service on its own, in both styles', async () => {
    const numbers: string[] = [];
    for (const service of ['ho-tich', 'dat-dai', 'ho-tich', 'dat-dai', 'ho-tich']) numbers.push((await issue(service)).ticket.number);
    expect(numbers).toEqual(['A001', '2001', 'A002', '2002', 'A003']);
  });

  it('tells how many people of the same service are ahead', async () => {
    await issue('ho-tich');
    await issue('dat-dai');
    await issue('ho-tich');
    expect((await issue('ho-tich')).peopleAhead).toBe(2);
    expect((await issue('dat-dai')).peopleAhead).toBe(1);
  });

  it('stamps the issue time from the clock', async () => {
    deps.clock.set('2026-03-16T10:15:30.250+07:00');
    const { ticket } = await issue('ho-tich');
    expect(ticket.issuedAt).toBe('2026-03-16T03:15:30.250Z');
  });

  it('publishes ticket:issued with the ticket, the waiting counts and the next seq', async () => {
    const first = await issue('ho-tich');
    const second = await issue('dat-dai');
    expect(deps.notifier.facts).toEqual([
      { type: 'ticket:issued', centreId: HCM, payload: { seq: 1, ticket: first.ticket, waiting: { 'ho-tich': 1 } } },
      { type: 'ticket:issued', centreId: HCM, payload: { seq: 2, ticket: second.ticket, waiting: { 'ho-tich': 1, 'dat-dai': 1 } } },
    ]);
  });

  it('records the kiosk that asked in the audit trail', async () => {
    const { ticket } = await issue('ho-tich', 'kiosk-sanh');
    const [event] = await deps.store.listTicketEvents(ticket.id);
    expect(event).toMatchObject({ actorKind: 'kiosk', actorId: 'kiosk-sanh', fromState: null, toState: 'waiting', seq: 1 });
  });
});

describe('getTicketStatus', () => {
  it('follows a ticket as the queue moves', async () => {
    await issue('ho-tich');
    await issue('ho-tich');
    const mine = await issue('ho-tich');
    expect((await getTicketStatus(deps, mine.ticket.id)).peopleAhead).toBe(2);

    await callNext(deps, { centreId: HCM, counterId: 'quay-1' });
    expect((await getTicketStatus(deps, mine.ticket.id)).peopleAhead).toBe(1);
    await callNext(deps, { centreId: HCM, counterId: 'quay-4' });
    const before = await getTicketStatus(deps, mine.ticket.id);
    expect(before).toEqual({ ticket: mine.ticket, peopleAhead: 0 });
  });

  it('answers 0 people ahead once the ticket is called', async () => {
    await issue('ho-tich');
    const second = await issue('ho-tich');
    await callNext(deps, { centreId: HCM, counterId: 'quay-1' });
    await callNext(deps, { centreId: HCM, counterId: 'quay-4' });
    const status = await getTicketStatus(deps, second.ticket.id);
    expect(status.ticket.state).toBe('called');
    expect(status.ticket.counterId).toBe('quay-4');
    expect(status.peopleAhead).toBe(0);
  });

  it('fails with ticket.not_found for an unknown id', async () => {
    const error = await getTicketStatus(deps, 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'ticket.not_found', status: 404 });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../../protocol/index.ts';
import { callNext, callTicket, finishTicket, startServing, transferTicket } from '../../../server/counters/calls.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { getTicketStatus, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { ADMIN, HCM, hcmCentre, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, expectRejected, open } from './counter-workflow.harness.ts';

let deps: TestDeps;
const extra = (n: number, serviceIds: string[], more: Partial<Counter> = {}): Counter => ({
  id: `quay-${n}`,
  centreId: HCM,
  number: n,
  serviceIds,
  callOrder: 'fifo',
  weights: {},
  active: true,
  ...more,
});
/** Counters for the new service: fifo alone, and two that also serve ho-tich first. */
const LAND_COUNTERS = [
  extra(5, ['dat-dai']),
  extra(6, ['ho-tich', 'dat-dai'], { callOrder: 'ordered' }),
  extra(7, ['ho-tich', 'dat-dai'], { callOrder: 'weighted', weights: { 'ho-tich': 2 } }),
];
beforeEach(async () => {
  deps = await makeDeps();
  await installCentre(deps.store, { ...hcmCentre, counters: [...hcmCentre.counters, ...LAND_COUNTERS] });
  await open(deps, ['quay-1', LAN], ['quay-4', HUNG]);
});
afterEach(() => deps.store.close());

const issue = async (serviceId: string) => {
  const { ticket } = await issueTicket(deps, { centreId: HCM, serviceId });
  deps.clock.advance(60_000);
  return ticket;
};
/** Calls and finishes at a counter until its queue is empty; the ids called, in order. */
async function drain(counterId: string, actor: typeof LAN | typeof HUNG | typeof ADMIN): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const next = await callNext(deps, at(counterId, actor)).catch((e: { code?: string }) => {
      if (e.code === 'queue.empty') return null;
      throw e;
    });
    if (!next) return ids;
    ids.push(next.ticket.id);
    await finishTicket(deps, at(counterId, actor));
  }
}
const refused = (run: () => Promise<unknown>, code: Parameters<typeof expectRejected>[2]) => expectRejected(deps, run, code, { days: [TODAY] });

/**
 * A001, A002, A003 (ho-tich), then 2001, 2002 (dat-dai), a minute apart; quay-1 attends A003.
 * A003 (seq 3) is the one transferred to dat-dai because dat-dai has used seq 1 and 2 only —
 * see "numbers after a transfer" below for what happens otherwise.
 */
async function morning() {
  const [a1, a2, a3] = [await issue('ho-tich'), await issue('ho-tich'), await issue('ho-tich')];
  const [d1, d2] = [await issue('dat-dai'), await issue('dat-dai')];
  await callTicket(deps, at('quay-1', LAN, { number: 'A003' }));
  return { a1, a2, a3, d1, d2 };
}

describe('transfer to another service', () => {
  it('goes back to waiting in the new service with its number and issue time, audited', async () => {
    const { a3 } = await morning();
    const moved = await transferTicket(deps, at('quay-1', LAN, { toServiceId: 'dat-dai' }));
    expect(moved.ticket).toEqual({ ...a3, serviceId: 'dat-dai' });
    expect(await deps.store.getTicket(a3.id)).toEqual({ ...a3, serviceId: 'dat-dai' });
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
    expect((await deps.store.listTicketEvents(a3.id)).at(-1)).toMatchObject({
      fromState: 'called',
      toState: 'waiting',
      actorId: 'lan',
      counterId: 'quay-1',
      serviceId: 'dat-dai',
      detail: { fromServiceId: 'ho-tich', toServiceId: 'dat-dai', toCounterId: null },
    });
    const fact = deps.notifier.facts.at(-1)!;
    expect(fact).toMatchObject({ type: 'ticket:updated', payload: { ticket: { id: a3.id, serviceId: 'dat-dai' }, waiting: { 'ho-tich': 2, 'dat-dai': 3 } } });
  });

  it('keeps its place: ahead of the new service’s tickets issued after it', async () => {
    const { a3, d1, d2 } = await morning();
    await transferTicket(deps, at('quay-1', LAN, { toServiceId: 'dat-dai' }));
    expect(await getTicketStatus(deps, a3.id)).toMatchObject({ peopleAhead: 0 });
    expect(await getTicketStatus(deps, d1.id)).toMatchObject({ peopleAhead: 1 });
    await open(deps, ['quay-5', ADMIN]);
    const order = [];
    for (let i = 0; i < 3; i++) {
      order.push((await callNext(deps, at('quay-5', ADMIN))).ticket.id);
      await finishTicket(deps, at('quay-5', ADMIN));
    }
    expect(order).toEqual([a3.id, d1.id, d2.id]);
  });

  it('from serving too; the next counter starts a fresh call', async () => {
    const { a3 } = await morning();
    await startServing(deps, at('quay-1'));
    await transferTicket(deps, at('quay-1', LAN, { toServiceId: 'dat-dai', ticketId: a3.id }));
    await open(deps, ['quay-5', ADMIN]);
    const called = await callNext(deps, at('quay-5', ADMIN));
    expect(called.ticket).toMatchObject({ id: a3.id, state: 'called', servingAt: null, counterId: 'quay-5', staffId: 'admin', recallCount: 0 });
  });
});

describe('transfer to a counter', () => {
  it('only that counter may call it, and there it keeps its place by issue time', async () => {
    const { a1, a2, a3 } = await morning();
    await transferTicket(deps, at('quay-1', LAN, { toCounterId: 'quay-4' }));
    expect(await deps.store.getTicket(a3.id)).toMatchObject({ state: 'waiting', serviceId: 'ho-tich', targetCounterId: 'quay-4' });
    // quay-1 serves ho-tich too but may not take it: it gets A001 and A002, then nothing.
    expect((await callNext(deps, at('quay-1'))).ticket.id).toBe(a1.id);
    await finishTicket(deps, at('quay-1'));
    const newer = await issue('ho-tich');
    const atFour = [];
    for (let i = 0; i < 3; i++) {
      atFour.push((await callNext(deps, at('quay-4', HUNG))).ticket.id);
      await finishTicket(deps, at('quay-4', HUNG));
    }
    expect(atFour).toEqual([a2.id, a3.id, newer.id]);
  });

  it('even a counter that does not serve the service may call it, and no other counter may', async () => {
    const { a3 } = await morning();
    await transferTicket(deps, at('quay-1', LAN, { toCounterId: 'quay-3' }));
    const elsewhere = [...(await drain('quay-1', LAN)), ...(await drain('quay-4', HUNG))];
    expect(elsewhere).toHaveLength(2);
    expect(elsewhere).not.toContain(a3.id);
    expect(await deps.store.getTicket(a3.id)).toMatchObject({ state: 'waiting', targetCounterId: 'quay-3' });
    await open(deps, ['quay-3', ADMIN]);
    expect((await callNext(deps, at('quay-3', ADMIN))).ticket).toMatchObject({ id: a3.id, targetCounterId: null, counterId: 'quay-3' });
  });

  it.each(['quay-5', 'quay-6', 'quay-7'])('to %s (fifo, ordered, weighted): before the service’s later tickets', async (counterId) => {
    const { a3, d1 } = await morning();
    await transferTicket(deps, at('quay-1', LAN, { toServiceId: 'dat-dai', toCounterId: counterId }));
    await open(deps, [counterId, ADMIN]);
    const called = await drain(counterId, ADMIN);
    // Whatever the counter's order, A003 (minute 2) comes before 2001 (minute 3).
    expect(called).toContain(a3.id);
    expect(called).toContain(d1.id);
    expect(called.indexOf(a3.id)).toBeLessThan(called.indexOf(d1.id));
  });
});

describe('refused transfers change nothing', () => {
  beforeEach(async () => {
    await morning();
  });

  it('to an unknown or inactive service or counter', async () => {
    await refused(() => transferTicket(deps, at('quay-1', LAN, { toServiceId: 'xay-dung' })), 'service.not_found');
    await refused(() => transferTicket(deps, at('quay-1', LAN, { toServiceId: 'closed' })), 'service.inactive');
    await refused(() => transferTicket(deps, at('quay-1', LAN, { toCounterId: 'quay-77' })), 'counter.not_found');
    await refused(() => transferTicket(deps, at('quay-1', LAN, { toCounterId: 'quay-9' })), 'counter.inactive');
  });

  it('with nothing current, by someone else, or naming another ticket', async () => {
    await refused(() => transferTicket(deps, at('quay-4', HUNG, { toServiceId: 'dat-dai' })), 'counter.no_current_ticket');
    await refused(() => transferTicket(deps, at('quay-1', HUNG, { toServiceId: 'dat-dai' })), 'counter.not_held');
    await refused(() => transferTicket(deps, at('quay-1', LAN, { toServiceId: 'dat-dai', ticketId: 'id-0001' })), 'counter.ticket_mismatch');
  });
});

describe('numbers after a transfer', () => {
  // Regression: the number belongs to the issuing service (tickets_number_uq on service_id), the
  // queue is queue_service_id, so a transfer never collides with the new service's numbers.
  it('a ticket can be transferred to a service that already used its seq today', async () => {
    await issue('ho-tich');
    await issue('dat-dai');
    await callNext(deps, at('quay-1'));
    const moved = await transferTicket(deps, at('quay-1', LAN, { toServiceId: 'dat-dai' }));
    expect(moved.ticket).toMatchObject({ number: 'A001', serviceId: 'dat-dai', state: 'waiting' });
  });

  it('the new service still issues its next number after a ticket was transferred into it', async () => {
    await issue('ho-tich');
    await callNext(deps, at('quay-1'));
    await transferTicket(deps, at('quay-1', LAN, { toServiceId: 'dat-dai' }));
    const next = await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    expect(next.ticket).toMatchObject({ number: '2001', seq: 1 });
    expect(next.peopleAhead).toBe(1);
  });
});

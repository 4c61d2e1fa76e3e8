import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import type { TicketSubscriber } from '../../../server/kernel/ticket-subscribers.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

/**
 * The modules' subscribers (server/kernel/ticket-subscribers.ts) as the use cases call them:
 * inside the change's transaction, in list order, with after-commit work after the change's
 * own fact, and a subscriber's failure refusing the whole change.
 */
let deps: TestDeps;
let told: string[];
beforeEach(async () => {
  deps = await makeDeps();
  told = [];
});
afterEach(() => deps.store.close());

/** A subscriber that notes what it is told, and after commit what the notifier has published so far. */
function noting(name: string, extras?: { printJob: null }): TicketSubscriber {
  return {
    name,
    async changed(tx, change) {
      told.push(`${name}: changed ${change.before?.state ?? 'new'} → ${change.after.state}`);
      tx.afterCommit(() => told.push(`${name}: after the change (${deps.notifier.facts.length} facts published)`));
    },
    async issued(tx, issued) {
      told.push(`${name}: issued ${issued.ticket.number} at ${issued.kioskId}`);
      tx.afterCommit(() => told.push(`${name}: after the issue (${deps.notifier.facts.length} facts published)`));
      return extras;
    },
    async finished(tx, finished) {
      told.push(`${name}: finished ${finished.ticket.number} at ${finished.counter.id}`);
      tx.afterCommit(() => told.push(`${name}: after the finish (${deps.notifier.facts.length} facts published)`));
    },
  };
}

describe('ticket subscribers', () => {
  it('are told every change in list order inside the transaction; after-commit work runs in registration order', async () => {
    deps.subscribers = [noting('a', { printJob: null }), noting('b')];
    const issued = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    expect(issued.printJob).toBeNull();
    expect(told).toEqual([
      'a: changed new → waiting',
      'b: changed new → waiting',
      'a: issued A001 at kiosk-1',
      'b: issued A001 at kiosk-1',
      // After COMMIT, in the order registered: work of `changed` (registered while the change was
      // written), the ticket:issued fact (registered by issueTicket once its figures were read),
      // then work of `issued` — a print job reaches its bridge after the kiosk's fact.
      'a: after the change (0 facts published)',
      'b: after the change (0 facts published)',
      'a: after the issue (1 facts published)',
      'b: after the issue (1 facts published)',
    ]);

    told = [];
    await openCounter(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    await callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    await finishTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    expect(told.filter((t) => t.startsWith('a: '))).toEqual([
      'a: changed waiting → called',
      'a: after the change (2 facts published)',
      'a: changed called → done',
      'a: finished A001 at quay-1',
      'a: after the change (3 facts published)',
      // A keypad is armed after the finish's fact is out.
      'a: after the finish (4 facts published)',
    ]);
  });

  it('a subscriber that fails refuses the change: no ticket, no fact, no after-commit work', async () => {
    const failing: TicketSubscriber = {
      name: 'failing',
      async issued() {
        throw new Error('printer table missing');
      },
    };
    deps.subscribers = [noting('a'), failing];
    await expect(issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', kioskId: 'kiosk-1' })).rejects.toThrow('printer table missing');
    expect({ told, facts: deps.notifier.facts, waiting: await deps.store.waitingCounts(HCM) }).toEqual({
      told: ['a: changed new → waiting', 'a: issued A001 at kiosk-1'],
      facts: [],
      waiting: {},
    });
    // The number was not taken either: the next issue gets A001.
    deps.subscribers = [];
    expect((await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.number).toBe('A001');
  });
});

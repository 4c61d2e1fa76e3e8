import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext } from '../../../server/counters/calls.usecases.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { expireStaleTickets } from '../../../server/counters/day-end.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, open } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ at: '2026-03-16T23:50:00+07:00' });
});
afterEach(() => deps.store.close());

const issue = (serviceId = 'ho-tich') => issueTicket(deps, { centreId: HCM, serviceId });

describe('numbering restarts at local midnight', () => {
  it('23:59:59 is still today; 00:00:00 local starts the next day at A001 / 2001', async () => {
    expect((await issue()).ticket).toMatchObject({ number: 'A001', businessDay: '2026-03-16' });
    expect((await issue('dat-dai')).ticket).toMatchObject({ number: '2001', businessDay: '2026-03-16' });
    deps.clock.set('2026-03-16T23:59:59.999+07:00');
    expect((await issue()).ticket).toMatchObject({ number: 'A002', businessDay: '2026-03-16' });

    deps.clock.set('2026-03-17T00:00:00.000+07:00');
    expect((await issue()).ticket).toMatchObject({ number: 'A001', seq: 1, businessDay: '2026-03-17' });
    expect((await issue('dat-dai')).ticket).toMatchObject({ number: '2001', seq: 1, businessDay: '2026-03-17' });
  });

  it('does not restart at 07:00 local (when the UTC date changes)', async () => {
    deps.clock.set('2026-03-17T06:59:00+07:00');
    expect((await issue()).ticket).toMatchObject({ number: 'A001', businessDay: '2026-03-17' });
    deps.clock.set('2026-03-17T07:01:00+07:00');
    expect((await issue()).ticket).toMatchObject({ number: 'A002', businessDay: '2026-03-17' });
    deps.clock.set('2026-03-17T16:59:00+07:00');
    expect((await issue()).ticket).toMatchObject({ number: 'A003', businessDay: '2026-03-17' });
  });

  it('an exhausted band is available again the next day', async () => {
    await issue('tiny');
    await issue('tiny');
    await expect(issue('tiny')).rejects.toMatchObject({ code: 'service.numbers_exhausted' });
    deps.clock.set('2026-03-17T00:00:00+07:00');
    expect((await issue('tiny')).ticket.number).toBe('5001');
  });

  it('keeps the centre sequence running across days (clients never see it go back)', async () => {
    await issue();
    await issue();
    deps.clock.set('2026-03-17T08:00:00+07:00');
    await issue();
    expect(deps.notifier.facts.map((f) => f.payload.seq)).toEqual([1, 2, 3]);
  });
});

describe('yesterday’s tickets', () => {
  it('are not called today, and once the day-end sweep ran they are not counted as waiting', async () => {
    await open(deps, ['quay-1', LAN]);
    await issue();
    await issue();
    deps.clock.set('2026-03-17T07:30:00+07:00');
    await expect(callNext(deps, at('quay-1'))).rejects.toMatchObject({ code: 'queue.empty' });
    // Issue #3: waiting counts include earlier days (carry-over); the server's day-end sweep,
    // run at start and every minute, expires yesterday's tickets when carry-over is off.
    expect(await expireStaleTickets(deps)).toBe(2);
    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot.businessDay).toBe('2026-03-17');
    expect(snapshot.waiting).toEqual({});

    const today = await issue();
    expect(today.peopleAhead).toBe(0);
    expect((await callNext(deps, at('quay-1'))).ticket.id).toBe(today.ticket.id);
  });

  it('leave the snapshot’s recent calls at midnight', async () => {
    await open(deps, ['quay-1', LAN]);
    await issue();
    await callNext(deps, at('quay-1'));
    expect((await getSnapshot(deps, HCM)).recentCalls).toHaveLength(1);
    deps.clock.set('2026-03-17T00:00:00+07:00');
    expect((await getSnapshot(deps, HCM)).recentCalls).toEqual([]);
  });
});

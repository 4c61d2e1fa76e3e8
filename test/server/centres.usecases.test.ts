import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../protocol/index.ts';
import { getSnapshot, listCentres, listServices, RECENT_CALLS } from '../../server/centres.usecases.ts';
import { callNext, finishTicket, startServing } from '../../server/counters.usecases.ts';
import { issueTicket } from '../../server/tickets.usecases.ts';
import { HCM, HN, hcmCentre, hnCentre, TODAY } from '../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../helpers/deps.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hnCentre, hcmCentre] });
});
afterEach(() => deps.store.close());

const issue = (serviceId: string) => issueTicket(deps, { centreId: HCM, serviceId });
const minute = () => deps.clock.advance(60_000);

describe('listCentres and listServices', () => {
  it('lists centres by id and services in display order', async () => {
    expect((await listCentres(deps)).map((c) => c.id)).toEqual([HCM, HN]);
    expect(await listServices(deps, HCM)).toEqual(hcmCentre.services);
    expect((await listServices(deps, HN)).map((s) => s.id)).toEqual(['ho-tich', 'dat-dai', 'tiny', 'closed', 'hn-only']);
  });

  it('refuses an unknown centre', async () => {
    await expect(listServices(deps, 'nowhere')).rejects.toMatchObject({ code: 'centre.not_found' });
  });
});

describe('getSnapshot', () => {
  it('of a quiet morning: the set-up, seq 0, nothing waiting or called', async () => {
    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot).toEqual({
      seq: 0,
      businessDay: TODAY,
      centre: hcmCentre.centre,
      services: hcmCentre.services,
      counters: hcmCentre.counters.map((counter) => ({ counter, current: null })),
      waiting: {},
      recentCalls: [],
    });
    expect(SnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('shows waiting counts, what each counter attends and the recent calls, newest first', async () => {
    for (const s of ['ho-tich', 'ho-tich', 'ho-tich', 'dat-dai', 'dat-dai']) {
      await issue(s);
      minute();
    }
    const c1 = await callNext(deps, { centreId: HCM, counterId: 'quay-1' });
    minute();
    const c2 = await callNext(deps, { centreId: HCM, counterId: 'quay-2' });
    await startServing(deps, { centreId: HCM, counterId: 'quay-2' });
    minute();
    const c4 = await callNext(deps, { centreId: HCM, counterId: 'quay-4' });
    await finishTicket(deps, { centreId: HCM, counterId: 'quay-4' });

    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot.seq).toBe(10);
    // A service with nobody waiting is absent (not 0): clients must replace the map, not merge it.
    expect(snapshot.waiting).toEqual({ 'dat-dai': 2 });
    const current = Object.fromEntries(snapshot.counters.map((v) => [v.counter.id, v.current?.number ?? null]));
    expect(current).toEqual({ 'quay-1': 'A001', 'quay-2': 'A002', 'quay-3': null, 'quay-4': null, 'quay-9': null });
    expect(snapshot.counters.find((v) => v.counter.id === 'quay-2')!.current!.state).toBe('serving');
    expect(snapshot.recentCalls).toEqual([
      { ticketId: c4.ticket.id, number: 'A003', serviceId: 'ho-tich', counterId: 'quay-4', counterNumber: 4, calledAt: c4.ticket.calledAt },
      { ticketId: c2.ticket.id, number: 'A002', serviceId: 'ho-tich', counterId: 'quay-2', counterNumber: 2, calledAt: c2.ticket.calledAt },
      { ticketId: c1.ticket.id, number: 'A001', serviceId: 'ho-tich', counterId: 'quay-1', counterNumber: 1, calledAt: c1.ticket.calledAt },
    ]);
    expect(SnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it(`carries at most ${RECENT_CALLS} recent calls`, async () => {
    for (let i = 0; i < RECENT_CALLS + 3; i++) await issue('ho-tich');
    for (let i = 0; i < RECENT_CALLS + 3; i++) {
      minute();
      await callNext(deps, { centreId: HCM, counterId: 'quay-1' });
      await finishTicket(deps, { centreId: HCM, counterId: 'quay-1' });
    }
    const { recentCalls } = await getSnapshot(deps, HCM);
    expect(recentCalls).toHaveLength(RECENT_CALLS);
    expect(recentCalls[0]!.number).toBe(`A0${RECENT_CALLS + 3}`);
    expect(recentCalls.at(-1)!.number).toBe('A004');
  });

  it('has the seq of the last published fact', async () => {
    await issue('ho-tich');
    await callNext(deps, { centreId: HCM, counterId: 'quay-1' });
    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot.seq).toBe(deps.notifier.facts.at(-1)!.payload.seq);
  });

  it('refuses an unknown centre', async () => {
    await expect(getSnapshot(deps, 'nowhere')).rejects.toMatchObject({ code: 'centre.not_found' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_GROUPS, defaultDisplaySettings, SnapshotSchema } from '../../../protocol/index.ts';
import { callNext, finishTicket, parkTicket, startServing } from '../../../server/counters/calls.usecases.ts';
import { getSnapshot, listCentres, listServices, RECENT_CALLS } from '../../../server/centres/centres.usecases.ts';
import { pauseCounter } from '../../../server/counters/counters.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { ADMIN, HCM, HN, hcmCentre, hnCentre, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, open, setSettings } from '../counters/counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hnCentre, hcmCentre] });
});
afterEach(() => deps.store.close());

const issue = (serviceId: string) => issueTicket(deps, { centreId: HCM, serviceId });
const minute = () => deps.clock.advance(60_000);
const CLOSED = { status: 'closed', staffId: null, openedAt: null } as const;
const NO_ESTIMATES = { 'ho-tich': null, 'dat-dai': null, tiny: null, closed: null };

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
  it('of a quiet morning: the set-up, seq 0, every counter closed, nothing waiting, called or parked', async () => {
    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot).toEqual({
      seq: 0,
      businessDay: TODAY,
      centre: hcmCentre.centre,
      services: hcmCentre.services,
      counters: hcmCentre.counters.map((counter) => ({ counter, state: CLOSED, current: null })),
      waiting: {},
      // No counter is open: no estimate for any service (the kiosk says "not known yet").
      estimates: NO_ESTIMATES,
      priorityGroups: DEFAULT_PRIORITY_GROUPS,
      // What the kiosk does with services no open counter serves, and the recalls the console warns at (issue #15).
      kioskClosedServices: 'warn',
      // Large print on the kiosk (issue #15): off by default.
      largePrint: false,
      // The kiosk offers appointment check-in only where the centre takes appointments: off by default.
      appointmentCheckIn: false,
      maxRecalls: 2,
      recentCalls: [],
      parked: [],
      display: defaultDisplaySettings(),
    });
    expect(SnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('shows waiting counts, estimates, who holds each counter, what it attends and the recent calls, newest first', async () => {
    await open(deps, ['quay-1', LAN], ['quay-2', HUNG], ['quay-4', ADMIN]);
    for (const s of ['ho-tich', 'ho-tich', 'ho-tich', 'dat-dai', 'dat-dai']) {
      await issue(s);
      minute();
    }
    const c1 = await callNext(deps, at('quay-1'));
    minute();
    const c2 = await callNext(deps, at('quay-2', HUNG));
    await startServing(deps, at('quay-2', HUNG));
    minute();
    const c4 = await callNext(deps, at('quay-4', ADMIN));
    await finishTicket(deps, at('quay-4', ADMIN));
    await pauseCounter(deps, at('quay-4', ADMIN));

    const snapshot = await getSnapshot(deps, HCM);
    // 3 openings, 5 issues, 3 calls, 1 start, 1 finish, 1 pause.
    expect(snapshot.seq).toBe(14);
    // A service with nobody waiting is absent (not 0): clients must replace the map, not merge it.
    expect(snapshot.waiting).toEqual({ 'dat-dai': 2 });
    // dat-dai: 2 waiting × the default 8 minutes (no dat-dai history) ÷ 1 open counter (quay-2);
    // ho-tich: nobody waiting, quay-1 and quay-2 open (quay-4 is on a break).
    expect(snapshot.estimates).toEqual({ ...NO_ESTIMATES, 'ho-tich': 0, 'dat-dai': 16 });
    const current = Object.fromEntries(snapshot.counters.map((v) => [v.counter.id, v.current?.number ?? null]));
    expect(current).toEqual({ 'quay-1': 'A001', 'quay-2': 'A002', 'quay-3': null, 'quay-4': null, 'quay-9': null });
    const states = Object.fromEntries(snapshot.counters.map((v) => [v.counter.id, [v.state.status, v.state.staffId]]));
    expect(states).toEqual({
      'quay-1': ['open', 'lan'],
      'quay-2': ['open', 'hung'],
      'quay-3': ['closed', null],
      'quay-4': ['paused', 'admin'],
      'quay-9': ['closed', null],
    });
    expect(snapshot.counters.find((v) => v.counter.id === 'quay-2')!.current!.state).toBe('serving');
    const call = (t: typeof c1.ticket, counterNumber: number) => ({
      ticketId: t.id,
      number: t.number,
      serviceId: 'ho-tich',
      counterId: `quay-${counterNumber}`,
      counterNumber,
      calledAt: t.calledAt,
      recall: false,
    });
    expect(snapshot.recentCalls).toEqual([call(c4.ticket, 4), call(c2.ticket, 2), call(c1.ticket, 1)]);
    expect(snapshot.recentCalls.map((c) => c.number)).toEqual(['A003', 'A002', 'A001']);
    expect(SnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('lists today’s parked tickets and only active priority groups', async () => {
    await open(deps, ['quay-1', LAN]);
    await issue('ho-tich');
    await callNext(deps, at('quay-1'));
    const parked = await parkTicket(deps, at('quay-1'));
    const groups = [
      { id: 'cao-tuoi', name: { vi: 'Người cao tuổi', en: 'Elderly' }, active: true },
      { id: 'cu', name: { vi: 'Cũ', en: 'Old' }, active: false },
    ];
    await setSettings(deps, { priorityGroups: groups });
    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot.parked).toEqual([parked.ticket]);
    expect(snapshot.priorityGroups).toEqual([groups[0]]);
    expect(snapshot.counters.find((v) => v.counter.id === 'quay-1')!.current).toBeNull();
  });

  it(`carries at most ${RECENT_CALLS} recent calls`, async () => {
    await open(deps, ['quay-1', LAN]);
    for (let i = 0; i < RECENT_CALLS + 3; i++) await issue('ho-tich');
    for (let i = 0; i < RECENT_CALLS + 3; i++) {
      minute();
      await callNext(deps, at('quay-1'));
      await finishTicket(deps, at('quay-1'));
    }
    const { recentCalls } = await getSnapshot(deps, HCM);
    expect(recentCalls).toHaveLength(RECENT_CALLS);
    expect(recentCalls[0]!.number).toBe(`A0${RECENT_CALLS + 3}`);
    expect(recentCalls.at(-1)!.number).toBe('A004');
  });

  it('has the seq of the last published fact', async () => {
    await open(deps, ['quay-1', LAN]);
    await issue('ho-tich');
    await callNext(deps, at('quay-1'));
    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot.seq).toBe(deps.notifier.facts.at(-1)!.payload.seq);
  });

  it('refuses an unknown centre', async () => {
    await expect(getSnapshot(deps, 'nowhere')).rejects.toMatchObject({ code: 'centre.not_found' });
  });
});

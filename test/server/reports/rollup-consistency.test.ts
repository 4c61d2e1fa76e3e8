import { describe, expect, it } from 'vitest';
import { callTicket, finishTicket, parkTicket, resumeTicket } from '../../../server/counters/calls.usecases.ts';
import { forceCloseCounter, openCounter } from '../../../server/counters/counters.usecases.ts';
import { rebuildRollups, reportsSubscriber } from '../../../server/reports/rollups.usecases.ts';
import { summarizeTimes, type DailyRollupRow } from '../../../server/reports/time-summary.models.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { ADMIN, HCM, HUNG, LAN } from '../../fixtures/centres.ts';
import { local, MONDAY, playScenario, SCENARIO_FIGURES, TUESDAY } from '../../fixtures/report-scenario.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

const hcmScenario = { centreId: HCM, s1: 'ho-tich', s2: 'dat-dai', counterA: 'quay-1', counterB: 'quay-2', officerA: LAN, officerB: HUNG };

async function played(): Promise<TestDeps & { tickets: Record<string, string> }> {
  const deps = await makeDeps({ at: local(MONDAY, '07:00') });
  deps.subscribers = [reportsSubscriber];
  const { ids } = await playScenario(deps, hcmScenario);
  return Object.assign(deps, { tickets: ids });
}

const sorted = (rows: DailyRollupRow[]) =>
  [...rows].sort((a, b) =>
    `${a.businessDay}${a.serviceId}${a.counterId}${a.staffId}`.localeCompare(`${b.businessDay}${b.serviceId}${b.counterId}${b.staffId}`),
  );

describe('rollups kept by every ticket change', () => {
  it('give the hand-computed Monday', async () => {
    const deps = await played();
    const rows = await deps.store.readDailyRollups(HCM, MONDAY, MONDAY);
    const byService = summarizeTimes(rows, 'service');
    expect(byService.totals).toMatchObject(SCENARIO_FIGURES.monday);
    const s1 = byService.groups.find((g) => g.key === 'ho-tich')!;
    const f = SCENARIO_FIGURES.s1;
    expect(s1).toMatchObject({ issued: f.issued, served: f.served, noShow: f.noShow, transferred: f.transferred, expired: f.expired });
    expect(s1.wait).toMatchObject({ count: 3, p50Minutes: f.waitP50, p90Minutes: f.waitP90, maxMinutes: f.waitMax, meanMinutes: 18.3 });
    expect(s1.service).toMatchObject({ count: 3, p50Minutes: f.serviceP50, p90Minutes: f.serviceP90, maxMinutes: f.serviceMax, meanMinutes: 7.3 });
    const s2 = byService.groups.find((g) => g.key === 'dat-dai')!;
    expect(s2).toMatchObject({ issued: 2, served: 0, transferred: 1, expired: 1 });
    expect(s2.wait.p50Minutes).toBe(16);

    const byCounter = summarizeTimes(rows, 'counter').groups;
    const a = byCounter.find((g) => g.key === 'quay-1')!;
    const b = byCounter.find((g) => g.key === 'quay-2')!;
    expect([a.served, a.noShow, a.transferred, a.wait.count, a.wait.p50Minutes, a.service.maxMinutes]).toEqual([2, 1, 0, 2, 19, 10]);
    expect([b.served, b.noShow, b.transferred, b.wait.count, b.wait.p50Minutes, b.service.maxMinutes]).toEqual([1, 0, 1, 2, 16, 4]);

    const hours = await deps.store.readHourlyRollups(HCM, MONDAY, TUESDAY);
    const count = (day: string, hour: number) => hours.filter((h) => h.businessDay === day && h.hour === hour).reduce((n, h) => n + h.issued, 0);
    expect([count(MONDAY, 8), count(MONDAY, 9), count(MONDAY, 23), count(TUESDAY, 0), count(MONDAY, 0)]).toEqual([4, 2, 1, 1, 0]);
  });

  it('equal a rebuild from the stored tickets, including a force-close requeue and a parked ticket', async () => {
    const deps = await played();
    // Tuesday morning: a call at counter 2 that an admin force-closes (the ticket goes back to the
    // queue with its first call kept), then counter 1 serves it; and a ticket parked and resumed.
    deps.clock.set(local(TUESDAY, '08:00'));
    const x = (await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.id;
    const y = (await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' })).ticket.id;
    deps.clock.set(local(TUESDAY, '08:07'));
    await openCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG }).catch(() => undefined);
    await callTicket(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG, ticketId: x });
    deps.clock.set(local(TUESDAY, '08:09'));
    await forceCloseCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: ADMIN });
    deps.clock.set(local(TUESDAY, '08:15'));
    await callTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN, ticketId: x });
    deps.clock.set(local(TUESDAY, '08:20'));
    await finishTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    await callTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN, ticketId: y });
    deps.clock.set(local(TUESDAY, '08:22'));
    await parkTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    deps.clock.set(local(TUESDAY, '08:40'));
    await resumeTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN, ticketId: y });
    deps.clock.set(local(TUESDAY, '08:50'));
    await finishTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });

    const live = await deps.store.readDailyRollups(HCM, MONDAY, TUESDAY);
    const liveHours = await deps.store.readHourlyRollups(HCM, MONDAY, TUESDAY);
    // The forced-back ticket's wait ends at its first call, at counter 2.
    const tuesday = summarizeTimes(
      live.filter((r) => r.businessDay === TUESDAY),
      'counter',
    ).groups;
    expect(tuesday.find((g) => g.key === 'quay-2')?.wait).toMatchObject({ count: 1, p50Minutes: 7 });

    await rebuildRollups(deps.store, deps.clock, HCM);
    expect(sorted(await deps.store.readDailyRollups(HCM, MONDAY, TUESDAY))).toEqual(sorted(live));
    const byKey = (h: { businessDay: string; serviceId: string; hour: number }) => `${h.businessDay}${h.serviceId}${h.hour}`;
    expect((await deps.store.readHourlyRollups(HCM, MONDAY, TUESDAY)).sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(
      liveHours.sort((a, b) => byKey(a).localeCompare(byKey(b))),
    );
    expect(await deps.store.rollupsBuiltAt(HCM)).not.toBeNull();
  });
});

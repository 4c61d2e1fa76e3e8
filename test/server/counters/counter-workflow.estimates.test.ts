import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext, finishTicket, markNoShow, startServing } from '../../../server/counters/calls.usecases.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { pauseCounter } from '../../../server/counters/counters.usecases.ts';
import { RECENT_SERVICES } from '../../../server/tickets/queue-figures.ts';
import { getTicketStatus, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { ADMIN, HCM, HUNG, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, open, setSettings } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const MIN = 60_000;
const issue = (serviceId = 'ho-tich') => issueTicket(deps, { centreId: HCM, serviceId });
const estimates = async () => (await getSnapshot(deps, HCM)).estimates;

/** Serves one ticket at quay-1: called, `serveMin` minutes later started, `workMin` later finished. */
async function serveOne(workMin: number, serveMin = 0) {
  await callNext(deps, at('quay-1'));
  deps.clock.advance(serveMin * MIN);
  if (serveMin > 0) await startServing(deps, at('quay-1'));
  deps.clock.advance(workMin * MIN);
  await finishTicket(deps, at('quay-1'));
}

describe('wait estimates', () => {
  it('none without an open counter for the service: null at the kiosk, on the ticket and in facts', async () => {
    const t = await issue();
    expect(t.estimatedWaitMinutes).toBeNull();
    expect(await estimates()).toEqual({ 'ho-tich': null, 'dat-dai': null, tiny: null, closed: null });
    expect(deps.notifier.ofType('ticket:issued')[0]!.payload.estimates['ho-tich']).toBeNull();
    // A paused counter is not open either.
    await open(deps, ['quay-1', LAN]);
    await pauseCounter(deps, at('quay-1'));
    expect((await getTicketStatus(deps, t.ticket.id)).estimatedWaitMinutes).toBeNull();
  });

  it('uses the centre’s default service time until there is history', async () => {
    await setSettings(deps, { defaultServiceMinutes: 5 });
    await open(deps, ['quay-1', LAN]);
    await issue();
    await issue();
    await issue();
    // 3 waiting × 5 min ÷ 1 counter; the third ticket has 2 ahead: 10 min.
    expect((await estimates())['ho-tich']).toBe(15);
    expect((await issue()).estimatedWaitMinutes).toBe(15);
  });

  it('with history: ceil(people ahead × mean service time ÷ open counters serving the service)', async () => {
    await open(deps, ['quay-1', LAN]);
    for (let i = 0; i < 8; i++) await issue();
    await serveOne(4); // from call to finish: 4 min
    await serveOne(7, 2); // from start to finish: 7 min (the 2 min before start do not count)
    // mean 5.5 min; 6 waiting; quay-1 alone: ceil(6 × 5.5) = 33.
    expect((await estimates())['ho-tich']).toBe(33);
    await open(deps, ['quay-4', HUNG], ['quay-2', ADMIN]);
    // quay-1, quay-2 and quay-4 all serve ho-tich: ceil(6 × 5.5 ÷ 3) = 11.
    expect((await estimates())['ho-tich']).toBe(11);
    // quay-2 also serves dat-dai (nobody waiting: 0); a dat-dai ticket has nobody ahead.
    expect((await estimates())['dat-dai']).toBe(0);
    const seventh = (await deps.store.listTickets(HCM, '2026-03-16', ['waiting']))[3]!;
    // 3 ahead × 5.5 ÷ 3 = 5.5 → 6.
    expect((await getTicketStatus(deps, seventh.id)).estimatedWaitMinutes).toBe(6);
  });

  it(`averages the latest ${RECENT_SERVICES} finished services only, and clamps the mean to [1, 60] minutes`, async () => {
    await open(deps, ['quay-1', LAN]);
    for (let i = 0; i < RECENT_SERVICES + 2; i++) await issue();
    await serveOne(200); // forgotten finish, then pushed out of the window
    await serveOne(200);
    // Mean 200 min, clamped to 60: 20 waiting × 60.
    expect((await estimates())['ho-tich']).toBe(20 * 60);
    for (let i = 0; i < RECENT_SERVICES - 1; i++) await serveOne(3);
    await issue();
    // 2 waiting; the window still holds one 200-min service: mean (19×3 + 200) ÷ 20 = 12.85 → ceil(2 × 12.85) = 26.
    expect((await estimates())['ho-tich']).toBe(26);
    await serveOne(3);
    // Now 20 × 3 min: 1 waiting × 3.
    expect((await estimates())['ho-tich']).toBe(3);
  });

  it('a no-show or a transfer is not a service: only finished ones feed the mean', async () => {
    await open(deps, ['quay-1', LAN]);
    await issue();
    await issue();
    await issue();
    await callNext(deps, at('quay-1'));
    deps.clock.advance(50 * MIN);
    await markNoShow(deps, at('quay-1'));
    // 2 waiting × the default 8 (no finished service yet).
    expect((await estimates())['ho-tich']).toBe(16);
  });
});

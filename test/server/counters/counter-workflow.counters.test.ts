import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CounterViewSchema } from '../../../protocol/index.ts';
import { callNext, finishTicket, startServing } from '../../../server/counters/calls.usecases.ts';
import { closeCounter, forceCloseCounter, openCounter, pauseCounter, resumeCounter } from '../../../server/counters/counters.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { ADMIN, HCM, hcmCentre, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, expectRejected, fullState, open } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const issue = (serviceId = 'ho-tich') => issueTicket(deps, { centreId: HCM, serviceId });
const refused = (run: () => Promise<unknown>, code: Parameters<typeof expectRejected>[2]) => expectRejected(deps, run, code, { days: [TODAY] });
const quay = (n: number) => hcmCentre.counters.find((c) => c.id === `quay-${n}`)!;
const OPENED_AT = '2026-03-16T02:00:00.000Z';

describe('open', () => {
  it('a closed counter: the officer holds it; the view and a counter:updated fact say so', async () => {
    const view = await openCounter(deps, at('quay-1'));
    expect(view).toEqual({ counter: quay(1), state: { status: 'open', staffId: 'lan', openedAt: OPENED_AT }, current: null, officerName: 'Nguyễn Thị Lan' });
    expect(CounterViewSchema.parse(view)).toEqual(view);
    expect(await deps.store.getCounterState(HCM, 'quay-1')).toEqual(view.state);
    expect(await deps.store.counterHeldBy(HCM, 'lan')).toBe('quay-1');
    expect(deps.notifier.facts).toEqual([
      {
        type: 'counter:updated',
        centreId: HCM,
        payload: {
          seq: 1,
          view,
          waiting: {},
          // quay-1 serves ho-tich: nobody ahead, so 0; the others have no open counter.
          estimates: { 'ho-tich': 0, 'dat-dai': null, tiny: null, closed: null },
        },
      },
    ]);
  });

  it('again by the same officer (a reloaded console): the same state, republished', async () => {
    await openCounter(deps, at('quay-1'));
    deps.clock.advance(60_000);
    const again = await openCounter(deps, at('quay-1'));
    expect(again.state).toEqual({ status: 'open', staffId: 'lan', openedAt: OPENED_AT });
    expect(deps.notifier.ofType('counter:updated').map((f) => f.payload.seq)).toEqual([1, 2]);
  });

  it('held by someone else: counter.busy, and nothing changes', async () => {
    await openCounter(deps, at('quay-1'));
    await refused(() => openCounter(deps, at('quay-1', HUNG)), 'counter.busy');
    await pauseCounter(deps, at('quay-1'));
    await refused(() => openCounter(deps, at('quay-1', HUNG)), 'counter.busy');
    await refused(() => openCounter(deps, at('quay-1', ADMIN)), 'counter.busy');
  });

  it('one officer, one counter: opening a second one is staff.holds_other_counter, also while on a break', async () => {
    await openCounter(deps, at('quay-1'));
    await refused(() => openCounter(deps, at('quay-4')), 'staff.holds_other_counter');
    await pauseCounter(deps, at('quay-1'));
    await refused(() => openCounter(deps, at('quay-4')), 'staff.holds_other_counter');
    // Once closed, the officer may move.
    await resumeCounter(deps, at('quay-1'));
    await closeCounter(deps, at('quay-1'));
    expect((await openCounter(deps, at('quay-4'))).state.staffId).toBe('lan');
  });

  it('two officers racing for one counter: exactly one holds it', async () => {
    const results = await Promise.allSettled([openCounter(deps, at('quay-1')), openCounter(deps, at('quay-1', HUNG))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'counter.busy' } });
    expect(deps.notifier.facts).toHaveLength(1);
  });

  it('one officer racing for two counters: holds exactly one', async () => {
    const results = await Promise.allSettled([openCounter(deps, at('quay-1')), openCounter(deps, at('quay-4'))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'staff.holds_other_counter' } });
  });

  it('unknown or inactive counters cannot be opened', async () => {
    await refused(() => openCounter(deps, at('quay-77')), 'counter.not_found');
    await refused(() => openCounter(deps, at('quay-9')), 'counter.inactive');
  });
});

describe('close', () => {
  beforeEach(() => open(deps, ['quay-1', LAN]));

  it('by the holder with nothing attended: closed, free for anyone', async () => {
    const view = await closeCounter(deps, at('quay-1'));
    expect(view.state).toEqual({ status: 'closed', staffId: null, openedAt: null });
    expect(await deps.store.counterHeldBy(HCM, 'lan')).toBeNull();
    expect((await openCounter(deps, at('quay-1', HUNG))).state.staffId).toBe('hung');
  });

  it('while a ticket is called or served: counter.has_current_ticket', async () => {
    await issue();
    await callNext(deps, at('quay-1'));
    await refused(() => closeCounter(deps, at('quay-1')), 'counter.has_current_ticket');
    await startServing(deps, at('quay-1'));
    await refused(() => closeCounter(deps, at('quay-1')), 'counter.has_current_ticket');
    await finishTicket(deps, at('quay-1'));
    expect((await closeCounter(deps, at('quay-1'))).state.status).toBe('closed');
  });

  it('by another officer: counter.not_held; a closed counter: counter.closed', async () => {
    await refused(() => closeCounter(deps, at('quay-1', HUNG)), 'counter.not_held');
    await refused(() => closeCounter(deps, at('quay-4')), 'counter.closed');
  });

  it('a paused counter may be closed by its holder', async () => {
    await pauseCounter(deps, at('quay-1'));
    expect((await closeCounter(deps, at('quay-1'))).state.status).toBe('closed');
  });
});

describe('pause and resume', () => {
  beforeEach(() => open(deps, ['quay-1', LAN]));

  it('a break: the counter calls nobody, is not counted for estimates, and resumes as it was', async () => {
    await issue();
    const paused = await pauseCounter(deps, at('quay-1'));
    expect(paused.state).toEqual({ status: 'paused', staffId: 'lan', openedAt: OPENED_AT });
    expect(deps.notifier.ofType('counter:updated').at(-1)!.payload.estimates['ho-tich']).toBeNull();
    await refused(() => callNext(deps, at('quay-1')), 'counter.paused');
    const resumed = await resumeCounter(deps, at('quay-1'));
    expect(resumed.state).toEqual({ status: 'open', staffId: 'lan', openedAt: OPENED_AT });
    expect(deps.notifier.ofType('counter:updated').at(-1)!.payload.estimates['ho-tich']).toBe(8);
    expect((await callNext(deps, at('quay-1'))).ticket.number).toBe('A001');
  });

  it('no break while attending a ticket', async () => {
    await issue();
    await callNext(deps, at('quay-1'));
    await refused(() => pauseCounter(deps, at('quay-1')), 'counter.has_current_ticket');
  });

  it('resume when not on a break, or by someone else, or on a closed counter is refused', async () => {
    await refused(() => resumeCounter(deps, at('quay-1')), 'counter.not_paused');
    await pauseCounter(deps, at('quay-1'));
    await refused(() => resumeCounter(deps, at('quay-1', HUNG)), 'counter.not_held');
    await refused(() => pauseCounter(deps, at('quay-1', HUNG)), 'counter.not_held');
    await refused(() => resumeCounter(deps, at('quay-4')), 'counter.closed');
  });
});

describe('force-close (admin)', () => {
  beforeEach(() => open(deps, ['quay-1', LAN]));

  it('frees the counter whoever holds it', async () => {
    const view = await forceCloseCounter(deps, at('quay-1', ADMIN));
    expect(view).toEqual({ counter: quay(1), state: { status: 'closed', staffId: null, openedAt: null }, current: null });
    expect(await deps.store.counterHeldBy(HCM, 'lan')).toBeNull();
    expect((await openCounter(deps, at('quay-1', HUNG))).state.staffId).toBe('hung');
  });

  it.each(['called', 'serving'] as const)('a %s ticket goes back to its queue with its place, ahead of later tickets', async (state) => {
    const first = (await issue()).ticket;
    deps.clock.advance(60_000);
    const later = (await issue()).ticket;
    await callNext(deps, at('quay-1'));
    if (state === 'serving') await startServing(deps, at('quay-1'));
    deps.clock.advance(60_000);
    deps.notifier.clear();

    await forceCloseCounter(deps, at('quay-1', ADMIN));
    const back = (await deps.store.getTicket(first.id))!;
    expect(back).toEqual({ ...first, state: 'waiting' });
    expect(await deps.store.currentTicketAt(HCM, 'quay-1')).toBeNull();
    // The requeue is audited with the admin as actor, then the counter fact follows.
    expect((await deps.store.listTicketEvents(first.id)).at(-1)).toMatchObject({
      fromState: state,
      toState: 'waiting',
      actorId: 'admin',
      counterId: 'quay-1',
      detail: { forceClosedBy: 'admin' },
    });
    expect(deps.notifier.facts.map((f) => [f.type, f.payload.seq])).toEqual([
      ['ticket:updated', expect.any(Number)],
      ['counter:updated', expect.any(Number)],
    ]);
    const [requeued, closed] = deps.notifier.facts;
    expect(closed!.payload.seq).toBe(requeued!.payload.seq + 1);

    // Whoever calls next gets the requeued ticket first.
    await openCounter(deps, at('quay-4', HUNG));
    expect((await callNext(deps, at('quay-4', HUNG))).ticket.id).toBe(first.id);
    expect((await deps.store.getTicket(later.id))!.state).toBe('waiting');
  });

  it('of a closed counter changes nothing but republishes its state', async () => {
    const before = await fullState(deps.store, HCM, [TODAY]);
    await forceCloseCounter(deps, at('quay-4', ADMIN));
    const after = await fullState(deps.store, HCM, [TODAY]);
    expect({ ...after, seq: before.seq }).toEqual(before);
  });
});

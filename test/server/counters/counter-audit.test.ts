import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCounter, forceCloseCounter, openCounter, pauseCounter, resumeCounter } from '../../../server/counters/counters.usecases.ts';
import { ADMIN, HCM, HUNG } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

describe('counter audit trail', () => {
  it('records who opened, paused, resumed, closed and force-closed a counter, with the published seq', async () => {
    await openCounter(deps, at('quay-1'));
    deps.clock.advance(60_000);
    await pauseCounter(deps, at('quay-1'));
    await resumeCounter(deps, at('quay-1'));
    await closeCounter(deps, at('quay-1'));
    await openCounter(deps, at('quay-1', HUNG));
    await forceCloseCounter(deps, at('quay-1', ADMIN));

    const trail = await deps.store.listCounterEvents(HCM, 'quay-1');
    expect(trail.map((e) => [e.actorId, e.fromStatus, e.toStatus, e.staffId])).toEqual([
      ['lan', 'closed', 'open', 'lan'],
      ['lan', 'open', 'paused', 'lan'],
      ['lan', 'paused', 'open', 'lan'],
      ['lan', 'open', 'closed', null],
      ['hung', 'closed', 'open', 'hung'],
      ['admin', 'open', 'closed', null],
    ]);
    expect(trail[1]!.at).toBe(new Date(Date.parse(trail[0]!.at) + 60_000).toISOString());
    const published = deps.notifier.ofType('counter:updated').map((f) => f.payload.seq);
    expect(trail.map((e) => e.seq)).toEqual(published);
  });

  it('a refused command leaves no trail', async () => {
    await openCounter(deps, at('quay-1'));
    await expect(openCounter(deps, at('quay-1', HUNG))).rejects.toMatchObject({ code: 'counter.busy' });
    expect(await deps.store.listCounterEvents(HCM, 'quay-1')).toHaveLength(1);
  });
});

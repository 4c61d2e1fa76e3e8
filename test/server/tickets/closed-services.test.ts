import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type CentreSettings } from '../../../protocol/index.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

/**
 * A walk-in for a service no open counter serves (issue #15): issued by default (the kiosk says
 * so before), refused with 409 service.not_served when the centre chose `refuse`, decided inside
 * the lock on the counters of that moment. Runs on SQLite and, in the `pg` project, PostgreSQL.
 */
let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

async function settings(change: Partial<CentreSettings>) {
  await deps.store.runInTx({ centreId: HCM }, async (tx) => tx.saveSettings(HCM, { ...defaultSettings(), ...change }));
}

describe('kioskClosedServices', () => {
  it('warn (the default): the ticket is issued, with no estimate', async () => {
    const issued = await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    expect(issued.estimatedWaitMinutes).toBeNull();
    expect((await getSnapshot(deps, HCM)).kioskClosedServices).toBe('warn');
  });

  it('refuse: no ticket and no number taken until a counter serving it opens', async () => {
    await settings({ kioskClosedServices: 'refuse' });
    expect((await getSnapshot(deps, HCM)).kioskClosedServices).toBe('refuse');
    await expect(issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' })).rejects.toMatchObject({ code: 'service.not_served' });
    expect((await getSnapshot(deps, HCM)).waiting['dat-dai'] ?? 0).toBe(0);

    // quay-2 serves dat-dai (and ho-tich): open it, and the first number is still the first.
    await openCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: LAN });
    const issued = await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
    expect(issued.ticket.number).toBe('2001');
    // A service other counters serve is unaffected by which one is open.
    expect((await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.state).toBe('waiting');
  });
});

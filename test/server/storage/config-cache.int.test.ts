import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../protocol/index.ts';
import { callNext } from '../../../server/counters/calls.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, hcmCentre, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { spawnChild, tsxNodeArgs } from '../../helpers/child.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/**
 * The configuration cache (issue #11) when two processes share one store: process A keeps the
 * centre's configuration in memory; process B (a real child process) changes it; A's very next
 * issue or call sees the change, because every change bumps the centre's config_version in its
 * own transaction and A reads that version inside its own.
 */
let dir: ReturnType<typeof tempDir>;
let dbFile: string;
let a: TestDeps;
beforeEach(async () => {
  dir = tempDir('luot-config-cache');
  dbFile = join(dir.path, 'luot.sqlite');
  const setup = await createSqliteStore({ filename: dbFile });
  await installCentre(setup, hcmCentre);
  await setup.close();
  a = await makeDeps({ filename: dbFile, centres: [] });
});
afterEach(async () => {
  await a.store.close();
  dir.remove();
});

async function inProcessB(change: string): Promise<void> {
  const child = spawnChild(process.execPath, tsxNodeArgs('test/fixtures/change-config.child.ts', dbFile, HCM, change));
  const exit = await child.exited;
  expect({ code: exit.code, stderr: child.stderr() }).toEqual({ code: 0, stderr: '' });
}

const issue = (extra: { priorityGroupId?: string } = {}) => issueTicket(a, { centreId: HCM, serviceId: 'ho-tich', ...extra });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('configuration cached in one process, changed by another', () => {
  it('a new numbering by B is used by A’s next ticket', async () => {
    expect((await issue()).ticket.number).toBe('A001');
    await inProcessB('renumber');
    expect((await issue()).ticket.number).toBe('Q002');
  });

  it('a service B stops is refused by A’s next issue', async () => {
    await issue();
    await inProcessB('deactivate');
    expect(await refusal(issue())).toBe('service.inactive');
  });

  it('priority groups B turns off are refused by A', async () => {
    await issue({ priorityGroupId: 'nguoi-cao-tuoi' });
    await inProcessB('close-priority');
    expect(await refusal(issue({ priorityGroupId: 'nguoi-cao-tuoi' }))).toBe('priority_group.not_found');
  });

  it('a counter B closes cannot call in A', async () => {
    await openCounter(a, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    await issue();
    await issue();
    await callNext(a, { centreId: HCM, counterId: 'quay-1', actor: LAN }).catch(() => undefined);
    await inProcessB('close-counter');
    expect(await refusal(callNext(a, { centreId: HCM, counterId: 'quay-1', actor: LAN }))).toBe('counter.closed');
  });
});

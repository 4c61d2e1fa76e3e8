import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNext } from '../../../server/counters/calls.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, hcmCentre, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeTicket } from '../../fixtures/tickets.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { rawQuery, readRawDb } from '../../helpers/raw-db.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let file: string;
let deps: TestDeps;
beforeEach(async () => {
  dir = tempDir('luot-store');
  file = join(dir.path, 'nested', 'luot.sqlite');
  deps = await makeDeps({ filename: file });
});
afterEach(async () => {
  await deps.store.close();
  dir.remove();
});

describe('the SQLite file', () => {
  it('is created with its folder, in WAL mode, with the schema migrated once', async () => {
    expect(rawQuery<{ journal_mode: string }>(file, 'PRAGMA journal_mode')[0]!.journal_mode).toBe('wal');
    const migrated = () => rawQuery<{ name: string }>(file, 'SELECT name FROM kysely_migration ORDER BY name').map((r) => r.name);
    const names = migrated();
    expect(names.slice(0, 2)).toEqual(['0001_init', '0002_counter_workflow']);
    expect(new Set(names).size).toBe(names.length);
    // Reopening runs no migration twice and keeps the data.
    await deps.store.close();
    deps.store = await createSqliteStore({ filename: file });
    expect(migrated()).toEqual(names);
    expect((await deps.store.getCentre(HCM))?.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('stores instants as epoch milliseconds and flags as 0/1 (portable to PostgreSQL)', async () => {
    const { ticket } = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    const raw = readRawDb(file);
    expect(raw.tickets).toEqual([
      {
        id: ticket.id,
        centre_id: HCM,
        service_id: 'ho-tich',
        business_day: TODAY,
        seq: 1,
        number: 'A001',
        state: 'waiting',
        issued_at: Date.parse('2026-03-16T02:00:00.000Z'),
        called_at: null,
        serving_at: null,
        finished_at: null,
        counter_id: null,
        staff_id: null,
        queue_service_id: 'ho-tich',
        priority_group_id: null,
        recall_count: 0,
        target_counter_id: null,
        // The reports' columns (migration 0006): set at the first call and on transfers.
        first_called_at: null,
        first_counter_id: null,
        first_staff_id: null,
        first_service_id: null,
        transfer_count: 0,
        // Migration 0007: the queue heads' index key, 1 when priority_group_id is set.
        is_priority: 0,
        // Migrations 0012 and 0013 (issue #14): a result-return ticket's dossier, a checked-in appointment.
        dossier_code: null,
        dossier_unverified: 0,
        appointment_id: null,
        appointment_at: null,
      },
    ]);
    expect(raw.services.find((s) => s.id === 'closed')).toMatchObject({ active: 0, numbering: '{"mode":"prefix","prefix":"Z","digits":3}' });
    expect(raw.number_sequences).toEqual([{ centre_id: HCM, service_id: 'ho-tich', business_day: TODAY, last_seq: 1 }]);
  });

  it('keeps counters’ service order as positions and replaces it on upsert', async () => {
    expect(rawQuery(file, "SELECT service_id, position, weight FROM counter_services WHERE counter_id = 'quay-2' ORDER BY position")).toEqual([
      { service_id: 'dat-dai', position: 0, weight: 1 },
      { service_id: 'ho-tich', position: 1, weight: 1 },
    ]);
    const quay2 = hcmCentre.counters.find((c) => c.id === 'quay-2')!;
    const weighted = { ...quay2, serviceIds: ['ho-tich', 'tiny', 'dat-dai'], callOrder: 'weighted' as const, weights: { 'ho-tich': 3 } };
    await installCentre(deps.store, { ...hcmCentre, counters: [weighted] });
    expect(await deps.store.getCounter(HCM, 'quay-2')).toEqual(weighted);
    expect(rawQuery(file, "SELECT weight FROM counter_services WHERE counter_id = 'quay-2' ORDER BY position")).toEqual([
      { weight: 3 },
      { weight: 1 },
      { weight: 1 },
    ]);
  });

  it('keeps who holds a counter across a re-install of the centre’s configuration', async () => {
    await openCounter(deps, { centreId: HCM, counterId: 'quay-2', actor: LAN });
    await installCentre(deps.store, hcmCentre);
    expect(await deps.store.getCounterState(HCM, 'quay-2')).toMatchObject({ status: 'open', staffId: 'lan' });
    expect(await deps.store.counterHeldBy(HCM, 'lan')).toBe('quay-2');
  });
});

describe('runInTx()', () => {
  it('rolls back every write when the function throws', async () => {
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    const before = readRawDb(file);
    const failure = deps.store.runInTx({ centreId: HCM }, async (tx) => {
      await tx.takeNumber(HCM, 'ho-tich', TODAY);
      await tx.insertTicket(makeTicket({ id: 'ghost', centreId: HCM, businessDay: TODAY, seq: 2, number: 'A002' }));
      await tx.bumpSeq(HCM);
      throw new Error('power cut');
    });
    await expect(failure).rejects.toThrow('power cut');
    expect(readRawDb(file)).toEqual(before);
    // The store still works afterwards (the connection is not left inside a transaction).
    expect((await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.number).toBe('A002');
  });

  it('runs after-commit work once the transaction commits, in order, and drops it when the transaction rolls back', async () => {
    const seen: string[] = [];
    const committed = await deps.store.runInTx({ centreId: HCM }, async (tx) => {
      tx.afterCommit(() => seen.push(`first (${rawQuery<{ n: number }>(file, 'SELECT count(*) AS n FROM tickets')[0]!.n} on disk)`));
      await tx.insertTicket(makeTicket({ id: 'kept', centreId: HCM, businessDay: TODAY, seq: 1, number: 'A001' }));
      tx.afterCommit(() => seen.push('second'));
      seen.push('inside');
      return 'done';
    });
    // Another connection sees the row when the work runs: it ran after COMMIT, not before.
    expect({ committed, seen }).toEqual({ committed: 'done', seen: ['inside', 'first (1 on disk)', 'second'] });

    seen.length = 0;
    await expect(
      deps.store.runInTx({ centreId: HCM }, async (tx) => {
        tx.afterCommit(() => seen.push('never'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual([]);
  });

  it('a failing piece of after-commit work neither undoes the commit nor stops the rest', async () => {
    const reported: unknown[] = [];
    const store = await createSqliteStore({ filename: join(dir.path, 'other.sqlite'), onAfterCommitError: (e) => reported.push(e) });
    try {
      await installCentre(store, hcmCentre);
      const seen: string[] = [];
      const result = await store.runInTx({ centreId: HCM }, async (tx) => {
        tx.afterCommit(() => {
          throw new Error('bridge gone');
        });
        tx.afterCommit(() => seen.push('still told'));
        return tx.takeNumber(HCM, 'ho-tich', TODAY);
      });
      expect({ result, seen, reported: reported.map(String) }).toEqual({ result: 1, seen: ['still told'], reported: ['Error: bridge gone'] });
      expect(await store.runInTx({ centreId: HCM }, (tx) => tx.takeNumber(HCM, 'ho-tich', TODAY))).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('a refused exhausted-band issue leaves number_sequences on disk unchanged', async () => {
    await issueTicket(deps, { centreId: HCM, serviceId: 'tiny' });
    await issueTicket(deps, { centreId: HCM, serviceId: 'tiny' });
    const before = readRawDb(file);
    await expect(issueTicket(deps, { centreId: HCM, serviceId: 'tiny' })).rejects.toMatchObject({ code: 'service.numbers_exhausted' });
    const after = readRawDb(file);
    expect(after).toEqual(before);
    expect(after.number_sequences.find((r) => r.service_id === 'tiny')).toMatchObject({ last_seq: 2 });
  });

  it('a refused call leaves the tables unchanged', async () => {
    await openCounter(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    await openCounter(deps, { centreId: HCM, counterId: 'quay-4', actor: HUNG });
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    await callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    const before = readRawDb(file);
    await expect(callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN })).rejects.toMatchObject({ code: 'counter.has_current_ticket' });
    await expect(callNext(deps, { centreId: HCM, counterId: 'quay-4', actor: HUNG })).rejects.toMatchObject({ code: 'queue.empty' });
    await expect(callNext(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG })).rejects.toMatchObject({ code: 'counter.closed' });
    expect(readRawDb(file)).toEqual(before);
  });

  it('refuses a second ticket with the same number on the same day (unique constraint)', async () => {
    await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    const duplicate = deps.store.runInTx({ centreId: HCM }, (tx) =>
      tx.insertTicket(makeTicket({ id: 'dup', centreId: HCM, businessDay: TODAY, seq: 1, number: 'A001' })),
    );
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    expect(rawQuery(file, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 1 }]);
  });

  it('updateTicket writes only when the stored state is the expected one', async () => {
    const { ticket } = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    const called = { ...ticket, state: 'called' as const, calledAt: '2026-03-16T02:05:00.000Z', counterId: 'quay-1' };
    expect(await deps.store.runInTx({ centreId: HCM }, (tx) => tx.updateTicket(called, 'serving'))).toBe(false);
    expect((await deps.store.getTicket(ticket.id))!.state).toBe('waiting');
    expect(await deps.store.runInTx({ centreId: HCM }, (tx) => tx.updateTicket(called, 'waiting'))).toBe(true);
    expect(await deps.store.getTicket(ticket.id)).toEqual(called);
  });
});

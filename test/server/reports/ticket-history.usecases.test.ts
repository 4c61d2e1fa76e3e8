/**
 * getTicketHistory over the store (SQLite here, PostgreSQL in the `pg` project): a ticket played
 * through the real use cases, its print jobs and rating as the printing and rating modules
 * store them, read back as one history; another centre's ticket is not found.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../protocol/index.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import { callNext, callTicket, recallTicket, transferTicket } from '../../../server/counters/calls.usecases.ts';
import { finishTicket, startServing } from '../../../server/counters/calls.usecases.ts';
import type { StaffActor } from '../../../server/kernel/ports.ts';
import { HISTORY_BATCH } from '../../../server/reports/ticket-history.port.ts';
import { centreHistoryLookup, getTicketHistory, histories } from '../../../server/reports/ticket-history.usecases.ts';
import { grantPriority, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, HN, HUNG, LAN, hcmCentre, hnCentre } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

const at = (counterId: string, actor: StaffActor = LAN) => ({ centreId: HCM, counterId, actor });

async function played(deps: TestDeps) {
  await deps.store.runInTx({ centreId: HCM }, (tx) => tx.upsertStaff({ id: 'lan', centreId: HCM, name: 'Nguyễn Thị Lan' }));
  await deps.store.setAccount(HCM, 'lan', { username: 'lan.nt', passwordHash: 'x', role: 'staff', active: true, mustChangePassword: false });
  await openCounter(deps, at('quay-1'));
  await openCounter(deps, at('quay-2', HUNG));
  const issued = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich', kioskId: null });
  const id = issued.ticket.id;
  const t0 = deps.clock.now().getTime();
  await deps.store.runInTx({ centreId: HCM }, async (tx) => {
    await tx.insertPrintJob({
      id: 'job-1',
      centreId: HCM,
      ticketId: id,
      kioskId: null,
      bridgeId: 'b1',
      printerId: 'p1',
      status: 'pending',
      reprint: false,
      requestedBy: null,
      createdAtMs: t0,
      deadlineAtMs: t0 + 60_000,
    });
    expect(await tx.claimPrintJob('job-1', t0 + 61_000, t0 + 1_000)).toBe(true);
    expect(await tx.updatePrintJob('job-1', { status: 'printed', atMs: t0 + 3_000, attempt: true }, ['pending', 'sent'])).toBe(true);
  });
  deps.clock.advance(60_000);
  await grantPriority(deps, { centreId: HCM, ticketId: id, priorityGroupId: 'nguoi-cao-tuoi', reason: 'Cụ ông 82 tuổi', actor: LAN });
  deps.clock.advance(60_000);
  await callNext(deps, at('quay-1'));
  deps.clock.advance(30_000);
  await recallTicket(deps, at('quay-1'));
  deps.clock.advance(30_000);
  await startServing(deps, at('quay-1'));
  deps.clock.advance(120_000);
  await transferTicket(deps, { ...at('quay-1'), toServiceId: 'dat-dai', toCounterId: 'quay-2' });
  deps.clock.advance(60_000);
  await callTicket(deps, { ...at('quay-2', HUNG), ticketId: id });
  await startServing(deps, at('quay-2', HUNG));
  deps.clock.advance(300_000);
  await finishTicket(deps, at('quay-2', HUNG));
  const ratedAt = deps.clock.now().getTime() + 5_000;
  await deps.store.runInTx({ centreId: HCM }, (tx) =>
    tx.insertRating({
      id: 'rating-1',
      centreId: HCM,
      ticketId: id,
      counterId: 'quay-2',
      staffId: 'hung',
      serviceId: 'dat-dai',
      businessDay: issued.ticket.businessDay,
      level: 2,
      scale: 4,
      grade: 'satisfied',
      satisfied: true,
      source: 'screen',
      idempotencyKey: 'screen:history-1',
      pressedAtMs: ratedAt,
      createdAtMs: ratedAt,
    }),
  );
  return { id, t0, ratedAt };
}

describe('getTicketHistory', () => {
  it('reads a ticket that was issued, printed, granted priority, called, recalled, transferred, served and rated', async () => {
    const deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
    const { id, t0, ratedAt } = await played(deps);
    const h = await getTicketHistory(deps, HCM, id);
    expect(h.ticket).toMatchObject({
      id,
      state: 'done',
      issuedService: { id: 'ho-tich', name: { vi: 'Lĩnh vực ho-tich' } },
      service: { id: 'dat-dai' },
      priorityGroup: { id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi' } },
    });
    expect(h.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(h.entries.map((e) => e.kind)).toEqual([
      'issued',
      'print_created',
      'print_claimed',
      'print_printed',
      'priority_granted',
      'called',
      'recalled',
      'serving',
      'transferred',
      'called',
      'serving',
      'finished',
      'rated',
    ]);
    const [issued, , claimed, printed, grant, called, recalled, , transferred, calledAgain, , finished, rated] = h.entries;
    expect(issued).toMatchObject({ at: new Date(t0).toISOString(), fromState: null, toState: 'waiting', actor: { kind: 'kiosk', id: null } });
    expect(claimed!.at).toBe(new Date(t0 + 1_000).toISOString());
    expect(printed).toMatchObject({ at: new Date(t0 + 3_000).toISOString(), print: { jobId: 'job-1', status: 'printed', attempts: 1 } });
    expect(grant).toMatchObject({
      actor: { kind: 'staff', id: 'lan', name: 'Nguyễn Thị Lan', username: 'lan.nt' },
      priority: { group: { id: 'nguoi-cao-tuoi' }, previous: null, reason: 'Cụ ông 82 tuổi' },
    });
    expect(called).toMatchObject({ fromState: 'waiting', toState: 'called', counter: { id: 'quay-1', number: 1 }, actor: { id: 'lan' } });
    expect(recalled).toMatchObject({ recall: { count: 1 }, counter: { number: 1 } });
    expect(transferred).toMatchObject({
      fromState: 'serving',
      toState: 'waiting',
      transfer: { from: { id: 'ho-tich' }, to: { id: 'dat-dai' }, toCounter: { id: 'quay-2', number: 2 } },
    });
    expect(calledAgain).toMatchObject({ calledByNumber: true, counter: { number: 2 }, actor: { id: 'hung', name: 'Trần Văn Hùng' } });
    expect(finished).toMatchObject({ fromState: 'serving', toState: 'done', service: { id: 'dat-dai' } });
    expect(rated).toMatchObject({ at: new Date(ratedAt).toISOString(), rating: { level: 2, grade: 'satisfied', source: 'screen' }, counter: { number: 2 } });
    // Time order throughout.
    const times = h.entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('is ticket.not_found for an unknown ticket and for a ticket of another centre', async () => {
    const deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
    const other = await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' });
    for (const [centreId, ticketId] of [
      [HCM, 'no-such-ticket'],
      [HCM, other.ticket.id],
    ]) {
      const error = await getTicketHistory(deps, centreId!, ticketId!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('ticket.not_found');
    }
    // …and the centre that owns it reads it.
    expect((await getTicketHistory(deps, HN, other.ticket.id)).entries.map((e) => e.kind)).toEqual(['issued']);
  });

  it('reads many tickets a batch at a time, each with its own rows only', async () => {
    const deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' })).ticket.id);
    await openCounter(deps, at('quay-1'));
    await callNext(deps, at('quay-1'));
    const names = await centreHistoryLookup(deps, HCM);
    const seen: [string, string[]][] = [];
    // The other centre's ticket id among them reads as an empty history, not its rows.
    const foreign = (await issueTicket(deps, { centreId: HN, serviceId: 'ho-tich' })).ticket.id;
    for await (const [id, entries] of histories(deps, HCM, [...ids, foreign], names)) seen.push([id, entries.map((e) => e.kind)]);
    expect(seen).toEqual([
      [ids[0], ['issued', 'called']],
      [ids[1], ['issued']],
      [ids[2], ['issued']],
      [foreign, []],
    ]);
    expect(HISTORY_BATCH).toBeGreaterThan(0);
    await expect(
      deps.store.ticketHistoryRecords(
        HCM,
        Array.from({ length: HISTORY_BATCH + 1 }, (_, i) => `t${i}`),
      ),
    ).rejects.toThrow();
  });
});

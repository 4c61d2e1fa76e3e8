import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type CentreSettings } from '../../../protocol/index.ts';
import { importDossierCsv, markDossierReturned, requestReturn, upsertDossiers } from '../../../server/dossiers/dossiers.usecases.ts';
import { sendDueWebhooks, type WebhookDeps, type WebhookPost } from '../../../server/webhooks/webhooks.usecases.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

/**
 * The dossier use cases over a real store (SQLite here; PostgreSQL in the `pg` project): batches
 * all or nothing, the kiosk's decision issued in one transaction, the hand-over's webhook
 * enqueued with it, and the outbox's claims — one instance sends a delivery.
 */
const HCM = 'hcm';
const LAN = { staffId: 'lan', role: 'staff' as const };
let deps: TestDeps;

async function settings(change: Partial<CentreSettings>) {
  await deps.store.runInTx({ centreId: HCM }, async (tx) => tx.saveSettings(HCM, { ...defaultSettings(), ...change }));
}

beforeEach(async () => {
  deps = await makeDeps();
  await settings({ dossierReturnServiceId: 'ho-tich', dossierWebhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'x'.repeat(32) });
});

describe('upsertDossiers', () => {
  it('writes a batch, then counts updates', async () => {
    const first = await upsertDossiers(deps, HCM, [
      { code: 'H1-241203-0001', state: 'received', serviceId: 'dat-dai' },
      { code: 'H1-241203-0002', state: 'ready', returnCounterId: 'quay-2' },
    ]);
    expect(first).toMatchObject({ created: 2, updated: 0 });
    const again = await upsertDossiers(deps, HCM, [{ code: 'H1-241203-0001', state: 'ready' }]);
    expect(again).toMatchObject({ created: 0, updated: 1 });
    expect((await deps.store.getDossier(HCM, 'H1-241203-0001'))?.state).toBe('ready');
  });

  it('one bad row and nothing is written; the error names it', async () => {
    await upsertDossiers(deps, HCM, [{ code: 'H1-241203-0001', state: 'received' }]);
    const error = await upsertDossiers(deps, HCM, [
      { code: 'H1-241203-0001', state: 'ready' },
      { code: 'H1-241203-0003', state: 'ready', serviceId: 'no-such' },
    ]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'dossier.invalid', message: expect.stringContaining('dossiers.1 (H1-241203-0003)') });
    expect((await deps.store.getDossier(HCM, 'H1-241203-0001'))?.state).toBe('received');
    expect(await deps.store.getDossier(HCM, 'H1-241203-0003')).toBeNull();
  });

  it('the CSV import writes good lines and lists bad ones by line', async () => {
    const csv = 'code;state;due_date;citizen_name\nH1-1-1;ready;03/12/2026;Nguyễn Văn An\nH1-1-2;done;;\nH1-1-1;ready;;\n';
    const result = await importDossierCsv(deps, HCM, csv);
    expect(result.accepted).toBe(1);
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(await deps.store.getDossier(HCM, 'H1-1-1')).toMatchObject({ dueDate: '2026-12-03', citizenName: 'Nguyễn Văn An' });
  });
});

describe('requestReturn and the hand-over', () => {
  it('ready → a ticket carrying the code, sent to the return counter; returned → a signed webhook, sent once', async () => {
    await upsertDossiers(deps, HCM, [{ code: 'H1-241203-0002', state: 'ready', returnCounterId: 'quay-2', citizenName: 'Trần Thị Bình' }]);
    const result = await requestReturn(deps, { centreId: HCM, code: 'H1-241203-0002', kioskId: null });
    if (result.outcome !== 'issued') throw new Error(result.outcome);
    expect(result.issued.ticket).toMatchObject({ serviceId: 'ho-tich', targetCounterId: 'quay-2', dossierCode: 'H1-241203-0002', dossierUnverified: false });
    expect(result.dossier).toEqual({ maskedCode: 'H1-****-0002', maskedName: 'T. T. Bình', dueDate: null });
    expect((await deps.store.getTicket(result.issued.ticket.id))?.dossierCode).toBe('H1-241203-0002');

    const returned = await markDossierReturned(deps, { centreId: HCM, code: 'H1-241203-0002', ticketId: result.issued.ticket.id, actor: LAN });
    expect(returned).toMatchObject({ state: 'returned', returnedBy: 'lan' });
    await expect(markDossierReturned(deps, { centreId: HCM, code: 'H1-241203-0002', actor: LAN })).rejects.toMatchObject({ code: 'dossier.already_returned' });

    // Two instances' senders: the first answer is a 500, the second a 200.
    const answers = [500, 200];
    const posts: { headers: Record<string, string>; body: string }[] = [];
    const post: WebhookPost = async (_url, headers, body) => {
      posts.push({ headers, body });
      return { status: answers.shift() ?? 200 };
    };
    const sender = (instanceId: string): WebhookDeps => ({
      ...deps,
      policy: { baseMs: 1000, capMs: 60_000, maxAttempts: 3 },
      post,
      instanceId,
      timeoutMs: 1000,
      log: { warn: () => undefined, error: () => undefined },
    });
    const [a, b] = await Promise.all([sendDueWebhooks(sender('a')), sendDueWebhooks(sender('b'))]);
    expect(a + b).toBe(1);
    expect(await sendDueWebhooks(sender('a'))).toBe(0); // not due before its backoff
    deps.clock.advance(1000);
    expect(await sendDueWebhooks(sender('b'))).toBe(1);
    deps.clock.advance(60_000);
    expect(await sendDueWebhooks(sender('a'))).toBe(0); // delivered: never again
    expect(posts).toHaveLength(2);
    expect(JSON.parse(posts[1]!.body)).toMatchObject({ event: 'dossier.returned', dossier: { code: 'H1-241203-0002', state: 'returned' } });
    expect(posts[1]!.headers['X-Luot-Delivery']).toBe(posts[0]!.headers['X-Luot-Delivery']);
    const [delivery] = await deps.store.listWebhookDeliveries(HCM, 10);
    expect(delivery).toMatchObject({ attempts: 2, lastError: null });
    expect(delivery?.deliveredAtMs).not.toBeNull();
  });

  it('the same slip scanned again while its ticket is open gets that number, not a second ticket', async () => {
    await upsertDossiers(deps, HCM, [{ code: 'H1-241203-0007', state: 'ready' }]);
    const first = await requestReturn(deps, { centreId: HCM, code: 'H1-241203-0007', kioskId: null });
    if (first.outcome !== 'issued') throw new Error(first.outcome);
    const again = await requestReturn(deps, { centreId: HCM, code: 'H1-241203-0007', kioskId: null });
    expect(again).toEqual({ outcome: 'already_queued', number: first.issued.ticket.number, state: 'waiting' });
    const snapshotWaiting = await deps.store.consistentRead((r) => r.waitingAndDurations(HCM, ['ho-tich'], 1));
    expect(snapshotWaiting.waiting['ho-tich']).toBe(1);
    // Once that ticket has ended (here: expired at day end), a new scan issues again.
    await deps.store.runInTx({ centreId: HCM }, async (tx) => {
      const t = (await tx.getTicket(first.issued.ticket.id))!;
      expect(await tx.updateTicket({ ...t, state: 'expired' }, 'waiting')).toBe(true);
    });
    expect((await requestReturn(deps, { centreId: HCM, code: 'H1-241203-0007', kioskId: null })).outcome).toBe('issued');
  });

  it('not ready and already returned give no ticket; unknown follows the setting', async () => {
    await upsertDossiers(deps, HCM, [
      { code: 'H1-1-0001', state: 'in_progress', dueDate: '2026-12-10' },
      { code: 'H1-1-0002', state: 'returned' },
    ]);
    expect(await requestReturn(deps, { centreId: HCM, code: 'H1-1-0001', kioskId: null })).toMatchObject({
      outcome: 'not_ready',
      dossier: { dueDate: '2026-12-10' },
    });
    expect((await requestReturn(deps, { centreId: HCM, code: 'H1-1-0002', kioskId: null })).outcome).toBe('already_returned');
    expect(await requestReturn(deps, { centreId: HCM, code: 'NOPE-1', kioskId: null })).toEqual({ outcome: 'unknown' });
    expect(await deps.store.listTickets(HCM, '2026-03-16', ['waiting'])).toEqual([]);
    await settings({ unknownDossier: 'issue-flagged', dossierReturnServiceId: 'ho-tich' });
    const flagged = await requestReturn(deps, { centreId: HCM, code: 'NOPE-1', kioskId: null });
    expect(flagged).toMatchObject({
      outcome: 'issued',
      unverified: true,
      issued: { ticket: { dossierCode: 'NOPE-1', dossierUnverified: true, serviceId: 'ho-tich' } },
    });
  });
});

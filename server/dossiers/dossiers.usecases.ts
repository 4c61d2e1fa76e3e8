import {
  AppError,
  DossierUpsertItemSchema,
  maskCitizenName,
  maskDossierCode,
  type Dossier,
  type DossierBatchResult,
  type DossierCsvImportResult,
  type DossierReturnResult,
  type DossierReturnedWebhook,
  type DossierUpsertItem,
} from '../../protocol/index.ts';
import type { CentreConfig } from '../kernel/centre-config.ts';
import type { Deps, StaffActor } from '../kernel/ports.ts';
import type { StoreWriteTx } from '../kernel/store.port.ts';
import { issueTicketInTx } from '../tickets/tickets.usecases.ts';
import { enqueueWebhook } from '../webhooks/webhooks.usecases.ts';
import { csvItem, csvRows } from './dossier-csv.models.ts';
import { applyUpsert, decideReturn, dossierView, duplicateCodes, markReturned, refsProblem, returnQueue, returnRefusal } from './dossiers.models.ts';
import type { DossierRecord } from './dossiers.port.ts';

async function configOf(tx: StoreWriteTx, centreId: string): Promise<CentreConfig> {
  const config = await tx.centreConfig(centreId);
  if (!config) throw new AppError('centre.not_found', `No centre "${centreId}".`);
  return config;
}

/** Checks and builds every row against the stored dossiers; the problems by row, or the records. */
async function prepare(tx: StoreWriteTx, config: CentreConfig, items: readonly DossierUpsertItem[], nowMs: number) {
  const problems: { index: number; code: string; problem: string }[] = [];
  const records: { record: DossierRecord; created: boolean }[] = [];
  for (const [index, item] of items.entries()) {
    const refs = refsProblem(item, config);
    if (refs) {
      problems.push({ index, code: item.code, problem: refs });
      continue;
    }
    const existing = await tx.getDossier(config.centre.id, item.code);
    const next = applyUpsert(existing, item, config.centre.id, nowMs);
    if ('problem' in next) problems.push({ index, code: item.code, problem: next.problem });
    else records.push({ record: next, created: existing === null });
  }
  return { problems, records };
}

/**
 * The dossier system's upsert, one or many: all or nothing. One bad row (an unknown service or
 * counter, a returned dossier sent back to an earlier state, a code twice) and nothing is written;
 * the error names every bad row.
 */
export async function upsertDossiers(deps: Deps, centreId: string, items: readonly DossierUpsertItem[]): Promise<DossierBatchResult> {
  const twice = duplicateCodes(items);
  if (twice.length) throw new AppError('dossier.invalid', `code(s) given more than once in the batch: ${twice.join(', ')}`);
  return deps.store.runInTx({ centreId }, async (tx) => {
    const config = await configOf(tx, centreId);
    const { problems, records } = await prepare(tx, config, items, deps.clock.now().getTime());
    if (problems.length) {
      const message = problems.map((p) => (items.length > 1 ? `dossiers.${p.index} (${p.code}): ${p.problem}` : p.problem)).join('; ');
      throw new AppError('dossier.invalid', `Nothing was written: ${message}`);
    }
    for (const { record } of records) await tx.saveDossier(record);
    const created = records.filter((r) => r.created).length;
    return { created, updated: records.length - created, dossiers: records.map((r) => dossierView(r.record)) };
  });
}

/** The admin page's CSV: lines that pass are written (in one transaction), the others listed with why. */
export async function importDossierCsv(deps: Deps, centreId: string, csv: string): Promise<DossierCsvImportResult> {
  const parsed = csvRows(csv);
  if ('problem' in parsed) throw new AppError('dossier.invalid', `The CSV file cannot be read: ${parsed.problem}.`);
  return deps.store.runInTx({ centreId }, async (tx) => {
    const config = await configOf(tx, centreId);
    const rejected: DossierCsvImportResult['rejected'] = [];
    const valid: { line: number; item: DossierUpsertItem }[] = [];
    const lineOfCode = new Map<string, number>();
    for (const row of parsed.rows) {
      const result = DossierUpsertItemSchema.safeParse(csvItem(row.values));
      if (!result.success) {
        const message = result.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
        rejected.push({ line: row.line, code: row.values.code ?? null, message });
        continue;
      }
      const first = lineOfCode.get(result.data.code);
      if (first !== undefined) {
        rejected.push({ line: row.line, code: result.data.code, message: `the same code is on line ${first}` });
        continue;
      }
      lineOfCode.set(result.data.code, row.line);
      valid.push({ line: row.line, item: result.data });
    }
    const { problems, records } = await prepare(
      tx,
      config,
      valid.map((v) => v.item),
      deps.clock.now().getTime(),
    );
    for (const p of problems) rejected.push({ line: valid[p.index]!.line, code: p.code, message: p.problem });
    for (const { record } of records) await tx.saveDossier(record);
    return { accepted: records.length, rejected: rejected.sort((a, b) => a.line - b.line) };
  });
}

export async function getDossier(deps: Deps, centreId: string, code: string): Promise<Dossier> {
  const centre = await deps.store.getCentre(centreId);
  if (!centre) throw new AppError('centre.not_found', `No centre "${centreId}".`);
  const dossier = await deps.store.getDossier(centreId, code);
  if (!dossier) throw new AppError('dossier.not_found', `No dossier "${code}" in centre "${centreId}".`);
  return dossierView(dossier);
}

const publicView = (d: DossierRecord) => ({
  maskedCode: maskDossierCode(d.code),
  maskedName: d.citizenName ? maskCitizenName(d.citizenName) : null,
  dueDate: d.dueDate,
});

/**
 * The kiosk's "Nhận kết quả": the dossier decides (dossiers.models.ts `decideReturn`). Ready: a
 * ticket in its return queue carrying the code, in the same transaction as the dossier's read.
 * Not ready, already returned, unknown and refused: no ticket, an answer the kiosk words.
 */
export async function requestReturn(deps: Deps, input: { centreId: string; code: string; kioskId: string | null }): Promise<DossierReturnResult> {
  return deps.store.runInTx({ centreId: input.centreId }, async (tx): Promise<DossierReturnResult> => {
    const config = await configOf(tx, input.centreId);
    const dossier = await tx.getDossier(input.centreId, input.code);
    const decision = decideReturn(dossier, config.settings);
    switch (decision.kind) {
      case 'unknown':
        return { outcome: 'unknown' };
      case 'not_ready':
        return { outcome: 'not_ready', dossier: publicView(decision.dossier), state: decision.dossier.state };
      case 'already_returned':
        return {
          outcome: 'already_returned',
          dossier: publicView(decision.dossier),
          returnedAt: decision.dossier.returnedAtMs === null ? null : new Date(decision.dossier.returnedAtMs).toISOString(),
        };
      case 'issue': {
        // The same slip scanned again (twice by mistake, or after losing the printed number):
        // the ticket it already has, not a second place in the queue.
        const open = await tx.openTicketForDossier(input.centreId, input.code);
        if (open) return { outcome: 'already_queued', number: open.number, state: open.state };
        const found = decision.unverified ? null : decision.dossier;
        const queue = returnQueue(found, config.settings, config);
        if (!queue) throw new AppError('dossier.no_return_queue', 'No active result-return service or counter is set for this dossier or centre.');
        const issued = await issueTicketInTx(deps, tx, {
          centreId: input.centreId,
          serviceId: queue.serviceId,
          kioskId: input.kioskId,
          dossier: { code: input.code, unverified: decision.unverified },
          targetCounterId: queue.targetCounterId,
        });
        return { outcome: 'issued', issued, unverified: decision.unverified, dossier: found ? publicView(found) : null };
      }
    }
  });
}

/**
 * The officer hands the result over (the console's button on a ticket carrying the code): the
 * dossier becomes returned with when and by whom, and — when the centre set a dossier webhook
 * URL — `dossier.returned` is enqueued in the same transaction, so the dossier system hears of
 * every handed-over result, retried until it acknowledges.
 */
export async function markDossierReturned(deps: Deps, input: { centreId: string; code: string; ticketId?: string; actor: StaffActor }): Promise<Dossier> {
  return deps.store.runInTx({ centreId: input.centreId }, async (tx) => {
    const config = await configOf(tx, input.centreId);
    if (input.ticketId !== undefined) {
      const ticket = await tx.getTicket(input.ticketId);
      if (!ticket || ticket.centreId !== input.centreId) throw new AppError('ticket.not_found', `No ticket "${input.ticketId}".`);
      if (ticket.dossierCode !== input.code) throw new AppError('counter.ticket_mismatch', `Ticket ${ticket.number} is not for dossier ${input.code}.`);
    }
    const dossier = await tx.getDossier(input.centreId, input.code);
    if (!dossier) throw new AppError('dossier.not_found', `No dossier "${input.code}": the dossier system has not sent it.`);
    const refusal = returnRefusal(dossier);
    if (refusal === 'dossier.already_returned') throw new AppError(refusal, `Dossier ${dossier.code} was already returned.`);
    if (refusal === 'dossier.not_ready') throw new AppError(refusal, `Dossier ${dossier.code} is ${dossier.state}, not ready.`);
    const now = deps.clock.now();
    const returned = markReturned(dossier, input.actor.staffId, now.getTime());
    await tx.saveDossier(returned);
    const view = dossierView(returned);
    const url = config.settings.dossierWebhookUrl;
    if (url) {
      const body: DossierReturnedWebhook = { event: 'dossier.returned', centreId: input.centreId, occurredAt: now.toISOString(), dossier: view };
      await enqueueWebhook(deps, tx, { centreId: input.centreId, kind: 'dossier.returned', url, body });
    }
    return view;
  });
}

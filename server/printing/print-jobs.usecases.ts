import { AppError, type PrintJob, type PrintJobStatus, type PrintJobView, type ReprintTicketBody } from '../../protocol/index.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Deps, StaffActor } from '../kernel/ports.ts';
import type { TicketSubscriber } from '../kernel/ticket-subscribers.ts';
import type { BridgeRef, PrintDeps } from './printing.deps.ts';
import type { NewPrintJob, PrintJobRecord } from './printing.port.ts';
import type { StoreWriteTx } from '../kernel/store.port.ts';
import { getTicketView } from '../tickets/tickets.usecases.ts';
import { claimHolds, PRINT_TRANSFER_GRACE_MS } from './print-claims.ts';

/**
 * Print-confirmed issuance (docs/firmware-bridge.md): a kiosk's ticket gets a print job in the
 * same transaction; after commit the job goes to the bridge whose printer serves the kiosk; the
 * bridge's answer (printed, or why not) is recorded and told to the kiosk. A job nobody answered
 * by its deadline is abandoned — never delivered again — and the ticket stays valid.
 */

const LIVE: readonly PrintJobStatus[] = ['pending', 'sent'];
/** Tickets nobody needs a paper for any more. */
const FINISHED_TICKET = new Set(['done', 'no_show', 'expired']);

const iso = (ms: number) => new Date(ms).toISOString();

export const printJobView = (r: PrintJobRecord): PrintJobView => ({
  id: r.id,
  centreId: r.centreId,
  ticketId: r.ticketId,
  number: r.number,
  kioskId: r.kioskId,
  printerId: r.printerId,
  status: r.status,
  reprint: r.reprint,
  attempts: r.attempts,
  error: r.error ? { code: r.error, message: r.errorMessage ?? '' } : null,
  createdAt: iso(r.createdAtMs),
  updatedAt: iso(r.updatedAtMs),
});

/** Writes a job for the kiosk's printer inside `tx`; null when no printer serves the kiosk. */
async function insertJob(
  pd: PrintDeps,
  tx: StoreWriteTx,
  input: { centreId: string; ticketId: string; kioskId: string; at: Date; reprint: boolean; requestedBy: string | null },
): Promise<NewPrintJob | null> {
  const printer = await tx.printerForKiosk(input.centreId, input.kioskId);
  if (!printer) return null;
  const job: NewPrintJob = {
    id: pd.ids.newId(),
    centreId: input.centreId,
    ticketId: input.ticketId,
    kioskId: input.kioskId,
    bridgeId: printer.bridgeId,
    printerId: printer.deviceId,
    status: 'pending',
    reprint: input.reprint,
    requestedBy: input.requestedBy,
    createdAtMs: input.at.getTime(),
    deadlineAtMs: input.at.getTime() + pd.printTimeoutMs,
  };
  await tx.insertPrintJob(job);
  return job;
}

/** The hook issueTicket calls inside its transaction: a print job for a kiosk's ticket. */
/** Printing's subscriber: a kiosk's ticket gets its print job in the issuing transaction, handed to the bridge after commit. */
export function printOnIssue(pd: PrintDeps): TicketSubscriber {
  return {
    name: 'printing',
    async issued(tx, issued) {
      // Staff issuing for a citizen at a counter, or a kiosk without a printer: nothing to print.
      const job = issued.kioskId
        ? await insertJob(pd, tx, {
            centreId: issued.ticket.centreId,
            ticketId: issued.ticket.id,
            kioskId: issued.kioskId,
            at: issued.at,
            reprint: false,
            requestedBy: null,
          })
        : null;
      if (job) tx.afterCommit(() => void dispatch(pd, job.id));
      return { printJob: job ? { id: job.id, status: job.status } : null };
    },
  };
}

async function publish(pd: PrintDeps, jobId: string): Promise<PrintJobView | null> {
  const record = await pd.store.getPrintJob(jobId);
  if (!record) return null;
  const view = printJobView(record);
  pd.printNotifier.printStatus(view);
  return view;
}

/** After commit: tells the kiosk the job exists and hands it to the bridge. Never throws. */
async function dispatch(pd: PrintDeps, jobId: string): Promise<void> {
  try {
    await publish(pd, jobId);
    await deliverJob(pd, jobId);
  } catch (error) {
    pd.log.error(`print job ${jobId}: delivery failed`, error);
  }
}

const dossierFooter = (code: string, unverified: boolean) => ({
  vi: `Hồ sơ ${code}${unverified ? ' – chưa tra được hồ sơ' : ''}`,
  en: `Dossier ${code}${unverified ? ' – not verified' : ''}`,
});

/** What the bridge needs to lay the ticket out, read now (people ahead change). */
async function printJobPayload(pd: PrintDeps, record: PrintJobRecord, deadlineMs: number): Promise<PrintJob> {
  const view = await getTicketView(pd, record.ticketId);
  const settings = await pd.store.getSettings(record.centreId);
  const group = view.ticket.priorityGroupId ? settings.priorityGroups.find((g) => g.id === view.ticket.priorityGroupId) : undefined;
  return {
    jobId: record.id,
    ticketId: record.ticketId,
    printerId: record.printerId,
    reprint: record.reprint,
    deadlineMs,
    ticket: {
      centreName: view.centreName,
      serviceName: view.serviceName,
      number: view.ticket.number,
      issuedAt: view.ticket.issuedAt,
      timeZone: view.timeZone,
      peopleAhead: view.peopleAhead,
      estimatedWaitMinutes: view.estimatedWaitMinutes,
      statusUrl: `${pd.publicUrl().replace(/\/+$/, '')}/t/${encodeURIComponent(record.ticketId)}`,
      priorityGroupName: group?.name ?? null,
      ...(view.ticket.appointmentAt ? { appointmentAt: view.ticket.appointmentAt } : {}),
      // A result-return ticket (issue #14) names its dossier on the slip: the citizen's own paper, the whole code.
      footer: view.ticket.dossierCode ? dossierFooter(view.ticket.dossierCode, view.ticket.dossierUnverified === true) : null,
      // Issue #15 (docs/large-print.md): sent only when not the default, so the payload of a default centre is as before.
      ...(settings.largePrint ? { largePrint: true } : {}),
      ...(settings.ticketCopies === 2 ? { copies: 2 as const } : {}),
    },
  };
}

/**
 * Hands a live job to its bridge and records the answer. A bridge connected to another server
 * instance (issue #13) gets it from that instance (`transport.elsewhere`, unless `forward` is
 * false: the instance asked to deliver it never asks back). Without a connected bridge the job
 * stays pending: the bridge gets it when it says hello again, or the deadline sweep abandons it.
 * A pending job is handed over once (its pending → sent update is conditional, whichever
 * instance or path runs it); a sent one again only when its bridge said hello again.
 */
export async function deliverJob(pd: PrintDeps, jobId: string, options: { forward?: boolean } = {}): Promise<void> {
  const record = await pd.store.getPrintJob(jobId);
  if (!record || !LIVE.includes(record.status)) return;
  const bridge: BridgeRef = { centreId: record.centreId, bridgeId: record.bridgeId };
  const nowMs = pd.clock.now().getTime();
  const remaining = record.deadlineAtMs - nowMs;
  // A claimed job past its deadline is still going out: delivered again only to get its answer
  // (the bridge answers from its journal or its print in progress, and prints nothing new).
  if (remaining <= 0 && !claimHolds(record, nowMs)) return;
  if (!pd.transport.isConnected(bridge)) {
    if (options.forward !== false && record.status === 'pending') pd.transport.elsewhere?.(bridge, jobId);
    return;
  }
  const payload = await printJobPayload(pd, record, Math.max(0, remaining));
  const at = () => pd.clock.now().getTime();
  if (!(await pd.store.updatePrintJob(jobId, { status: 'sent', attempt: true, atMs: at() }, [record.status]))) return;
  await publish(pd, jobId);

  // The answer may come after the deadline: a job claimed just in time takes its transfer time.
  const answer = await pd.transport.send(bridge, payload, Math.max(0, remaining) + PRINT_TRANSFER_GRACE_MS);
  if (answer === 'no_bridge' || answer === 'no_answer') return; // redelivered on hello, or abandoned at the deadline
  if (answer.ok) {
    // Only a live job becomes printed: "abandoned" is final (the kiosk was told; a bridge prints
    // only what it claimed before the deadline, so this is a claim that ran out).
    if (!(await pd.store.updatePrintJob(jobId, { status: 'printed', error: null, errorMessage: null, atMs: at() }, LIVE))) {
      const now = await pd.store.getPrintJob(jobId);
      pd.log.warn(`print job ${jobId} (ticket ${record.number}): the bridge says printed, but the job is ${now?.status ?? 'gone'}; it stays so`);
      return;
    }
  } else {
    pd.log.warn(`print job ${jobId} (ticket ${record.number}) failed on ${record.bridgeId}/${record.printerId}: ${answer.error.code} ${answer.error.message}`);
    const failed = { status: 'failed' as const, error: answer.error.code, errorMessage: answer.error.message, atMs: at() };
    // Already abandoned (the bridge dropped it after the deadline): nothing new to tell.
    if (!(await pd.store.updatePrintJob(jobId, failed, LIVE))) return;
  }
  await publish(pd, jobId);
}

/** A bridge said hello: every job still waiting for its printers, oldest first per printer. */
export async function deliverPending(pd: PrintDeps, bridge: BridgeRef): Promise<void> {
  // With the jobs it claimed whose answer was lost with the connection: asked again for the answer
  // (whichever instance the claim went through: the claim is in the store).
  const jobs = await pd.store.listDeliverableJobs(bridge.centreId, bridge.bridgeId, pd.clock.now().getTime());
  const byPrinter = new Map<string, PrintJobRecord[]>();
  for (const job of jobs) byPrinter.set(job.printerId, [...(byPrinter.get(job.printerId) ?? []), job]);
  // Printers in parallel; one printer's jobs one after another, in the order they were issued.
  await Promise.all(
    [...byPrinter.values()].map(async (queue) => {
      for (const job of queue) await deliverJob(pd, job.id).catch((error) => pd.log.error(`print job ${job.id}: delivery failed`, error));
    }),
  );
}

/** How old a pending job must be before the safety net below delivers it: the fast path had its chance. */
export const OVERLOOKED_AFTER_MS = 1_000;

/**
 * The safety net of the fast path (issue #13): a job whose bridge is connected to this instance but
 * that nobody handed over (the other instances' request was lost with a broken adapter connection,
 * or came while the bridge was saying hello) is delivered here, by the sweep.
 */
export async function deliverOverlooked(pd: PrintDeps, bridges: Iterable<BridgeRef>): Promise<void> {
  const now = pd.clock.now().getTime();
  for (const bridge of bridges) {
    const jobs = await pd.store.listDeliverableJobs(bridge.centreId, bridge.bridgeId, now);
    for (const job of jobs) {
      if (job.status !== 'pending' || job.createdAtMs > now - OVERLOOKED_AFTER_MS) continue;
      void deliverJob(pd, job.id, { forward: false }).catch((error) => pd.log.error(`print job ${job.id}: delivery failed`, error));
    }
  }
}

/**
 * Jobs past their deadline become `abandoned` (the kiosk shows the number on screen instead)
 * and are never delivered again. Run every second and at start, so it survives restarts; every
 * instance runs it, and a job is abandoned once.
 */
export async function abandonOverdue(pd: PrintDeps): Promise<number> {
  const now = pd.clock.now().getTime();
  let n = 0;
  for (const job of await pd.store.listOverdueJobs(now)) {
    const bridge: BridgeRef = { centreId: job.centreId, bridgeId: job.bridgeId };
    // Handed to its bridge (through any instance: the status is in the store), or the bridge is
    // here: it did not answer in time. Never handed over: no instance held its bridge.
    const connected = job.status === 'sent' || pd.transport.isConnected(bridge);
    const [error, message] = connected
      ? (['print.timeout', 'The printer did not answer in time.'] as const)
      : (['print.no_bridge', 'The printer’s bridge is not connected.'] as const);
    // Its bridge may have claimed it since the list was read (through any instance): then the claim
    // wins and the job is left alone until the claim runs out (print-claims.ts).
    const abandoned = await pd.store.runInTx({ centreId: job.centreId }, (tx) => tx.abandonPrintJob(job.id, { error, errorMessage: message, atMs: now }));
    if (abandoned) {
      n++;
      pd.log.warn(`print job ${job.id} (ticket ${job.number}) abandoned: ${error}`);
      // A bridge holding it in a queue drops it (it would refuse it at its claim anyway).
      pd.transport.cancel(bridge, job.id, message);
      await publish(pd, job.id);
    }
  }
  return n;
}

/**
 * A kiosk sees its own jobs; accounts see every job of their centre. Another centre's job, or
 * another kiosk's, is `auth.forbidden` like any other centre's resource.
 */
export async function getPrintJob(deps: Deps, jobId: string, viewer: Principal): Promise<PrintJobView> {
  const record = await deps.store.getPrintJob(jobId);
  if (!record) throw new AppError('print_job.not_found', `No print job "${jobId}".`);
  const visible =
    viewer.kind !== 'anonymous' &&
    viewer.centreId === record.centreId &&
    (viewer.kind === 'staff' || (viewer.deviceKind === 'kiosk' && viewer.deviceId === record.kioskId));
  if (!visible) throw new AppError('auth.forbidden', 'Not your print job.');
  return printJobView(record);
}

export async function listPrintJobs(deps: Deps, centreId: string, query: { status?: PrintJobStatus; limit: number }): Promise<PrintJobView[]> {
  return (await deps.store.listPrintJobs(centreId, query)).map(printJobView);
}

/** The kiosk a ticket was printed for (or issued at): the latest job's, else the issuing event's actor. */
async function kioskOf(deps: Deps, centreId: string, ticketId: string): Promise<string | null> {
  const jobs = await deps.store.listPrintJobs(centreId, { limit: 200 });
  const job = jobs.find((j) => j.ticketId === ticketId && j.kioskId !== null);
  if (job) return job.kioskId;
  const created = (await deps.store.listTicketEvents(ticketId)).find((e) => e.fromState === null);
  return created?.actorKind === 'kiosk' ? created.actorId : null;
}

/**
 * Staff print a ticket again: on the printer of the kiosk that issued it, or of `kioskId`
 * (the kiosk beside it when that one is out of paper). A new job with its own id and deadline.
 */
export async function reprintTicket(
  pd: PrintDeps,
  input: { centreId: string; ticketId: string; actor: StaffActor } & ReprintTicketBody,
): Promise<PrintJobView> {
  const ticket = await pd.store.getTicket(input.ticketId);
  if (!ticket || ticket.centreId !== input.centreId) throw new AppError('ticket.not_found', `No ticket "${input.ticketId}".`);
  if (FINISHED_TICKET.has(ticket.state)) {
    throw new AppError('ticket.invalid_transition', `Ticket ${ticket.number} is ${ticket.state}: nothing to print.`);
  }
  const kioskId = input.kioskId ?? (await kioskOf(pd, input.centreId, ticket.id));
  if (!kioskId) throw new AppError('print.no_printer', `Ticket ${ticket.number} was not issued at a kiosk: name the kiosk whose printer to use.`);
  const job = await pd.store.runInTx({ centreId: input.centreId }, (tx) =>
    insertJob(pd, tx, { centreId: input.centreId, ticketId: ticket.id, kioskId, at: pd.clock.now(), reprint: true, requestedBy: input.actor.staffId }),
  );
  if (!job) throw new AppError('print.no_printer', `No printer serves kiosk "${kioskId}".`);
  pd.log.info(`ticket ${ticket.number}: reprint ${job.id} requested by ${input.actor.staffId}`);
  void dispatch(pd, job.id);
  const record = await pd.store.getPrintJob(job.id);
  return printJobView(record!);
}

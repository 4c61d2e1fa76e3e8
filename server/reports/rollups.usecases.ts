/**
 * Keeping the report rollups (docs/reports.md, "Rollups"): every ticket change adds its figures
 * in its own transaction (the reports' ticket subscriber, `reportsSubscriber`), and a centre whose rollups were
 * never built — a database from before them, or history written straight into the tables by the
 * seed — gets them rebuilt from its tickets, a month per transaction.
 */
import type { Change } from '../kernel/changes.ts';
import type { Clock } from '../kernel/ports.ts';
import type { TicketSubscriber } from '../kernel/ticket-subscribers.ts';
import type { Store, StoreWriteTx } from '../kernel/store.port.ts';
import { addDays, localDay, monthRange } from './periods.models.ts';
import { settleRatings } from './rating-report.usecases.ts';
import { carriesDurations, rollupIncrements, withStoredHistograms } from './rollup-increments.models.ts';
import { deltasFromTickets, foldDeltas, foldHourly } from './rollup-rebuild.models.ts';
import { isCallFromWaiting, isTransfer, rollupDeltas } from './rollup.models.ts';

/** What every ticket change adds to the reports: first call, transfer count and rollup increments. */
export async function recordForReports(tx: StoreWriteTx, change: Change): Promise<void> {
  const { after, at } = change;
  let firstCall = false;
  if (isCallFromWaiting(change)) {
    firstCall = await tx.recordFirstCall(after.id, { atMs: at.getTime(), serviceId: after.serviceId, counterId: after.counterId, staffId: after.staffId });
  }
  if (isTransfer(change)) await tx.countTransfer(after.id);
  // The zone only matters for the hour of issue.
  const timeZone = change.before === null ? ((await tx.getCentre(change.centreId))?.timeZone ?? 'UTC') : 'UTC';
  const { daily, hourly } = rollupDeltas(change, timeZone, firstCall);
  if (daily.length === 0 && hourly.length === 0) return;
  const rows = [];
  for (const row of rollupIncrements(daily)) {
    // Histograms are merged here, in the change's transaction, only when a duration is added.
    rows.push(carriesDurations(row) ? withStoredHistograms(row, await tx.rollupHistograms(change.centreId, row)) : row);
  }
  await tx.addToRollups(change.centreId, rows, hourly);
}

/** The reports' subscriber to ticket changes (server/modules.ts). */
export const reportsSubscriber: TicketSubscriber = { name: 'reports', changed: recordForReports };

/** Rebuilds a centre's rollups for the days from `from` to `to` (default: every day with a ticket). */
export async function rebuildRollups(
  store: Store,
  clock: Clock,
  centreId: string,
  range?: { from: string; to: string },
): Promise<{ days: number; tickets: number }> {
  const centre = await store.getCentre(centreId);
  if (!centre) return { days: 0, tickets: 0 };
  const span = range ?? (await store.ticketDayRange(centreId));
  let tickets = 0;
  if (span) {
    // A month per transaction: the write lock is never held for long, and a live change made
    // between two months lands on rows that are either rebuilt already or not yet.
    for (let from = span.from; from <= span.to;) {
      const monthEnd = monthRange(from.slice(0, 7)).to;
      const to = monthEnd < span.to ? monthEnd : span.to;
      tickets += await store.runInTx({ centreId }, async (tx) => {
        const facts = await tx.ticketFacts(centreId, from, to);
        const { daily, hourly } = deltasFromTickets(facts, await tx.transferFacts(centreId, from, to), centre.timeZone);
        await tx.replaceRollups(centreId, from, to, foldDeltas(daily), foldHourly(hourly));
        return facts.length;
      });
      from = addDays(to, 1);
    }
  }
  if (!range) {
    await store.runInTx({ centreId }, async (tx) => {
      // The rating rollup is summed again from the ratings on the next rating summary.
      await tx.clearRatingRollup(centreId);
      await tx.markRollupsBuilt(centreId, clock.now().getTime());
    });
    await settleRatings(store, centreId, localDay(clock.now(), centre.timeZone));
  }
  return { days: span ? 1 + Math.round((Date.parse(span.to) - Date.parse(span.from)) / 86_400_000) : 0, tickets };
}

/** At start: builds the rollups of every centre that never had them. */
export async function ensureRollups(store: Store, clock: Clock): Promise<string[]> {
  const built: string[] = [];
  for (const centre of await store.listCentres()) {
    if ((await store.rollupsBuiltAt(centre.id)) !== null) continue;
    await rebuildRollups(store, clock, centre.id);
    built.push(centre.id);
  }
  return built;
}

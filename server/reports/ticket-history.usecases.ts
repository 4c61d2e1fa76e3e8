/**
 * getTicketHistory (issue #14): one ticket's history for the managers' reports, and the
 * histories of many tickets, a batch at a time, for the ticket log's export.
 */
import { AppError, type Language, type Ticket } from '../../protocol/index.ts';
import type { TicketLogEntry } from '../../protocol/reports.schemas.ts';
import type { TicketHistory, TicketHistoryEntry } from '../../protocol/ticket-history.schemas.ts';
import type { Deps } from '../kernel/ports.ts';
import { requireCentre } from '../kernel/require-found.ts';
import { PRINT_TRANSFER_GRACE_MS } from '../printing/print-claims.ts';
import { historyEntries, historyLookup, recordsByTicket, type HistoryLookup } from './ticket-history.models.ts';
import { HISTORY_BATCH } from './ticket-history.port.ts';
import { historyLine, historySheetCut, historySheetRow } from './ticket-history.export.models.ts';
import type { Cell } from './table.models.ts';

/** The names of a centre's histories, looked up once (a whole export uses one). */
export async function centreHistoryLookup(deps: Pick<Deps, 'store'>, centreId: string): Promise<HistoryLookup> {
  const [services, counters, settings, people] = await Promise.all([
    deps.store.listServices(centreId),
    deps.store.listCounters(centreId),
    deps.store.getSettings(centreId),
    deps.store.historyPeople(centreId),
  ]);
  return historyLookup({ services, counters, priorityGroups: settings.priorityGroups, people }, PRINT_TRANSFER_GRACE_MS);
}

/**
 * The ticket's history. A ticket of another centre is 404 like an unknown one: the route's
 * permission is the centre's, so its existence elsewhere is not told.
 */
export async function getTicketHistory(deps: Deps, centreId: string, ticketId: string): Promise<TicketHistory> {
  const centre = await requireCentre(deps.store, centreId);
  const ticket = await deps.store.getTicket(ticketId);
  if (!ticket || ticket.centreId !== centreId) throw new AppError('ticket.not_found', `No ticket "${ticketId}" in centre "${centreId}".`);
  const [names, records] = await Promise.all([centreHistoryLookup(deps, centreId), deps.store.ticketHistoryRecords(centreId, [ticketId])]);
  const entries = historyEntries(records, names);
  return { centreId, timeZone: centre.timeZone, ticket: summary(ticket, entries, names), entries };
}

function summary(t: Ticket, entries: readonly TicketHistoryEntry[], names: HistoryLookup): TicketHistory['ticket'] {
  // Ticket.serviceId is its queue now; the audit event names the service that issued it.
  const issued = entries.find((e) => e.kind === 'issued')?.service;
  return {
    id: t.id,
    number: t.number,
    businessDay: t.businessDay,
    state: t.state,
    issuedService: issued ?? names.service(t.serviceId),
    service: names.service(t.serviceId),
    priorityGroup: t.priorityGroupId === null ? null : names.group(t.priorityGroupId),
    recallCount: t.recallCount,
  };
}

/**
 * The histories of `ticketIds` in the order given, read HISTORY_BATCH tickets at a time, so an
 * export holds one batch of rows at a time, never a month's. A ticket of another centre (or an
 * unknown id) has an empty history.
 */
export async function* histories(
  deps: Pick<Deps, 'store'>,
  centreId: string,
  ticketIds: readonly string[],
  names: HistoryLookup,
): AsyncGenerator<[ticketId: string, entries: TicketHistoryEntry[]]> {
  for (let i = 0; i < ticketIds.length; i += HISTORY_BATCH) {
    const batch = ticketIds.slice(i, i + HISTORY_BATCH);
    const byTicket = recordsByTicket(await deps.store.ticketHistoryRecords(centreId, batch));
    for (const id of batch) yield [id, historyEntries(byTicket.get(id) ?? { events: [], printJobs: [], ratings: [] }, names)];
  }
}

type LoggedTicket = Pick<TicketLogEntry, 'id' | 'number' | 'businessDay'>;

/** The history column of one page of the streamed CSV export (issue #15), names looked up once for the whole file. */
export async function historyLinesOf(
  deps: Pick<Deps, 'store'>,
  centreId: string,
  items: readonly LoggedTicket[],
  names: HistoryLookup,
  lang: Language,
  timeZone: string,
): Promise<Map<string, string>> {
  const days = new Map(items.map((t) => [t.id, t.businessDay]));
  const lines = new Map<string, string>();
  for await (const [id, entries] of histories(
    deps,
    centreId,
    items.map((t) => t.id),
    names,
  ))
    lines.set(id, historyLine(entries, lang, days.get(id)!, timeZone));
  return lines;
}

/** The ticket log export's history column (CSV): one line per ticket, by ticket id. */
export async function historyLines(
  deps: Pick<Deps, 'store'>,
  centreId: string,
  items: readonly LoggedTicket[],
  lang: Language,
  timeZone: string,
): Promise<Map<string, string>> {
  return historyLinesOf(deps, centreId, items, await centreHistoryLookup(deps, centreId), lang, timeZone);
}

/** Excel's limit is 1 048 576 rows a sheet: the history sheet stops short of it, with a note. */
export const HISTORY_SHEET_LIMIT = 1_000_000;

/**
 * The ticket log export's history sheet (XLSX): one row per entry, ticket after ticket in the
 * log's order, produced batch by batch while the workbook streams them out.
 */
export async function* historySheetRows(
  deps: Pick<Deps, 'store'>,
  centreId: string,
  items: readonly LoggedTicket[],
  lang: Language,
  timeZone: string,
  limit = HISTORY_SHEET_LIMIT,
): AsyncGenerator<Cell[]> {
  const names = await centreHistoryLookup(deps, centreId);
  const byId = new Map(items.map((t) => [t.id, t]));
  let rows = 0;
  for await (const [id, entries] of histories(
    deps,
    centreId,
    items.map((t) => t.id),
    names,
  )) {
    for (const e of entries) {
      if (rows === limit) {
        yield historySheetCut(limit, lang);
        return;
      }
      rows++;
      yield historySheetRow(byId.get(id)!, e, lang, timeZone);
    }
  }
}

/**
 * The history sheet of the streamed XLSX export (issue #15): the same rows as `historySheetRows`,
 * from tickets that come a page at a time, given back a batch (`batchSize` tickets, at most
 * HISTORY_BATCH) at a time.
 */
export async function* historySheetPages(
  deps: Pick<Deps, 'store'>,
  centreId: string,
  ticketPages: AsyncIterable<readonly LoggedTicket[]>,
  names: HistoryLookup,
  lang: Language,
  timeZone: string,
  batchSize = HISTORY_BATCH,
  limit = HISTORY_SHEET_LIMIT,
): AsyncGenerator<Cell[][]> {
  let rows = 0;
  const size = Math.min(batchSize, HISTORY_BATCH);
  for await (const items of ticketPages) {
    for (let i = 0; i < items.length; i += size) {
      const batch = items.slice(i, i + size);
      const byTicket = recordsByTicket(
        await deps.store.ticketHistoryRecords(
          centreId,
          batch.map((t) => t.id),
        ),
      );
      const page: Cell[][] = [];
      for (const t of batch) {
        for (const e of historyEntries(byTicket.get(t.id) ?? { events: [], printJobs: [], ratings: [] }, names)) {
          if (rows === limit) {
            page.push(historySheetCut(limit, lang));
            yield page;
            return;
          }
          rows++;
          page.push(historySheetRow(t, e, lang, timeZone));
        }
      }
      yield page;
    }
  }
}

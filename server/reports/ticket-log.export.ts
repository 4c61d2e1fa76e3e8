/**
 * The ticket log's download, streamed (issue #15): the same file as before — the same columns,
 * the history as the CSV's last column or as the XLSX's second sheet (issue #14), the note of a
 * range cut at TICKET_LOG_EXPORT_LIMIT tickets — written a page of tickets at a time.
 *
 * The XLSX's history sheet follows the whole ticket sheet in the zip, so its rows come from a
 * second pass over the log: from the first ticket of the first pass (included) for as many
 * tickets as it wrote. Tickets issued meanwhile are newer than that first ticket and stay out; a
 * state filter can see a ticket change state between the passes (its history is then missing
 * from, or added to, the second sheet) — the price of never holding the month's tickets.
 */
import type { Language } from '../../protocol/index.ts';
import type { TicketLogQuery } from '../../protocol/reports.schemas.ts';
import type { Deps } from '../kernel/ports.ts';
import { primed, type ExportFormat } from './export-stream.ts';
import type { StreamedSheet, StreamedTable } from './export.models.ts';
import { ticketLogTable, type LogTableInput } from './log-tables.models.ts';
import { historySheetColumns, historySheetTitle } from './ticket-history.export.models.ts';
import { centreHistoryLookup, historyLinesOf, historySheetPages } from './ticket-history.usecases.ts';
import { logKey, openTicketLogExport, type LogKey } from './ticket-log.usecases.ts';
import type { TicketLogEntry } from '../../protocol/reports.schemas.ts';

/** Tickets per piece of the file (and per history query). */
export const EXPORT_SLICE = 250;

type ExportQuery = Omit<TicketLogQuery, 'cursor' | 'limit' | 'format' | 'lang'> & { lang: Language };

export async function ticketLogExport(
  deps: Deps,
  centreId: string,
  format: ExportFormat,
  query: ExportQuery,
  options: { limit?: number; pageSize?: number } = {},
): Promise<{ table: StreamedTable; more: StreamedSheet[] }> {
  const { lang, ...filter } = query;
  const log = await openTicketLogExport(deps, centreId, filter, options);
  const tz = log.head.timeZone;
  const names = await centreHistoryLookup(deps, centreId);
  const csv = format === 'csv';
  const input: LogTableInput = { ...log.head, items: [], names: log.names, priorityGroups: log.priorityGroups, truncatedAt: log.truncatedAt };
  const { rows: _none, ...shape } = ticketLogTable({ ...input, history: csv ? new Map() : undefined }, lang);

  let first: LogKey | null = null;
  let written = 0;
  // Rows are made a slice at a time: the stream yields to the event loop between two pieces, and
  // a slice's histories and cells take a few milliseconds, a page's several tens.
  async function* rows() {
    for await (const page of log.pages()) {
      first ??= logKey(page[0]!);
      written += page.length;
      for (let i = 0; i < page.length; i += EXPORT_SLICE) {
        const items = page.slice(i, i + EXPORT_SLICE);
        const history = csv ? await historyLinesOf(deps, centreId, items, names, lang, tz) : undefined;
        yield ticketLogTable({ ...input, items, history }, lang).rows;
      }
    }
  }
  const table: StreamedTable = { ...shape, pages: await primed(rows()), expectedRows: log.expectedRows };
  if (csv) return { table, more: [] };

  // The history sheet: the tickets of the first sheet again, once it is written.
  async function* again(): AsyncGenerator<TicketLogEntry[]> {
    if (first === null) return;
    let left = written;
    for await (const items of log.pages(first)) {
      const take = items.slice(0, left);
      left -= take.length;
      if (take.length > 0) yield take;
      if (left <= 0) return;
    }
  }
  const history: StreamedSheet = {
    title: historySheetTitle(lang),
    columns: historySheetColumns(lang),
    pages: historySheetPages(deps, centreId, again(), names, lang, tz, EXPORT_SLICE),
  };
  return { table, more: [history] };
}

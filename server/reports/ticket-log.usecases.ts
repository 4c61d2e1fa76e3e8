/**
 * ticketLog: every ticket of a local date range, newest first, a page at a time (keyset cursor on
 * business day, issue time and id — stable while new tickets arrive), filterable by service,
 * counter, officer and state.
 */
import { AppError } from '../../protocol/index.ts';
import { MAX_TICKET_LOG_DAYS, type TicketLog, type TicketLogEntry, type TicketLogQuery } from '../../protocol/reports.schemas.ts';
import type { Deps } from '../kernel/ports.ts';
import type { CentreNames } from './labels.models.ts';
import type { TicketFacts, TicketLogFilter } from './reports.port.ts';
import { reportContext, type ReportContext } from './report-context.ts';

type LogQuery = Omit<TicketLogQuery, 'format' | 'lang'>;

/** The most rows one export of the ticket log holds (Excel's own limit is 1 048 576). */
export const TICKET_LOG_EXPORT_LIMIT = 100_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const minutes = (ms: number) => Math.round((Math.max(0, ms) / 60_000) * 10) / 10;

export function encodeCursor(t: Pick<TicketFacts, 'businessDay' | 'issuedAtMs' | 'id'>): string {
  return Buffer.from(JSON.stringify([t.businessDay, t.issuedAtMs, t.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { businessDay: string; issuedAtMs: number; id: string } {
  try {
    const [businessDay, issuedAtMs, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof businessDay === 'string' && typeof issuedAtMs === 'number' && typeof id === 'string') return { businessDay, issuedAtMs, id };
  } catch {
    // fall through: one answer for every bad cursor
  }
  throw new AppError('request.invalid_payload', 'cursor: not a cursor this server gave');
}

export function logEntry(t: TicketFacts, rating: TicketLogEntry['rating'] = null): TicketLogEntry {
  const start = t.servingAtMs ?? t.calledAtMs;
  return {
    id: t.id,
    number: t.number,
    businessDay: t.businessDay,
    issuedServiceId: t.issuedServiceId,
    serviceId: t.serviceId,
    state: t.state,
    issuedAt: iso(t.issuedAtMs)!,
    firstCalledAt: iso(t.firstCall?.atMs ?? null),
    servingAt: iso(t.servingAtMs),
    finishedAt: iso(t.finishedAtMs),
    counterId: t.counterId,
    staffId: t.staffId,
    priorityGroupId: t.priorityGroupId,
    transferCount: t.transferCount,
    waitMinutes: t.firstCall ? minutes(t.firstCall.atMs - t.issuedAtMs) : null,
    serviceMinutes: t.state === 'done' && start !== null && t.finishedAtMs !== null ? minutes(t.finishedAtMs - start) : null,
    rating,
  };
}

/** The log's filter: the range the report context resolved, and the query's choices. */
const logFilter = (
  centreId: string,
  ctx: Pick<ReportContext, 'from' | 'to'>,
  query: Omit<LogQuery, 'cursor' | 'limit'>,
): Omit<TicketLogFilter, 'after' | 'limit'> => ({
  centreId,
  from: ctx.from,
  to: ctx.to,
  serviceId: query.serviceId,
  counterId: query.counterId,
  staffId: query.staffId,
  state: query.state,
});

export async function ticketLog(deps: Deps, centreId: string, query: LogQuery): Promise<TicketLog> {
  const ctx = await reportContext(deps, centreId, query, MAX_TICKET_LOG_DAYS);
  const rows = await deps.store.ticketLog({
    ...logFilter(centreId, ctx, query),
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    // One more than asked: tells whether there is a next page without a count.
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const [grades, settings] = await Promise.all([deps.store.ratingGrades(page.map((t) => t.id)), deps.store.getSettings(centreId)]);
  return {
    ...ctx.head,
    items: page.map((t) => logEntry(t, grades.get(t.id) ?? null)),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
    officers: ctx.names.staff.map((s) => ({ id: s.id, name: s.name })),
    priorityGroups: settings.priorityGroups.map((g) => ({ id: g.id, name: g.name })),
  };
}

/**
 * The whole range for an export, newest first, up to TICKET_LOG_EXPORT_LIMIT tickets, in memory.
 * The download streams instead (openTicketLogExport); this stays as the reference it must equal.
 */
export async function exportTicketLog(
  deps: Deps,
  centreId: string,
  query: Omit<LogQuery, 'cursor' | 'limit'>,
  limit = TICKET_LOG_EXPORT_LIMIT,
): Promise<TicketLog & { truncatedAt?: number }> {
  const items: TicketLogEntry[] = [];
  let cursor: string | undefined;
  let head: TicketLog | null = null;
  do {
    const page = await ticketLog(deps, centreId, { ...query, cursor, limit: Math.min(5_000, limit - items.length) });
    head ??= page;
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < limit);
  return { ...head!, items, nextCursor: null, ...(cursor ? { truncatedAt: limit } : {}) };
}

/**
 * Tickets one page of a streamed export reads: each statement short (≈ 20 ms on a year of
 * history), even on SQLite where a statement holds the event loop.
 */
export const EXPORT_PAGE = 1_000;

/** Where a ticket stands in the log's order (business day, issue time, id; newest first). */
export interface LogKey {
  businessDay: string;
  issuedAtMs: number;
  id: string;
}

export const logKey = (e: Pick<TicketLogEntry, 'businessDay' | 'issuedAt' | 'id'>): LogKey => ({
  businessDay: e.businessDay,
  issuedAtMs: Date.parse(e.issuedAt),
  id: e.id,
});

/** The ticket log's export, opened: what the file's head needs, and its pages to read (issue #15). */
export interface TicketLogExport {
  head: ReportContext['head'];
  names: CentreNames;
  priorityGroups: TicketLog['priorityGroups'];
  /** Tickets the export holds (counted before the first page: at most the limit). */
  expectedRows: number;
  /** Set when the range holds more tickets than one export takes. */
  truncatedAt?: number;
  /**
   * The tickets, newest first, `pageSize` at a time with their ratings, at most the limit in all;
   * from `startAt` on (that ticket included) when given, else from the newest.
   */
  pages(startAt?: LogKey): AsyncGenerator<TicketLogEntry[]>;
}

/**
 * Opens the export of the ticket log: the range and the names, and how many tickets it holds (a
 * count over the log's index), before any page is read. Nothing is held but the page at hand.
 */
export async function openTicketLogExport(
  deps: Deps,
  centreId: string,
  query: Omit<LogQuery, 'cursor' | 'limit'>,
  { limit = TICKET_LOG_EXPORT_LIMIT, pageSize = EXPORT_PAGE }: { limit?: number; pageSize?: number } = {},
): Promise<TicketLogExport> {
  const ctx = await reportContext(deps, centreId, query, MAX_TICKET_LOG_DAYS);
  const filter = logFilter(centreId, ctx, query);
  const [count, settings] = await Promise.all([deps.store.ticketLogCount(filter), deps.store.getSettings(centreId)]);
  async function* pages(startAt?: LogKey): AsyncGenerator<TicketLogEntry[]> {
    // The keyset is exclusive: one millisecond later (and the smallest id) puts `startAt` itself in.
    let after: TicketLogFilter['after'] = startAt ? { businessDay: startAt.businessDay, issuedAtMs: startAt.issuedAtMs + 1, id: '' } : undefined;
    let left = limit;
    while (left > 0) {
      const asked = Math.min(pageSize, left);
      const rows = await deps.store.ticketLog({ ...filter, after, limit: asked });
      if (rows.length === 0) return;
      const grades = await deps.store.ratingGrades(rows.map((t) => t.id));
      yield rows.map((t) => logEntry(t, grades.get(t.id) ?? null));
      left -= rows.length;
      if (rows.length < asked) return;
      const last = rows.at(-1)!;
      after = { businessDay: last.businessDay, issuedAtMs: last.issuedAtMs, id: last.id };
    }
  }
  return {
    head: ctx.head,
    names: ctx.names,
    priorityGroups: settings.priorityGroups.map((g) => ({ id: g.id, name: g.name })),
    expectedRows: Math.min(count, limit),
    ...(count > limit ? { truncatedAt: limit } : {}),
    pages,
  };
}

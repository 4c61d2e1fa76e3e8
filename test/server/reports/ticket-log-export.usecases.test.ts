/**
 * The ticket log's streamed export (issue #15) over the store (SQLite here, PostgreSQL in the
 * `pg` project): read a page at a time it holds exactly the tickets, rows and histories of the
 * export that read the whole range at once (the reference it replaced), cut at the limit with
 * its note, and counted before the first page.
 */
import { describe, expect, it } from 'vitest';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import { csvChunks, toCsv } from '../../../server/reports/csv.export.ts';
import { centreNames } from '../../../server/reports/report-context.ts';
import { ticketLogTable } from '../../../server/reports/log-tables.models.ts';
import { historyLines, historySheetRows } from '../../../server/reports/ticket-history.usecases.ts';
import { ticketLogExport } from '../../../server/reports/ticket-log.export.ts';
import { exportTicketLog, logKey, openTicketLogExport } from '../../../server/reports/ticket-log.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, LAN, TODAY, hcmCentre } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

const range = { from: TODAY, to: TODAY };

/** 23 tickets, some issued in the same millisecond (the keyset's id decides), five served. */
async function busyMorning(): Promise<TestDeps> {
  const deps = await makeDeps({ centres: [hcmCentre] });
  for (let i = 0; i < 23; i++) {
    await issueTicket(deps, { centreId: HCM, serviceId: i % 3 === 0 ? 'dat-dai' : 'ho-tich', kioskId: null });
    if (i % 4 !== 0) deps.clock.advance(45_000);
  }
  await openCounter(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  for (let i = 0; i < 5; i++) {
    await callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    deps.clock.advance(120_000);
    await finishTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  }
  return deps;
}

async function all<T>(it: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('openTicketLogExport', () => {
  it('reads the same tickets as the whole-range export, page by page, after counting them', async () => {
    const deps = await busyMorning();
    const reference = await exportTicketLog(deps, HCM, range);
    const log = await openTicketLogExport(deps, HCM, range, { pageSize: 4 });
    expect(log.expectedRows).toBe(23);
    expect(log.truncatedAt).toBeUndefined();
    const pages = await all(log.pages());
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(pages.flat()).toEqual(reference.items);
    // From a ticket on, that ticket included (the XLSX history sheet's second pass).
    const from = reference.items[9]!;
    expect((await all(log.pages(logKey(from)))).flat()).toEqual(reference.items.slice(9));
  });

  it('stops at the limit and says so; counts with the filters', async () => {
    const deps = await busyMorning();
    const cut = await openTicketLogExport(deps, HCM, range, { limit: 10, pageSize: 4 });
    expect(cut.expectedRows).toBe(10);
    expect(cut.truncatedAt).toBe(10);
    expect((await all(cut.pages())).map((p) => p.length)).toEqual([4, 4, 2]);
    const done = await openTicketLogExport(deps, HCM, { ...range, state: 'done' });
    expect(done.expectedRows).toBe(5);
    expect((await all(done.pages())).flat().every((e) => e.state === 'done')).toBe(true);
  });
});

describe('ticketLogExport', () => {
  it('CSV: the very text of the whole-range export, history column included', async () => {
    const deps = await busyMorning();
    const reference = await exportTicketLog(deps, HCM, range);
    const names = await centreNames(deps.store, HCM);
    const history = await historyLines(deps, HCM, reference.items, 'vi', reference.timeZone);
    const expected = toCsv(ticketLogTable({ ...reference, names, history }, 'vi'));
    const { table, more } = await ticketLogExport(deps, HCM, 'csv', { ...range, lang: 'vi' }, { pageSize: 4 });
    expect(more).toEqual([]);
    expect(table.expectedRows).toBe(23);
    expect((await all(csvChunks(table))).join('')).toBe(expected);
  });

  it('XLSX: the same ticket rows, the history sheet from a second pass, the note of a cut range', async () => {
    const deps = await busyMorning();
    const reference = await exportTicketLog(deps, HCM, range, 20);
    const names = await centreNames(deps.store, HCM);
    const { table, more } = await ticketLogExport(deps, HCM, 'xlsx', { ...range, lang: 'en' }, { pageSize: 4, limit: 20 });
    expect(table.caption.at(-1)).toBe('Only the newest 20 tickets: choose a shorter range.');
    const expected = ticketLogTable({ ...reference, names }, 'en');
    expect((await all(table.pages)).flat()).toEqual(expected.rows);
    const rows = (await all(more[0]!.pages)).flat();
    expect(rows).toEqual(await all(historySheetRows(deps, HCM, reference.items, 'en', reference.timeZone)));
    // Some of the twenty were served: called and finished too.
    expect(rows.length).toBeGreaterThan(20);
  });
});

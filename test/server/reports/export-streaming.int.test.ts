/**
 * Streamed exports over the real server (issue #15), on a store holding a seeded month of a
 * provincial centre (test/fixtures/history, ~34 000 tickets in October 2026):
 * - the CSV of a few days is, byte for byte, what the export wrote before it streamed;
 * - the month's download starts before its end, and an issue and a call-next made meanwhile are
 *   answered, and the call's socket.io fact reaches a live client, while it is still coming (the
 *   order of events, not a stopwatch);
 * - the XLSX opens in exceljs with the announced rows;
 * - the same through the shipped nginx locations (no buffering of the whole file);
 * - a failure after the first byte cuts the response: the client sees an error, not a short file.
 */
import ExcelJS from 'exceljs';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_ROWS_HEADER } from '../../../protocol/report-export.schemas.ts';
import { loadConfig } from '../../../server/config.ts';
import { startServer, type RunningServer } from '../../../server/compose.ts';
import { toCsv } from '../../../server/reports/csv.export.ts';
import { exportResponse } from '../../../server/reports/export-stream.ts';
import { ticketLogTable } from '../../../server/reports/log-tables.models.ts';
import { centreNames } from '../../../server/reports/report-context.ts';
import { historyLines, historySheetRows } from '../../../server/reports/ticket-history.usecases.ts';
import { exportTicketLog } from '../../../server/reports/ticket-log.usecases.ts';
import { HISTORY_CENTRE_ID } from '../../fixtures/history/history-centre.ts';
import { seedHistory } from '../../fixtures/history/seed-history.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { hasNginx, startNginx } from '../../helpers/nginx.ts';
import { centreClient, connect } from '../../helpers/sockets.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const PASSWORD = 'export-stream-password';
const MONTH = 'from=2026-10-01&to=2026-10-31';
const dir = tempDir('luot-export-stream');
let server: RunningServer;
let headers: Record<string, string>;

beforeAll(async () => {
  await seedHistory({ dbFile: join(dir.path, 'luot.sqlite'), days: 31, end: '2026-10-31', ticketsPerYear: 400_000, seed: 15 });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, DEMO: 'false', ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' });
  server = await startServer(config);
  headers = await loginHeaders(server.url, 'admin', PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.close();
  dir.remove();
});

const reports = (base: string) => `${base}/api/centres/${HISTORY_CENTRE_ID}/reports`;

/**
 * Downloads the month's CSV from `base` while, once its first chunk is in, a ticket is issued and
 * called at an open counter. Returns the order in which things happened.
 */
async function monthWithCalls(base: string, auth: Record<string, string>) {
  const events: string[] = [];
  // A console's live connection: the call's fact must reach it while the month is still coming.
  const live = centreClient(base, { centreId: HISTORY_CENTRE_ID }, { headers: auth });
  await connect(live.socket);
  const seen = live.received.length;
  const res = await fetch(`${reports(base)}/tickets?${MONTH}&format=csv`, { headers: auth });
  expect(res.status).toBe(200);
  const expected = Number(res.headers.get(EXPORT_ROWS_HEADER));
  const reader = res.body!.getReader();
  let chunks = 0;
  let text = '';
  const decoder = new TextDecoder();
  let calls: Promise<void> | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    text += decoder.decode(value, { stream: true });
    if (chunks === 1) {
      events.push('export started');
      const post = (path: string, body: unknown) =>
        fetch(`${base}/api/centres/${HISTORY_CENTRE_ID}${path}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      calls = (async () => {
        const issued = await post('/tickets', { serviceId: 'tu-phap-ho-tich' });
        expect(issued.status).toBe(200);
        events.push('ticket issued');
        const open = await post('/counters/quay-1/open', {});
        expect([200, 409]).toContain(open.status);
        // The call of a previous run, if any, ends as a no-show first.
        await post('/counters/quay-1/no-show', {});
        const called = await post('/counters/quay-1/call-next', {});
        expect(called.status).toBe(200);
        events.push('ticket called');
        await live.waitFor((r) => r.event === 'ticket:called', { from: seen, timeoutMs: 30_000 });
        events.push('fact received');
      })();
    }
  }
  events.push('export ended');
  await calls;
  live.close();
  return { events, chunks, text, expected };
}

describe('the ticket log export, streamed', () => {
  it('writes a few days exactly as the whole-range export did (golden: toCsv of the same tickets)', async () => {
    const range = { from: '2026-10-05', to: '2026-10-07' };
    const res = await fetch(`${reports(server.url)}/tickets?from=${range.from}&to=${range.to}&format=csv`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="luot-ticket-log-${range.from}_${range.to}.csv"`);
    const streamed = Buffer.from(await res.arrayBuffer());
    const log = await exportTicketLog(server.deps, HISTORY_CENTRE_ID, range);
    expect(log.items.length).toBeGreaterThan(2_000); // more than one page
    expect(Number(res.headers.get(EXPORT_ROWS_HEADER))).toBe(log.items.length);
    const history = await historyLines(server.deps, HISTORY_CENTRE_ID, log.items, 'vi', log.timeZone);
    const names = await centreNames(server.deps.store, HISTORY_CENTRE_ID);
    const golden = Buffer.from(toCsv(ticketLogTable({ ...log, names, history }, 'vi')), 'utf8');
    expect(streamed.equals(golden)).toBe(true);
  });

  it('starts before it ends, and calls are answered while the month is still coming', { timeout: 180_000 }, async () => {
    const { events, chunks, text, expected } = await monthWithCalls(server.url, headers);
    expect(events).toEqual(['export started', 'ticket issued', 'ticket called', 'fact received', 'export ended']);
    expect(chunks).toBeGreaterThan(10);
    expect(expected).toBeGreaterThan(20_000);
    // Every announced row arrived (one record per line: the history column is one line).
    expect(text.split('\r\n').length - 2).toBe(expected);
  });

  it('answers an error before the first byte as JSON', async () => {
    const res = await fetch(`${reports(server.url)}/tickets?from=2026-10-31&to=2026-10-01&format=csv`, { headers });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('request.invalid_payload');
  });

  it('XLSX: opens in exceljs with the announced rows and a history sheet', { timeout: 120_000 }, async () => {
    const res = await fetch(`${reports(server.url)}/tickets?from=2026-10-05&to=2026-10-06&format=xlsx&lang=en`, { headers });
    expect(res.status).toBe(200);
    const rows = Number(res.headers.get(EXPORT_ROWS_HEADER));
    expect(rows).toBeGreaterThan(1_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const [sheet, history] = wb.worksheets;
    expect(sheet!.getCell('A4').value).toBe('Number');
    expect(sheet!.rowCount).toBe(4 + rows);
    expect(history!.name).toBe('Ticket history');
    const log = await exportTicketLog(server.deps, HISTORY_CENTRE_ID, { from: '2026-10-05', to: '2026-10-06' });
    let entries = 0;
    for await (const _ of historySheetRows(server.deps, HISTORY_CENTRE_ID, log.items, 'en', log.timeZone)) entries++;
    expect(entries).toBeGreaterThan(0);
    expect(history!.rowCount).toBe(1 + entries);
  });

  it.skipIf(!hasNginx())('streams through the shipped nginx locations too', { timeout: 180_000 }, async () => {
    const nginx = await startNginx([`127.0.0.1:${new URL(server.url).port}`]);
    try {
      const auth = await loginHeaders(nginx.url, 'admin', PASSWORD);
      const { events, text, expected } = await monthWithCalls(nginx.url, auth);
      expect(events).toEqual(['export started', 'ticket issued', 'ticket called', 'fact received', 'export ended']);
      expect(text.split('\r\n').length - 2).toBe(expected);
    } finally {
      await nginx.stop();
    }
  });
});

describe('a failure after the first byte', () => {
  it('cuts the response: reading the body fails instead of ending', async () => {
    async function* pages() {
      yield [['A001', 1]];
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('store went away');
    }
    const table = {
      title: 't',
      caption: [],
      columns: [
        { header: 'Số', kind: 'text' as const },
        { header: 'n', kind: 'int' as const },
      ],
      fileName: 't',
    };
    const app = serve({ fetch: () => exportResponse('csv', { ...table, pages: pages(), expectedRows: 2 }), port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => app.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(app.address() as AddressInfo).port}/`);
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
    } finally {
      await new Promise((r) => app.close(r));
    }
  });
});

/**
 * Report downloads as streamed responses (issue #15, docs/reports.md "Exports"). The file goes
 * out while it is written: a page of rows at a time, the event loop free between pages, memory
 * bounded by a page. What can fail before the first byte (validation, the range, the store's
 * first reads) is done before the response starts, so it still answers `{ error: { code,
 * message } }` with its status; a failure after that cuts the connection without ending the
 * chunked body, so the browser reports a failed download instead of keeping a short file.
 */
import { EXPORT_ROWS_HEADER } from '../../protocol/report-export.schemas.ts';
import type { ReportFormat } from '../../protocol/reports.schemas.ts';
import { CSV_CONTENT_TYPE, csvChunks } from './csv.export.ts';
import type { RowPages, StreamedSheet, StreamedTable } from './export.models.ts';
import { XLSX_CONTENT_TYPE, xlsxStream } from './xlsx.export.ts';

export type ExportFormat = Exclude<ReportFormat, 'json'>;

/** Lets the server answer others (calls, socket.io facts) between two pages of an export. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The CSV of `table` as bytes, a page per chunk, read as the client reads. */
export function csvStream(table: StreamedTable, onError?: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = csvChunks(table);
  let started = false;
  // Set when the client went away: a page still being read is then dropped, not an error.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (started) await yieldToLoop();
      started = true;
      if (cancelled) return;
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (error) {
        if (cancelled) return;
        onError?.(error);
        throw error;
      }
      if (cancelled) return;
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      cancelled = true;
      await chunks.return(undefined);
    },
  });
}

/**
 * Reads the first page now (so a store failure is an ordinary error answer, before any byte)
 * and gives pages that start with it.
 */
export async function primed(pages: RowPages): Promise<RowPages> {
  if (Symbol.iterator in pages) return pages;
  const it = pages[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        if (first.done) return;
        yield first.value;
        for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
      } finally {
        await it.return?.();
      }
    },
  };
}

export interface ExportOptions {
  /** Told of a failure after the response started (the download is cut). */
  onError?: (error: unknown) => void;
}

/** The streamed download of `table` (and further XLSX sheets), named for what it holds. */
export function exportResponse(format: ExportFormat, table: StreamedTable, more: readonly StreamedSheet[] = [], options: ExportOptions = {}): Response {
  const csv = format === 'csv';
  const body = csv ? csvStream(table, options.onError) : xlsxStream(table, more, options.onError);
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': csv ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${table.fileName}.${format}"`,
      'cache-control': 'private, no-store',
      [EXPORT_ROWS_HEADER]: String(table.expectedRows),
      // nginx passes the file on as it comes instead of spooling it (deploy/nginx/luot-locations.conf).
      'x-accel-buffering': 'no',
    },
  });
}

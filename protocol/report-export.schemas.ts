/**
 * Streamed report downloads (issue #15, docs/reports.md "Exports"): the headers a download
 * carries besides Content-Type and Content-Disposition, read by the reports page to show its
 * progress bar (reports/export-progress.ts). No I/O here: names and their parser only.
 */

/**
 * Rows of the export's (first) table, header and totals excluded, counted before the first byte
 * was sent: exact for a past range; for a range that includes today, tickets issued meanwhile can
 * make the file hold a few more or fewer.
 */
export const EXPORT_ROWS_HEADER = 'x-luot-export-rows';

/** The expected rows of a download, or null when the header is absent or not a count. */
export function exportRows(headers: { get(name: string): string | null }): number | null {
  const v = headers.get(EXPORT_ROWS_HEADER);
  return v !== null && /^\d{1,9}$/.test(v) ? Number(v) : null;
}

/** The file name a `content-disposition: attachment; filename="…"` names, or null. */
export function attachmentName(headers: { get(name: string): string | null }): string | null {
  const m = /filename="([^"/\\]+)"/.exec(headers.get('content-disposition') ?? '');
  return m ? m[1]! : null;
}

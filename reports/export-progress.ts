/**
 * How far a report download has come (issue #15, docs/reports.md "Exports"), out of the element
 * so it is tested in node. The server says up front how many rows the file holds
 * (x-luot-export-rows); the page measures what arrived:
 *
 * - CSV: records counted exactly as they arrive. A record ends at a line feed outside quotes;
 *   a quote byte flips "inside quotes" (a doubled quote flips twice), so a line break inside a
 *   cell is never counted. UTF-8 never puts these two bytes inside a multi-byte character, so
 *   chunks may split anywhere.
 * - XLSX: a zip of compressed XML cannot be counted while it arrives; rows are estimated from
 *   the bytes received at XLSX_BYTES_PER_ROW (measured on seeded months, docs/reports.md),
 *   shown as "about", and held below the total until the download ends.
 */
import type { Language } from '../protocol/common.schemas.ts';

export type ExportFileFormat = 'csv' | 'xlsx';

const QUOTE = 0x22;
const LF = 0x0a;

/** Counts CSV records (lines outside quoted cells) in bytes given chunk by chunk. */
export class CsvRecordCounter {
  records = 0;
  private quoted = false;
  push(chunk: Uint8Array): void {
    let quoted = this.quoted;
    let records = this.records;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) quoted = !quoted;
      else if (b === LF && !quoted) records++;
    }
    this.quoted = quoted;
    this.records = records;
  }
  /** Data rows so far: records after the header line. */
  get rows(): number {
    return Math.max(0, this.records - 1);
  }
}

/**
 * Compressed bytes per ticket of the ticket log's XLSX (its row and its history rows): a seeded
 * month with the whole audit trail gave ≈ 310, one with only what reports read ≈ 135
 * (docs/reports.md). Small tables finish before it matters.
 */
export const XLSX_BYTES_PER_ROW = 300;

export interface ExportProgress {
  /** Rows received (or estimated), never above the total. */
  done: number;
  /** Rows the file holds; null when the server did not say. */
  total: number | null;
  /** True when `done` is an estimate (XLSX). */
  approximate: boolean;
}

/** Where a download stands after `bytes` (and, for CSV, `csvRows` counted); `finished` when it ended. */
export function exportProgress(format: ExportFileFormat, total: number | null, bytes: number, csvRows: number, finished = false): ExportProgress {
  if (format === 'csv') return { done: total === null ? csvRows : Math.min(finished ? total : csvRows, total), total, approximate: false };
  if (total === null) return { done: 0, total, approximate: true };
  if (finished) return { done: total, total, approximate: false };
  // Held one below the total: only the end of the download says it is complete.
  return { done: Math.min(Math.floor(bytes / XLSX_BYTES_PER_ROW), Math.max(0, total - 1)), total, approximate: true };
}

/** "85 000" (vi) / "85,000" (en). */
export const formatCount = (n: number, lang: Language) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);

/** "1,5 MB" (vi) / "1.5 MB" (en). */
export function formatSize(bytes: number, lang: Language): string {
  const f = (n: number, digits: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024 * 1024) return `${f(Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
  return `${f(bytes / (1024 * 1024), 1)} MB`;
}

/** The error code of a refused download's body (`{ error: { code } }`), else one for its status. */
export function refusalCode(status: number, body: unknown): string {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (typeof code === 'string') return code;
  return status === 401 ? 'auth.required' : status === 503 ? 'store.unavailable' : 'internal';
}

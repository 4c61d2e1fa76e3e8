/**
 * A report table whose rows come a page at a time (issue #15): what the streamed CSV and XLSX
 * exports write. A small report is one page (`streamedTable`); the ticket log reads its pages
 * from the store while the file goes out. Pure.
 */
import type { Cell, Column, ReportTable } from './table.models.ts';

export type RowPages = AsyncIterable<readonly (readonly Cell[])[]> | Iterable<readonly (readonly Cell[])[]>;

export interface StreamedTable extends Omit<ReportTable, 'rows'> {
  /** The rows, page after page, in order. */
  pages: RowPages;
  /** The rows the pages are expected to hold (the x-luot-export-rows header). */
  expectedRows: number;
}

/** A further XLSX sheet (the ticket log's history): a header row, then rows page after page. */
export interface StreamedSheet {
  title: string;
  columns: Column[];
  pages: RowPages;
}

/** A whole table as a streamed one: its rows as one page. */
export function streamedTable(table: ReportTable): StreamedTable {
  const { rows, ...rest } = table;
  return { ...rest, pages: [rows], expectedRows: rows.length };
}

/**
 * The admin page's CSV import (docs/dossiers.md "CSV format"), pure: a header line naming the
 * columns (any order; `code` and `state` required), then one dossier a line. Comma or semicolon
 * separated (spreadsheets in a Vietnamese locale write semicolons), fields may be quoted with
 * "" for a quote, a UTF-8 BOM is ignored. Dates as 2026-12-03 or 03/12/2026.
 */

export const CSV_COLUMNS = ['code', 'state', 'service_id', 'due_date', 'return_counter_id', 'return_service_id', 'citizen_name'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** One record of the file: its line number (1-based, the header is line 1) and its fields. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits CSV text into records; quoted fields may hold the separator, quotes and line breaks. */
export function parseCsv(text: string, separator: ',' | ';'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** The separator the header line uses: the one of `;` and `,` it holds more of. */
export function detectSeparator(text: string): ',' | ';' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** 03/12/2026 → 2026-12-03; anything else unchanged (the schema judges it). */
export function normalizeDate(value: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : value.trim();
}

export type CsvRow = { line: number; values: Partial<Record<Column, string>> };

/** The file's rows as named values, or the header's problem. Empty cells are absent values. */
export function csvRows(text: string): { rows: CsvRow[] } | { problem: string } {
  const records = parseCsv(text, detectSeparator(text));
  const header = records.shift();
  if (!header) return { problem: 'the file is empty' };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) return { problem: `unknown column(s) ${unknown.join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}` };
  for (const required of ['code', 'state'] as const) if (!names.includes(required)) return { problem: `the header has no "${required}" column` };
  const rows = records.map(({ line, fields }) => {
    const values: Partial<Record<Column, string>> = {};
    names.forEach((name, i) => {
      const v = (fields[i] ?? '').trim();
      if (v !== '') values[name as Column] = name === 'due_date' ? normalizeDate(v) : v;
    });
    return { line, values };
  });
  return { rows };
}

/** A row as an upsert item for the protocol schema to judge. */
export const csvItem = (v: CsvRow['values']) => ({
  code: v.code ?? '',
  state: v.state ?? '',
  ...(v.service_id ? { serviceId: v.service_id } : {}),
  ...(v.due_date ? { dueDate: v.due_date } : {}),
  ...(v.return_counter_id ? { returnCounterId: v.return_counter_id } : {}),
  ...(v.return_service_id ? { returnServiceId: v.return_service_id } : {}),
  ...(v.citizen_name ? { citizenName: v.citizen_name } : {}),
});

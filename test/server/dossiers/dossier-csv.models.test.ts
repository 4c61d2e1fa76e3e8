import { describe, expect, it } from 'vitest';
import { csvItem, csvRows, detectSeparator, normalizeDate, parseCsv } from '../../../server/dossiers/dossier-csv.models.ts';

describe('dossier CSV', () => {
  it('parses quoted fields with separators, quotes and line breaks, and counts lines', () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\n3,4', ',');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });
  it('detects semicolons (Vietnamese-locale spreadsheets) and ignores a BOM', () => {
    expect(detectSeparator('\uFEFFcode;state;citizen_name\n')).toBe(';');
    expect(detectSeparator('code,state\n')).toBe(',');
    const parsed = csvRows('\uFEFFCode;State;due_date\nH1-2-3;ready;03/12/2026\n');
    expect(parsed).toEqual({ rows: [{ line: 2, values: { code: 'H1-2-3', state: 'ready', due_date: '2026-12-03' } }] });
  });
  it('refuses unknown or missing columns', () => {
    expect(csvRows('code,colour\n')).toHaveProperty('problem');
    expect(csvRows('code,due_date\n')).toEqual({ problem: 'the header has no "state" column' });
    expect(csvRows('')).toEqual({ problem: 'the file is empty' });
  });
  it('turns a row into an upsert item without empty cells', () => {
    expect(csvItem({ code: 'A-1', state: 'ready', citizen_name: 'Lan' })).toEqual({ code: 'A-1', state: 'ready', citizenName: 'Lan' });
    expect(normalizeDate('3/1/2027')).toBe('2027-01-03');
  });
});

/**
 * A report as a table: what the CSV and XLSX exports write, cell for cell. Pure; the exports
 * (csv.export.ts, xlsx.export.ts) only encode. Values are what a spreadsheet should hold: numbers
 * as numbers, percentages as 0–100 with one decimal, local date-times as the centre's wall clock.
 */
import type { Language } from '../../protocol/index.ts';
import { zoneOffsetMs } from './periods.models.ts';

export type CellKind = 'text' | 'int' | 'number' | 'percent' | 'datetime';

export interface Column {
  header: string;
  kind: CellKind;
  /** Column width in characters (XLSX). */
  width?: number;
}

/** A `datetime` cell holds the wall clock of the centre (y, m, d, h, min, s), not an instant. */
export interface WallTime {
  wall: [number, number, number, number, number, number];
}

export type Cell = string | number | WallTime | null;

export interface ReportTable {
  /** The first line of the sheet; its name is this cut to 31 characters (Excel's limit). */
  title: string;
  /** Lines above the table in XLSX: centre, range, time zone. */
  caption: string[];
  columns: Column[];
  rows: Cell[][];
  /** A bold last row (totals), if any. */
  footer?: Cell[];
  /** The download's name without extension, ASCII. */
  fileName: string;
}

export const isWallTime = (c: Cell): c is WallTime => typeof c === 'object' && c !== null && 'wall' in c;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "dd/MM/yyyy HH:mm:ss", the Vietnamese order. */
export function formatWallTime(c: WallTime): string {
  const [y, m, d, h, min, s] = c.wall;
  return `${pad(d)}/${pad(m)}/${y} ${pad(h)}:${pad(min)}:${pad(s)}`;
}

const offsets = new Map<string, number>();

/**
 * The wall clock of `ms` in `timeZone`, as a datetime cell. Zone offsets only change on a
 * quarter hour, so the offset is looked up (Intl) once per quarter hour and zone: a month's
 * ticket log has 85 000 tickets and four times each.
 */
export function wallTime(ms: number | null, timeZone: string): WallTime | null {
  if (ms === null) return null;
  const key = `${timeZone} ${Math.floor(ms / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, (offset = zoneOffsetMs(ms, timeZone)));
  }
  const d = new Date(Math.floor(ms / 1000) * 1000 + offset);
  return { wall: [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()] };
}

/** A 0–1 share as a percentage with one decimal, or empty. */
export const percent = (fraction: number | null): number | null => (fraction === null ? null : Math.round(fraction * 1000) / 10);

/** "dd/MM/yyyy" of a local day. */
export const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export function caption(lang: Language, centreName: { vi: string; en: string }, from: string, to: string, timeZone: string): string[] {
  return lang === 'vi'
    ? [centreName.vi, `Từ ngày ${dmy(from)} đến ngày ${dmy(to)} (giờ ${timeZone})`]
    : [centreName.en, `From ${dmy(from)} to ${dmy(to)} (${timeZone} time)`];
}

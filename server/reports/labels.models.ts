/**
 * How report groups are named and ordered, in both languages, so the page, the CSV and the XLSX
 * say the same thing. Pure.
 */
import type { Counter, LocalizedText, Service, Staff } from '../../protocol/index.ts';
import { addDays, weekStart } from './periods.models.ts';

export type GroupBy = 'service' | 'counter' | 'staff' | 'day' | 'week' | 'month';

export interface CentreNames {
  services: readonly Service[];
  counters: readonly Counter[];
  staff: readonly Staff[];
}

const same = (text: string): LocalizedText => ({ vi: text, en: text });
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const dm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The name of a group key: a service's name, "Quầy 3", an officer, "16/03/2026", "Tuần 12/2026 (16/03–22/03)", "Tháng 03/2026". */
export function groupName(by: GroupBy, key: string, names: CentreNames): LocalizedText {
  switch (by) {
    case 'service':
      return names.services.find((s) => s.id === key)?.name ?? same(key || '—');
    case 'counter': {
      if (key === '') return { vi: 'Chưa đến quầy', en: 'Not at a counter' };
      const n = names.counters.find((c) => c.id === key)?.number;
      return n === undefined ? same(key) : { vi: `Quầy ${n}`, en: `Counter ${n}` };
    }
    case 'staff':
      if (key === '') return { vi: 'Không có cán bộ', en: 'No officer' };
      return same(names.staff.find((s) => s.id === key)?.name ?? key);
    case 'day':
      return same(dmy(key));
    case 'week': {
      // key is YYYY-Www; name it by its Monday–Sunday too.
      const [year, week] = key.split('-W');
      const monday = mondayOfIsoWeek(Number(year), Number(week));
      const span = `${dm(monday)}–${dm(addDays(monday, 6))}`;
      return { vi: `Tuần ${Number(week)}/${year} (${span})`, en: `Week ${Number(week)}/${year} (${span})` };
    }
    case 'month':
      return { vi: `Tháng ${key.slice(5, 7)}/${key.slice(0, 4)}`, en: `${MONTHS_EN[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}` };
  }
}

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January). */
export function mondayOfIsoWeek(year: number, week: number): string {
  return addDays(weekStart(`${year}-01-04`), (week - 1) * 7);
}

/**
 * Groups in the order people read them: services as the kiosk shows them, counters by number,
 * officers by name, periods in time order; "not at a counter" / "no officer" last.
 */
export function orderGroups<T extends { key: string }>(by: GroupBy, groups: readonly T[], names: CentreNames): T[] {
  const rank = (key: string): [number, string] => {
    if (key === '') return [Number.MAX_SAFE_INTEGER, ''];
    switch (by) {
      case 'service': {
        const s = names.services.find((x) => x.id === key);
        return [s ? s.sortOrder : Number.MAX_SAFE_INTEGER - 1, key];
      }
      case 'counter': {
        const c = names.counters.find((x) => x.id === key);
        return [c ? c.number : Number.MAX_SAFE_INTEGER - 1, key];
      }
      case 'staff':
        return [0, names.staff.find((x) => x.id === key)?.name ?? key];
      default:
        return [0, key];
    }
  };
  return [...groups].sort((a, b) => {
    const [ra, sa] = rank(a.key);
    const [rb, sb] = rank(b.key);
    return ra - rb || sa.localeCompare(sb, 'vi');
  });
}

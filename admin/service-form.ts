/**
 * The admin's service form (luot-admin-services.ts) as plain data: a Service shown as text
 * fields, turned back into the putService body, with hints before anything is sent.
 */
import type { Service, ServiceInput } from '../protocol/index.ts';
import { hintsOf, idHint, intOf, rangeHint, requiredHint, type FieldLabels, type Hint } from './admin-form.ts';

export interface ServiceForm {
  id: string;
  nameVi: string;
  nameEn: string;
  mode: 'prefix' | 'band';
  prefix: string;
  digits: string;
  start: string;
  end: string;
  sortOrder: string;
  active: boolean;
}

/** A new service goes after the others, numbered with a prefix of 3 digits (A001). */
export function newServiceForm(services: readonly Service[]): ServiceForm {
  const last = Math.max(-1, ...services.map((s) => s.sortOrder));
  return { id: '', nameVi: '', nameEn: '', mode: 'prefix', prefix: '', digits: '3', start: '', end: '', sortOrder: String(last + 1), active: true };
}

export function serviceFormOf(s: Service): ServiceForm {
  const n = s.numbering;
  return {
    id: s.id,
    nameVi: s.name.vi,
    nameEn: s.name.en,
    mode: n.mode,
    prefix: n.mode === 'prefix' ? n.prefix : '',
    digits: n.mode === 'prefix' ? String(n.digits) : '3',
    start: n.mode === 'band' ? String(n.start) : '',
    end: n.mode === 'band' ? String(n.end) : '',
    sortOrder: String(s.sortOrder),
    active: s.active,
  };
}

export function serviceBody(f: ServiceForm): ServiceInput {
  return {
    name: { vi: f.nameVi.trim(), en: f.nameEn.trim() },
    numbering:
      f.mode === 'prefix'
        ? { mode: 'prefix', prefix: f.prefix.trim().toUpperCase(), digits: intOf(f.digits) }
        : { mode: 'band', start: intOf(f.start), end: intOf(f.end) },
    sortOrder: intOf(f.sortOrder),
    active: f.active,
  };
}

/** What to fix before saving; `takenIds` only matters for a new service. */
export function serviceHints(f: ServiceForm, isNew: boolean, takenIds: readonly string[]): Hint[] {
  const numbering =
    f.mode === 'prefix'
      ? [
          /^[A-Z]{1,2}$/.test(f.prefix.trim().toUpperCase()) ? null : { field: 'numbering.prefix', key: 'admin.hint.prefix' as const },
          rangeHint('numbering.digits', f.digits, 1, 5),
        ]
      : [
          rangeHint('numbering.start', f.start, 1, 999_999),
          rangeHint('numbering.end', f.end, 1, 999_999),
          intOf(f.start) > intOf(f.end) ? { field: 'numbering.end', key: 'admin.hint.bandOrder' as const } : null,
        ];
  return hintsOf(
    isNew ? idHint('serviceId', f.id, takenIds) : null,
    requiredHint('name.vi', f.nameVi),
    requiredHint('name.en', f.nameEn),
    ...numbering,
    rangeHint('sortOrder', f.sortOrder, 0, 999),
  );
}

/** Labels of the putService body paths (and `serviceId`, the path's), for hints and API validation errors. */
export const serviceFieldLabels: FieldLabels = {
  'name.vi': 'admin.services.nameVi',
  'name.en': 'admin.services.nameEn',
  'numbering.prefix': 'admin.services.prefix',
  'numbering.digits': 'admin.services.digits',
  'numbering.start': 'admin.services.start',
  'numbering.end': 'admin.services.end',
  numbering: 'admin.services.numbering',
  sortOrder: 'admin.services.order',
  serviceId: 'admin.services.id',
};

/** "A001–A999" or "1001–1999": how a service numbers its tickets, for the list. */
export function numberingText(s: Service): string {
  const n = s.numbering;
  if (n.mode === 'band') return `${n.start}–${n.end}`;
  const pad = (k: number) => String(k).padStart(n.digits, '0');
  return `${n.prefix}${pad(1)}–${n.prefix}${'9'.repeat(n.digits)}`;
}

/**
 * The province administrator's centre form (luot-admin-centres.ts, issue #13) as plain data: a
 * new centre copied from a template, or the name, address and time zone of one, turned into the
 * createCentre / updateCentre bodies, with hints before anything is sent.
 */
import { isTimeZone, type Centre, type CreateCentreRequest, type UpdateCentreBody } from '../protocol/index.ts';
import { hintsOf, requiredHint, slugOf, type FieldLabels, type Hint } from './admin-form.ts';

/** Every Vietnamese centre's zone (UTC+7, no daylight saving): the default. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Offered in the time zone field's list; any IANA zone may be typed. */
export const SUGGESTED_TIME_ZONES: readonly string[] = [DEFAULT_TIME_ZONE, 'Asia/Bangkok', 'UTC'];

/** Same rule as protocol/province.schemas.ts CentreSlugSchema. */
const CENTRE_ID = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;
const MAX_ADDRESS = 300;

export interface CentreForm {
  id: string;
  nameVi: string;
  nameEn: string;
  address: string;
  timeZone: string;
  /** For a new centre: whose services, counters and settings it copies. */
  templateCentreId: string;
}

/** A centre id from its Vietnamese name: "Xã Tân Phú" → "xa-tan-phu" (at most 48 characters). */
export const centreIdOf = (nameVi: string): string => slugOf(nameVi).slice(0, 48).replace(/-+$/, '');

/** A new centre: copied from the admin's own centre when it is listed, else the first one. */
export function newCentreForm(centres: readonly Centre[], homeCentreId: string | null): CentreForm {
  const template = centres.find((c) => c.id === homeCentreId) ?? centres[0];
  return { id: '', nameVi: '', nameEn: '', address: '', timeZone: template?.timeZone ?? DEFAULT_TIME_ZONE, templateCentreId: template?.id ?? '' };
}

export function centreFormOf(c: Centre): CentreForm {
  return { id: c.id, nameVi: c.name.vi, nameEn: c.name.en, address: c.address ?? '', timeZone: c.timeZone, templateCentreId: '' };
}

const named = (f: CentreForm) => ({ name: { vi: f.nameVi.trim(), en: f.nameEn.trim() }, address: f.address.trim(), timeZone: f.timeZone.trim() });

export const createCentreBody = (f: CentreForm): CreateCentreRequest => ({ id: f.id.trim(), ...named(f), templateCentreId: f.templateCentreId });

export const updateCentreBody = (f: CentreForm): UpdateCentreBody => named(f);

/** What to fix before saving; the id and template only matter for a new centre. */
export function centreHints(f: CentreForm, isNew: boolean, centres: readonly Centre[]): Hint[] {
  const ids = centres.map((c) => c.id);
  const id = f.id.trim();
  return hintsOf(
    isNew && !CENTRE_ID.test(id) ? { field: 'id', key: 'admin.hint.centreId' } : null,
    isNew && CENTRE_ID.test(id) && ids.includes(id) ? { field: 'id', key: 'admin.hint.idTaken' } : null,
    requiredHint('name.vi', f.nameVi),
    requiredHint('name.en', f.nameEn),
    f.address.trim().length > MAX_ADDRESS ? { field: 'address', key: 'admin.hint.range', params: { min: 0, max: MAX_ADDRESS } } : null,
    isTimeZone(f.timeZone.trim()) ? null : { field: 'timeZone', key: 'admin.hint.timeZone' },
    isNew && !ids.includes(f.templateCentreId) ? { field: 'templateCentreId', key: 'admin.hint.template' } : null,
  );
}

/** Labels of the createCentre / updateCentre body paths, for hints and API validation errors. */
export const centreFieldLabels: FieldLabels = {
  id: 'admin.centres.id',
  'name.vi': 'admin.centres.nameVi',
  'name.en': 'admin.centres.nameEn',
  address: 'admin.centres.address',
  timeZone: 'admin.centres.timeZone',
  templateCentreId: 'admin.centres.template',
};

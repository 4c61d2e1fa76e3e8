/**
 * The admin's centre settings form (luot-admin-settings.ts) as plain data: calling policy,
 * priority groups, limits and kiosk rate, shown as text fields and turned back into the
 * putSettings body, with hints before anything is sent.
 */
import type { CentreSettings } from '../protocol/index.ts';
import { hintsOf, ID_PATTERN, intOf, rangeHint, requiredHint, slugOf, type FieldLabels, type Hint } from './admin-form.ts';

export interface GroupForm {
  id: string;
  vi: string;
  en: string;
  active: boolean;
}

export interface SettingsForm {
  mode: 'strict' | 'interleaved';
  normalPerPriority: string;
  groups: GroupForm[];
  maxWaitMinutes: string;
  maxRecalls: string;
  carryOver: boolean;
  defaultServiceMinutes: string;
  kioskBurst: string;
  kioskPerMinute: string;
  ratingScale: 3 | 4;
  ratingWindowSeconds: string;
}

/** The numeric settings with their bounds (protocol/settings.schemas.ts). */
export const LIMITS = {
  normalPerPriority: [1, 20],
  maxWaitMinutes: [5, 600],
  maxRecalls: [0, 10],
  defaultServiceMinutes: [1, 120],
  kioskBurst: [1, 100],
  kioskPerMinute: [1, 600],
  ratingWindowSeconds: [10, 600],
} as const;

export function settingsFormOf(s: CentreSettings): SettingsForm {
  return {
    mode: s.priorityPolicy.mode,
    normalPerPriority: String(s.priorityPolicy.mode === 'interleaved' ? s.priorityPolicy.normalPerPriority : 3),
    groups: s.priorityGroups.map((g) => ({ id: g.id, vi: g.name.vi, en: g.name.en, active: g.active })),
    maxWaitMinutes: String(s.maxWaitMinutes),
    maxRecalls: String(s.maxRecalls),
    carryOver: s.carryOver,
    defaultServiceMinutes: String(s.defaultServiceMinutes),
    kioskBurst: String(s.kioskBurst),
    kioskPerMinute: String(s.kioskPerMinute),
    ratingScale: s.ratingScale,
    ratingWindowSeconds: String(s.ratingWindowSeconds),
  };
}

/**
 * The putSettings body: what the form edits over the settings it was opened with, so keys it
 * does not show (the displays' settings, keys added later) are sent back unchanged rather than
 * reset to their defaults.
 */
export function settingsBody(f: SettingsForm, base: CentreSettings): CentreSettings {
  return {
    ...base,
    priorityPolicy: f.mode === 'strict' ? { mode: 'strict' } : { mode: 'interleaved', normalPerPriority: intOf(f.normalPerPriority) },
    priorityGroups: f.groups.map((g) => ({ id: g.id.trim(), name: { vi: g.vi.trim(), en: g.en.trim() }, active: g.active })),
    maxWaitMinutes: intOf(f.maxWaitMinutes),
    maxRecalls: intOf(f.maxRecalls),
    carryOver: f.carryOver,
    defaultServiceMinutes: intOf(f.defaultServiceMinutes),
    kioskBurst: intOf(f.kioskBurst),
    kioskPerMinute: intOf(f.kioskPerMinute),
    ratingScale: f.ratingScale,
    ratingWindowSeconds: intOf(f.ratingWindowSeconds),
  };
}

/** A group's Vietnamese name typed into a new row also names its id, until the id is typed itself. */
export function renameGroup(g: GroupForm, vi: string, isNew: boolean): GroupForm {
  const autoId = isNew && (g.id === '' || g.id === slugOf(g.vi));
  return { ...g, vi, id: autoId ? slugOf(vi) : g.id };
}

export function settingsHints(f: SettingsForm): Hint[] {
  const range = (field: keyof typeof LIMITS, path: string = field) => rangeHint(path, f[field], LIMITS[field][0], LIMITS[field][1]);
  const ids = f.groups.map((g) => g.id.trim());
  return hintsOf(
    f.mode === 'interleaved' ? range('normalPerPriority', 'priorityPolicy.normalPerPriority') : null,
    range('maxWaitMinutes'),
    range('maxRecalls'),
    range('defaultServiceMinutes'),
    range('kioskBurst'),
    range('kioskPerMinute'),
    range('ratingWindowSeconds'),
    f.groups.length > 20 ? { field: 'priorityGroups', key: 'admin.hint.tooManyGroups' } : null,
    ...f.groups.flatMap((g, i) => [
      !ID_PATTERN.test(ids[i]!) ? { field: `priorityGroups.${i}.id`, key: 'admin.hint.id' as const } : null,
      ids.indexOf(ids[i]!) !== i ? { field: `priorityGroups.${i}.id`, key: 'admin.hint.idTaken' as const } : null,
      requiredHint(`priorityGroups.${i}.name.vi`, g.vi),
      requiredHint(`priorityGroups.${i}.name.en`, g.en),
    ]),
  );
}

/** Labels of the putSettings body paths, for hints and API validation errors. */
export const settingsFieldLabels: FieldLabels = {
  priorityPolicy: 'admin.settings.policy',
  'priorityPolicy.normalPerPriority': 'admin.settings.normalPerPriority',
  priorityGroups: 'admin.settings.groups',
  maxWaitMinutes: 'admin.settings.maxWaitMinutes',
  maxRecalls: 'admin.settings.maxRecalls',
  carryOver: 'admin.settings.carryOver',
  defaultServiceMinutes: 'admin.settings.defaultServiceMinutes',
  kioskBurst: 'admin.settings.kioskBurst',
  kioskPerMinute: 'admin.settings.kioskPerMinute',
  ratingScale: 'admin.settings.ratingScale',
  ratingWindowSeconds: 'admin.settings.ratingWindowSeconds',
};

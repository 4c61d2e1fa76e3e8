/**
 * The admin page's display settings (issue #15: the scrolling notice, the voice and its dialect,
 * the hall profiles existed only in the API): the form's text fields and the body they make.
 * DOM-free, tested in node.
 */
import type { AnnouncementSettings, DisplaySettings } from '../protocol/index.ts';
import { hintsOf, ID_PATTERN, rangeHint, requiredHint, type FieldLabels, type Hint } from './admin-form.ts';

export interface ProfileForm {
  id: string;
  name: string;
  serviceIds: string[];
  counterIds: string[];
  announce: boolean;
}

export interface DisplayForm {
  noticeVi: string;
  noticeEn: string;
  announce: boolean;
  dialect: AnnouncementSettings['dialect'];
  voice: AnnouncementSettings['voice'];
  numberReading: AnnouncementSettings['numberReading'];
  repeat: string;
  chime: boolean;
  recentCalls: string;
  showOfficerName: boolean;
  profiles: ProfileForm[];
}

export function displayFormOf(d: DisplaySettings): DisplayForm {
  const a = d.announcement;
  return {
    noticeVi: d.notice.vi,
    noticeEn: d.notice.en,
    announce: a.enabled,
    dialect: a.dialect,
    voice: a.voice,
    numberReading: a.numberReading,
    repeat: String(a.repeat),
    chime: a.chime,
    recentCalls: String(d.recentCalls),
    showOfficerName: d.showOfficerName,
    profiles: d.profiles.map((p) => ({ id: p.id, name: p.name, serviceIds: [...p.serviceIds], counterIds: [...p.counterIds], announce: p.announce })),
  };
}

/** The `display` settings the form makes, over the ones it was opened with (logo, theme and keys it does not show stay). */
export function displayBody(f: DisplayForm, base: DisplaySettings): DisplaySettings {
  return {
    ...base,
    notice: { vi: f.noticeVi.trim(), en: f.noticeEn.trim() },
    announcement: {
      ...base.announcement,
      enabled: f.announce,
      dialect: f.dialect,
      voice: f.voice,
      numberReading: f.numberReading,
      repeat: Number(f.repeat),
      chime: f.chime,
    },
    recentCalls: Number(f.recentCalls),
    showOfficerName: f.showOfficerName,
    profiles: f.profiles.map((p) => ({ id: p.id.trim(), name: p.name.trim(), serviceIds: p.serviceIds, counterIds: p.counterIds, announce: p.announce })),
  };
}

export function displayHints(f: DisplayForm): Hint[] {
  const ids = f.profiles.map((p) => p.id.trim());
  return hintsOf(
    rangeHint('display.recentCalls', f.recentCalls, 0, 9),
    rangeHint('display.announcement.repeat', f.repeat, 1, 3),
    f.noticeVi.length > 500 ? { field: 'display.notice.vi', key: 'admin.hint.tooLong' } : null,
    f.noticeEn.length > 500 ? { field: 'display.notice.en', key: 'admin.hint.tooLong' } : null,
    ...f.profiles.flatMap((p, i) => [
      !ID_PATTERN.test(ids[i]!) ? { field: `display.profiles.${i}.id`, key: 'admin.hint.id' as const } : null,
      ids.indexOf(ids[i]!) !== i ? { field: `display.profiles.${i}.id`, key: 'admin.hint.idTaken' as const } : null,
      requiredHint(`display.profiles.${i}.name`, p.name),
    ]),
  );
}

export const displayFieldLabels: FieldLabels = {
  display: 'admin.display.title',
  'display.notice.vi': 'admin.display.noticeVi',
  'display.notice.en': 'admin.display.noticeEn',
  'display.recentCalls': 'admin.display.recentCalls',
  'display.announcement.repeat': 'admin.display.repeat',
  'display.profiles': 'admin.display.profiles',
};

/** A new profile's row: the admin names it, then ticks its services and counters. */
export const newProfile = (n: number): ProfileForm => ({ id: `sanh-${n}`, name: '', serviceIds: [], counterIds: [], announce: true });

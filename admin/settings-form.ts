/**
 * The admin's centre settings form (luot-admin-settings.ts) as plain data: calling policy,
 * priority groups, limits and kiosk rate, shown as text fields and turned back into the
 * putSettings body, with hints before anything is sent.
 */
import type { CentreSettings, KioskClosedServices, TicketCopies } from '../protocol/index.ts';
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
  kioskClosedServices: KioskClosedServices;
  /** Issue #15: large print on the kiosk and the ticket; the ticket's copies (docs/large-print.md). */
  largePrint: boolean;
  ticketCopies: TicketCopies;
  ratingScale: 3 | 4;
  ratingWindowSeconds: string;
  alerts: AlertsForm;
}

/**
 * SLA alerts (issue #14, docs/alerts.md): the general limits, per-service overrides (an empty
 * field follows the general limit; 0 switches the rule off for that service) and the webhook.
 */
export interface AlertsForm {
  waitDefault: string;
  queueDefault: string;
  idle: string;
  noOpenCounter: string;
  webhookUrl: string;
  /** By service id; '' = the general limit. */
  waitByService: Record<string, string>;
  queueByService: Record<string, string>;
}

/** The alert limits' bounds (protocol/alerts.schemas.ts). */
export const ALERT_LIMITS = { wait: [0, 600], queue: [0, 10_000], idle: [0, 600], noOpenCounter: [0, 600] } as const;

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

export function alertsFormOf(a: CentreSettings['alerts']): AlertsForm {
  const texts = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]));
  return {
    waitDefault: String(a.maxWaitMinutes.default),
    queueDefault: String(a.maxQueueLength.default),
    idle: String(a.maxIdleMinutes),
    noOpenCounter: String(a.noOpenCounterMinutes),
    webhookUrl: a.webhookUrl ?? '',
    waitByService: texts(a.maxWaitMinutes.services),
    queueByService: texts(a.maxQueueLength.services),
  };
}

export function alertsBody(f: AlertsForm): CentreSettings['alerts'] {
  const numbers = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).flatMap(([k, v]) => (v.trim() === '' ? [] : [[k, intOf(v)]])));
  return {
    maxWaitMinutes: { default: intOf(f.waitDefault), services: numbers(f.waitByService) },
    maxQueueLength: { default: intOf(f.queueDefault), services: numbers(f.queueByService) },
    maxIdleMinutes: intOf(f.idle),
    noOpenCounterMinutes: intOf(f.noOpenCounter),
    webhookUrl: f.webhookUrl.trim() === '' ? null : f.webhookUrl.trim(),
  };
}

function alertsHints(f: AlertsForm): (Hint | null)[] {
  const [wMin, wMax] = ALERT_LIMITS.wait;
  const [qMin, qMax] = ALERT_LIMITS.queue;
  const overrides = (r: Record<string, string>, path: string, min: number, max: number) =>
    Object.entries(r).map(([id, v]) => (v.trim() === '' ? null : rangeHint(`alerts.${path}.services.${id}`, v, min, max)));
  return [
    rangeHint('alerts.maxWaitMinutes.default', f.waitDefault, wMin, wMax),
    rangeHint('alerts.maxQueueLength.default', f.queueDefault, qMin, qMax),
    rangeHint('alerts.maxIdleMinutes', f.idle, ...ALERT_LIMITS.idle),
    rangeHint('alerts.noOpenCounterMinutes', f.noOpenCounter, ...ALERT_LIMITS.noOpenCounter),
    ...overrides(f.waitByService, 'maxWaitMinutes', wMin, wMax),
    ...overrides(f.queueByService, 'maxQueueLength', qMin, qMax),
    f.webhookUrl.trim() === '' || HTTP_URL.test(f.webhookUrl.trim()) ? null : { field: 'alerts.webhookUrl', key: 'admin.hint.url' },
  ];
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
    kioskClosedServices: s.kioskClosedServices,
    largePrint: s.largePrint,
    ticketCopies: s.ticketCopies,
    ratingScale: s.ratingScale,
    ratingWindowSeconds: String(s.ratingWindowSeconds),
    alerts: alertsFormOf(s.alerts),
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
    kioskClosedServices: f.kioskClosedServices,
    largePrint: f.largePrint,
    ticketCopies: f.ticketCopies,
    ratingScale: f.ratingScale,
    ratingWindowSeconds: intOf(f.ratingWindowSeconds),
    alerts: alertsBody(f.alerts),
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
    ...alertsHints(f.alerts),
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
  kioskClosedServices: 'admin.settings.kioskClosedServices',
  largePrint: 'admin.settings.largePrint',
  ticketCopies: 'admin.settings.ticketCopies',
  ratingScale: 'admin.settings.ratingScale',
  ratingWindowSeconds: 'admin.settings.ratingWindowSeconds',
  alerts: 'admin.alerts.title',
  'alerts.maxWaitMinutes': 'admin.alerts.waitDefault',
  'alerts.maxQueueLength': 'admin.alerts.queueDefault',
  'alerts.maxWaitMinutes.services': 'admin.alerts.waitOverride',
  'alerts.maxQueueLength.services': 'admin.alerts.queueOverride',
  'alerts.maxIdleMinutes': 'admin.alerts.idle',
  'alerts.noOpenCounterMinutes': 'admin.alerts.noOpenCounter',
  'alerts.webhookUrl': 'admin.alerts.webhookUrl',
};

/**
 * What a display page takes from its address (docs/displays.md), beside the common `?centre=`,
 * `?lang=` and `?pair=` (web-shared/client/page-params.ts, session.ts):
 * - `/display/counter/<n>`: the small screen above counter number n;
 * - `?profile=<id>`: a named display profile of the centre's settings (which services, counters);
 * - `?services=a,b` and `?counters=quay-1,quay-2` (ids, or counter numbers: `?counters=1,2`);
 * - `?voice=auto|speech|clips|off|silent` (silent: announces without sound, for tests);
 * - `?layout=landscape|portrait` (default: the screen's shape); `?calls=<n>` previous calls listed;
 * - `?pageSeconds=<n>`: how long each page of a waiting list too long for the screen stays (2–60, default 8).
 * DOM-free, tested in node.
 */
export const VOICE_MODES = ['auto', 'speech', 'clips', 'off', 'silent'] as const;
export type VoiceMode = (typeof VOICE_MODES)[number];
export type Layout = 'landscape' | 'portrait';

export interface DisplayParams {
  /** From `/display/counter/<n>`: this page is the counter display of counter number n. */
  counterNumber: number | null;
  profile: string | null;
  /** Null when the address does not restrict them. */
  services: string[] | null;
  counters: string[] | null;
  voice: VoiceMode | null;
  layout: Layout | null;
  calls: number | null;
  pageSeconds: number | null;
}

const list = (value: string | null): string[] | null => {
  if (value === null) return null;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z0-9_-]{1,64}$/.test(s));
  return items.length > 0 ? items : null;
};

/** `/display/counter/3` (trailing slash allowed) → 3; anything else → null. */
export function counterNumberFromPath(pathname: string): number | null {
  const m = /^\/display\/counter\/(\d{1,3})\/?$/.exec(pathname);
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

export function readDisplayParams(pathname: string, search: string): DisplayParams {
  const q = new URLSearchParams(search);
  const voice = q.get('voice');
  const layout = q.get('layout');
  const calls = Number(q.get('calls'));
  const pageSeconds = Number(q.get('pageSeconds'));
  return {
    counterNumber: counterNumberFromPath(pathname),
    profile: q.get('profile')?.trim() || null,
    services: list(q.get('services')),
    counters: list(q.get('counters')),
    voice: (VOICE_MODES as readonly string[]).includes(voice ?? '') ? (voice as VoiceMode) : null,
    layout: layout === 'landscape' || layout === 'portrait' ? layout : null,
    calls: q.has('calls') && Number.isInteger(calls) && calls >= 0 ? Math.min(calls, 9) : null,
    pageSeconds: q.has('pageSeconds') && Number.isInteger(pageSeconds) && pageSeconds >= 2 && pageSeconds <= 60 ? pageSeconds : null,
  };
}

/**
 * What a page takes from its URL, so one build serves every centre and screen:
 * `?centre=<id>` (default: the first centre), `?lang=en` (default Vietnamese),
 * `?return=<seconds>` (kiosk: how long a ticket stays on screen), `?counter=<id>` (display: the
 * screen above one counter instead of the hall). DOM-free.
 */
import type { Language } from '../../protocol/index.ts';
import { parseLanguage } from '../i18n/i18n.ts';

export interface PageParams {
  centre: string | null;
  lang: Language;
  /** Null when absent or not a positive number; the page applies its own default. */
  returnSeconds: number | null;
  /** A counter id: display.html then shows that counter only. */
  counter: string | null;
}

export function readPageParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const centre = q.get('centre')?.trim() || null;
  const seconds = Number(q.get('return'));
  return {
    centre,
    lang: parseLanguage(q.get('lang')),
    // Capped at an hour: a typo must not leave one citizen's ticket on the kiosk all day.
    returnSeconds: q.has('return') && Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) : null,
    counter: q.get('counter')?.trim() || null,
  };
}

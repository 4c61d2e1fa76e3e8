/** The booking page's small rules (DOM-free, tested in node). */

/** `/booking/<centre id>` → the id; anything else → null. */
export function centreFromPath(path: string): string | null {
  const m = /^\/booking\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path);
  return m ? m[1]! : null;
}

/** The link that cancels an appointment: the booking page of its centre with `?cancel=<code>`. */
export function cancelUrl(origin: string, centreId: string, code: string, lang: 'vi' | 'en' = 'vi'): string {
  const url = new URL(`/booking/${encodeURIComponent(centreId)}`, origin);
  url.searchParams.set('cancel', code);
  if (lang !== 'vi') url.searchParams.set('lang', lang);
  return url.toString();
}

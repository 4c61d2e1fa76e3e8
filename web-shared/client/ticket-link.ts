/**
 * The citizen's status page lives at /t/<ticket id> (server/http/static.routes.ts). The ticket
 * id is random and unguessable, so the link itself is the only key; nothing personal is shown.
 */

/** The same rule as protocol IdSchema, without pulling zod into the page for one regex. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** "/t/<id>": the path printed on the ticket (and, with the printing issue, its QR code). */
export const statusPath = (ticketId: string): string => `/t/${encodeURIComponent(ticketId)}`;

/** The full link for a page served from `origin` (e.g. "http://192.168.1.10:3000"). */
export const statusUrl = (origin: string, ticketId: string): string => `${origin.replace(/\/+$/, '')}${statusPath(ticketId)}`;

/** The ticket id of a /t/<id> path (a trailing slash is tolerated), or null when it is not one. */
export function ticketIdFromPath(pathname: string): string | null {
  const match = /^\/t\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return ID.test(id) ? id : null;
}

import { DEMO_PASSWORD, DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';

/**
 * Who a test request acts as: a demo account (logged in with its session cookie), a demo device
 * (its bearer token), or nobody. `admin`, `manager` and `staff` name the demo accounts of those
 * roles (admin, ha, lan).
 */
export type Who =
  'admin' | 'manager' | 'staff' | 'ha' | 'lan' | 'hung' | 'tuan' | 'kiosk' | 'display' | 'bridge' | 'rating-screen' | 'integration' | 'anonymous';

export const usernameOf: Partial<Record<Who, string>> = {
  admin: 'admin',
  manager: 'ha',
  staff: 'lan',
  ha: 'ha',
  lan: 'lan',
  hung: 'hung',
  tuan: 'tuan',
};

export const deviceTokenOf: Partial<Record<Who, string>> = {
  kiosk: DEMO_TOKENS.kiosk,
  display: DEMO_TOKENS.display,
  bridge: DEMO_TOKENS.bridge,
  /** Counter quay-1's rating screen. */
  'rating-screen': DEMO_TOKENS['rating-screen'],
  integration: DEMO_TOKENS.integration,
};

/** The `name=value` pair of the session cookie in a login answer's Set-Cookie. */
export function sessionCookieOf(res: Response): string {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('luot_session='));
  if (!header) throw new Error(`no session cookie in the answer (${res.status})`);
  return header.split(';')[0]!;
}

/** Logs in and returns the headers a same-origin browser would send with the cookie. */
export async function loginHeaders(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<{ cookie: string; origin: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  // Origin: state changes made with the cookie must come from our own origin (CSRF check).
  return { cookie: sessionCookieOf(res), origin: baseUrl };
}

/** Caches one session per account for a server. */
export function credentialsFor(baseUrl: string) {
  const sessions = new Map<string, Promise<Record<string, string>>>();
  return async (who: Who): Promise<Record<string, string>> => {
    if (who === 'anonymous') return {};
    const token = deviceTokenOf[who];
    if (token) return { authorization: `Bearer ${token}` };
    const username = usernameOf[who]!;
    let headers = sessions.get(username);
    if (!headers) {
      headers = loginHeaders(baseUrl, username);
      sessions.set(username, headers);
      headers.catch(() => sessions.delete(username));
    }
    return headers;
  };
}

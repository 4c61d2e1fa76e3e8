/**
 * How a kiosk or display proves what it is: a device token (`luot_<id>.<secret>`, made by an
 * admin), opened once as `?pair=<token>` on the device. The token then lives in the browser's
 * localStorage and leaves the URL, so it does not stay in the address bar, the history or a
 * screenshot. Staff pages use the session cookie instead and never send a device token.
 * DOM-free behind a small environment, so it is tested in node.
 */
export const DEVICE_TOKEN_KEY = 'luot.deviceToken';
/**
 * A rating screen keeps its token under its own key: it is often a second screen of the counter
 * PC, whose browser may be paired as that counter's display too (issue #10).
 */
export const RATING_SCREEN_TOKEN_KEY = 'luot.ratingScreenToken';
const TOKEN_RE = /^luot_[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,128}$/;

export interface PageEnv {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Replaces the address without a reload (history.replaceState). */
  replaceUrl(url: string): void;
}

function browserEnv(): PageEnv | null {
  if (typeof location === 'undefined') return null;
  let storage: PageEnv['storage'] = null;
  try {
    storage = localStorage;
  } catch {
    // Storage disabled: the token works for this page load only.
  }
  return { href: location.href, storage, replaceUrl: (url) => history.replaceState(history.state, '', url) };
}

/** Tokens kept for this page load only (storage unavailable), by storage key. */
const pageOnly = new Map<string, string>();

/**
 * Takes `?pair=` from the address (keeping it and removing it from the URL) and returns the
 * device token this page should use: the new one, or the one paired before, or null.
 */
export function pairFromUrl(env: PageEnv | null = browserEnv(), key: string = DEVICE_TOKEN_KEY): string | null {
  if (!env) return null;
  const url = new URL(env.href);
  const offered = url.searchParams.get('pair');
  if (offered !== null) {
    url.searchParams.delete('pair');
    env.replaceUrl(url.pathname + (url.search === '?' ? '' : url.search) + url.hash);
    keepDeviceToken(offered, env, key);
  }
  return pairedDeviceToken(env, key);
}

/**
 * Keeps a device token on this browser as `?pair=` does: localStorage, or this page load only when
 * storage is unavailable. A short pairing code (web-shared/ui/luot-pairing.ts) ends here too.
 * False for something that is not a device token.
 */
export function keepDeviceToken(token: string, env: PageEnv | null = browserEnv(), key: string = DEVICE_TOKEN_KEY): boolean {
  if (!TOKEN_RE.test(token)) return false;
  pageOnly.set(key, token);
  try {
    env?.storage?.setItem(key, token);
  } catch {
    // Quota or privacy mode: keep it for this page load.
  }
  return true;
}

/** The device token paired on this browser, if any. */
export function pairedDeviceToken(env: PageEnv | null = browserEnv(), key: string = DEVICE_TOKEN_KEY): string | null {
  let stored: string | null = null;
  try {
    stored = env?.storage?.getItem(key) ?? null;
  } catch {
    stored = null;
  }
  return stored && TOKEN_RE.test(stored) ? stored : (pageOnly.get(key) ?? null);
}

/** Unpairs this browser (e.g. before pairing it as another device). */
export function forgetDeviceToken(env: PageEnv | null = browserEnv(), key: string = DEVICE_TOKEN_KEY): void {
  pageOnly.delete(key);
  try {
    env?.storage?.removeItem(key);
  } catch {
    // nothing stored
  }
}

/** The Authorization header of a device token. */
export const bearerHeader = (token: string | null | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/**
 * How a kiosk or display proves what it is: a device token (`luot_<id>.<secret>`, made by an
 * admin), opened once as `?pair=<token>` on the device. The token then lives in the browser's
 * localStorage and leaves the URL, so it does not stay in the address bar, the history or a
 * screenshot. Staff pages use the session cookie instead and never send a device token.
 * DOM-free behind a small environment, so it is tested in node.
 */
export const DEVICE_TOKEN_KEY = 'luot.deviceToken';
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

let pageOnly: string | null = null;

/**
 * Takes `?pair=` from the address (keeping it and removing it from the URL) and returns the
 * device token this page should use: the new one, or the one paired before, or null.
 */
export function pairFromUrl(env: PageEnv | null = browserEnv()): string | null {
  if (!env) return null;
  const url = new URL(env.href);
  const offered = url.searchParams.get('pair');
  if (offered !== null) {
    url.searchParams.delete('pair');
    env.replaceUrl(url.pathname + (url.search === '?' ? '' : url.search) + url.hash);
    if (TOKEN_RE.test(offered)) {
      pageOnly = offered;
      try {
        env.storage?.setItem(DEVICE_TOKEN_KEY, offered);
      } catch {
        // Quota or privacy mode: keep it for this page load.
      }
    }
  }
  return pairedDeviceToken(env);
}

/** The device token paired on this browser, if any. */
export function pairedDeviceToken(env: PageEnv | null = browserEnv()): string | null {
  let stored: string | null = null;
  try {
    stored = env?.storage?.getItem(DEVICE_TOKEN_KEY) ?? null;
  } catch {
    stored = null;
  }
  return stored && TOKEN_RE.test(stored) ? stored : pageOnly;
}

/** Unpairs this browser (e.g. before pairing it as another device). */
export function forgetDeviceToken(env: PageEnv | null = browserEnv()): void {
  pageOnly = null;
  try {
    env?.storage?.removeItem(DEVICE_TOKEN_KEY);
  } catch {
    // nothing stored
  }
}

/** The Authorization header of a device token. */
export const bearerHeader = (token: string | null | undefined): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

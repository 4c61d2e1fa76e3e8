import { beforeEach, describe, expect, it } from 'vitest';
import {
  bearerHeader,
  DEVICE_TOKEN_KEY,
  forgetDeviceToken,
  pairedDeviceToken,
  pairFromUrl,
  RATING_SCREEN_TOKEN_KEY,
  type PageEnv,
} from '../../../web-shared/client/session.ts';

function page(href: string, stored: Record<string, string> = {}) {
  const data = new Map(Object.entries(stored));
  const urls: string[] = [];
  const env: PageEnv = {
    href,
    storage: {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    },
    replaceUrl: (url) => urls.push(url),
  };
  return { env, data, urls };
}

describe('device pairing (?pair=)', () => {
  // The page-load fallback is module state, as it is per page in a browser.
  beforeEach(() => {
    forgetDeviceToken(null);
    forgetDeviceToken(null, RATING_SCREEN_TOKEN_KEY);
  });

  it('keeps the token from the address and takes it out of the URL, other parameters kept', () => {
    const { env, data, urls } = page('http://luot.local:3000/display?centre=demo&pair=luot_abc.s3cret&lang=en#top');
    expect(pairFromUrl(env)).toBe('luot_abc.s3cret');
    expect(data.get(DEVICE_TOKEN_KEY)).toBe('luot_abc.s3cret');
    expect(urls).toEqual(['/display?centre=demo&lang=en#top']);
  });

  it("keeps a rating screen's token apart from the browser's display or kiosk token (issue #10)", () => {
    const { env, data } = page('http://x/rate/quay-1?pair=luot_rate.s3cret', { [DEVICE_TOKEN_KEY]: 'luot_display.one' });
    expect(pairFromUrl(env, RATING_SCREEN_TOKEN_KEY)).toBe('luot_rate.s3cret');
    expect(data.get(RATING_SCREEN_TOKEN_KEY)).toBe('luot_rate.s3cret');
    expect(pairedDeviceToken(env)).toBe('luot_display.one');
    forgetDeviceToken(env, RATING_SCREEN_TOKEN_KEY);
    expect(pairedDeviceToken(env, RATING_SCREEN_TOKEN_KEY)).toBeNull();
    expect(pairedDeviceToken(env)).toBe('luot_display.one');
  });

  it('uses the stored token on later loads, and a new ?pair= replaces it', () => {
    const later = page('http://x/kiosk', { [DEVICE_TOKEN_KEY]: 'luot_old.one' });
    expect(pairFromUrl(later.env)).toBe('luot_old.one');
    expect(later.urls).toEqual([]);
    const repaired = page('http://x/kiosk?pair=luot_new.two', { [DEVICE_TOKEN_KEY]: 'luot_old.one' });
    expect(pairFromUrl(repaired.env)).toBe('luot_new.two');
    expect(repaired.urls).toEqual(['/kiosk']);
  });

  it('ignores a malformed token but still cleans the address', () => {
    const { env, data, urls } = page('http://x/kiosk?pair=%3Cscript%3E');
    expect(pairFromUrl(env)).toBeNull();
    expect(data.size).toBe(0);
    expect(urls).toEqual(['/kiosk']);
  });

  it('works for the page load when storage refuses to keep it', () => {
    const { env, urls } = page('http://x/display?pair=luot_tmp.only');
    env.storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(pairFromUrl(env)).toBe('luot_tmp.only');
    expect(urls).toEqual(['/display']);
    forgetDeviceToken(env);
    expect(pairedDeviceToken(env)).toBeNull();
  });

  it('has no token outside a browser, and forgets on request', () => {
    expect(pairFromUrl(null)).toBeNull();
    const { env, data } = page('http://x/display', { [DEVICE_TOKEN_KEY]: 'luot_a.b' });
    forgetDeviceToken(env);
    expect(data.size).toBe(0);
  });

  it('makes the bearer header, or none', () => {
    expect(bearerHeader('luot_a.b')).toEqual({ authorization: 'Bearer luot_a.b' });
    expect(bearerHeader(null)).toEqual({});
  });
});

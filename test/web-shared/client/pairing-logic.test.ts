import { describe, expect, it } from 'vitest';
import {
  cleanCode,
  displayCode,
  formatCountdown,
  isComplete,
  isLoopbackHost,
  pairingBase,
  PAIRING_KEYS,
  pressKey,
  secondsLeft,
} from '../../../web-shared/client/pairing-logic.ts';
import { PAIRING_ALPHABET } from '../../../server/pairing/pairing.models.ts';

describe('the pairing screen', () => {
  it('offers exactly the server alphabet', () => {
    expect(PAIRING_KEYS).toBe(PAIRING_ALPHABET);
  });

  it('cleans what is typed or pasted: lower case, separators, at most 8', () => {
    expect(cleanCode('k7m4-qx9p')).toBe('K7M4QX9P');
    expect(cleanCode('K7M4 QX9P EXTRA')).toBe('K7M4QX9P');
    expect(cleanCode('o0i1l')).toBe('');
  });

  it('keys add, delete and clear; a ninth character is ignored', () => {
    let code = '';
    for (const k of 'k7m4qx9p') code = pressKey(code, k);
    expect(code).toBe('K7M4QX9P');
    expect(isComplete(code)).toBe(true);
    expect(pressKey(code, 'A')).toBe('K7M4QX9P');
    expect(pressKey(code, 'back')).toBe('K7M4QX9');
    expect(isComplete(pressKey(code, 'back'))).toBe(false);
    expect(pressKey(code, 'clear')).toBe('');
    expect(pressKey('K7', '-')).toBe('K7');
  });

  it('shows the code in two groups, with places still to fill', () => {
    expect(displayCode('K7M4QX9P')).toBe('K7M4-QX9P');
    expect(displayCode('K7M')).toBe('K7M·-····');
    expect(displayCode('')).toBe('····-····');
  });

  it('counts down to the expiry', () => {
    const expiresAt = '2026-03-16T00:15:00.000Z';
    expect(secondsLeft(expiresAt, Date.parse('2026-03-16T00:00:00.000Z'))).toBe(900);
    expect(secondsLeft(expiresAt, Date.parse('2026-03-16T00:14:59.500Z'))).toBe(1);
    expect(secondsLeft(expiresAt, Date.parse('2026-03-16T00:20:00.000Z'))).toBe(0);
    expect(formatCountdown(900)).toBe('15:00');
    expect(formatCountdown(65)).toBe('1:05');
  });
});

describe('pairing addresses', () => {
  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '[::1]', '::1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['192.168.1.10', 'luot.local', '10.0.0.1', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('start at PUBLIC_URL when set, else at the admin page origin', () => {
    expect(pairingBase('http://192.168.1.10:3000/', 'http://127.0.0.1:3000')).toBe('http://192.168.1.10:3000');
    expect(pairingBase(null, 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
  });
});

describe('keeping a redeemed token', () => {
  it('stores it as ?pair= does, under the page key; refuses what is not a token', async () => {
    const { keepDeviceToken, pairedDeviceToken, RATING_SCREEN_TOKEN_KEY } = await import('../../../web-shared/client/session.ts');
    const items = new Map<string, string>();
    const env = {
      href: 'http://luot.local/rate/quay-1',
      storage: {
        getItem: (k: string) => items.get(k) ?? null,
        setItem: (k: string, v: string) => void items.set(k, v),
        removeItem: (k: string) => void items.delete(k),
      },
      replaceUrl() {},
    };
    expect(keepDeviceToken('not a token', env, RATING_SCREEN_TOKEN_KEY)).toBe(false);
    expect(items.size).toBe(0);
    expect(keepDeviceToken('luot_abc.def', env, RATING_SCREEN_TOKEN_KEY)).toBe(true);
    expect(items.get(RATING_SCREEN_TOKEN_KEY)).toBe('luot_abc.def');
    expect(pairedDeviceToken(env, RATING_SCREEN_TOKEN_KEY)).toBe('luot_abc.def');
  });
});

import { describe, expect, it } from 'vitest';
import {
  codeFromBytes,
  formatCode,
  isPairableKind,
  normalizeCode,
  PAIRING_ALPHABET,
  PAIRING_CODE_LENGTH,
  PAIRING_TTL_MS,
  pairingState,
} from '../../../server/pairing/pairing.models.ts';

describe('pairing code format', () => {
  it('has 31 characters without look-alikes (no 0, O, 1, I, L)', () => {
    expect(PAIRING_ALPHABET).toHaveLength(31);
    expect(new Set(PAIRING_ALPHABET).size).toBe(31);
    for (const ch of '0O1IL') expect(PAIRING_ALPHABET).not.toContain(ch);
    // ~39.6 bits: enough for 15 minutes behind a per-address rate limit (pairing.models.ts).
    expect(Math.log2(PAIRING_ALPHABET.length ** PAIRING_CODE_LENGTH)).toBeGreaterThan(39);
  });

  it('maps bytes to characters, rejecting bytes past the last whole multiple of 31 (no bias)', () => {
    expect(codeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 30]))).toBe('23456789'.slice(0, 7) + 'Z');
    // 248..255 are rejected: 248 = 8 × 31.
    expect(codeFromBytes(new Uint8Array([248, 255, 31, 31, 31, 31, 31, 31, 31, 31]))).toBe('22222222');
    expect(codeFromBytes(new Uint8Array([250, 0, 0]))).toBeNull();
  });

  it('every generated character is in the alphabet, and all appear', () => {
    const seen = new Set<string>();
    for (let start = 0; start < 248; start++) {
      const code = codeFromBytes(Uint8Array.from({ length: 8 }, (_, j) => (start + j * 7) % 248))!;
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      for (const ch of code) seen.add(ch);
    }
    expect(seen.size).toBe(31);
  });

  it('normalises what a person types: lower case, spaces, dashes and dots', () => {
    expect(normalizeCode('K7M4-QX9P')).toBe('K7M4QX9P');
    expect(normalizeCode('k7m4 qx9p')).toBe('K7M4QX9P');
    expect(normalizeCode(' k7m4.qx-9p ')).toBe('K7M4QX9P');
    expect(formatCode('K7M4QX9P')).toBe('K7M4-QX9P');
  });

  it('refuses what cannot be a code: wrong length, look-alikes, other characters', () => {
    expect(normalizeCode('K7M4-QX9')).toBeNull();
    expect(normalizeCode('K7M4-QX9PP')).toBeNull();
    expect(normalizeCode('K7M4-QX0P')).toBeNull();
    expect(normalizeCode('K7M4-QXOP')).toBeNull();
    expect(normalizeCode('K7M4-QXIP')).toBeNull();
    expect(normalizeCode('K7M4_QX9P')).toBeNull();
    expect(normalizeCode('')).toBeNull();
  });

  it('only kiosks, displays and rating screens are paired at their screen', () => {
    expect(['kiosk', 'display', 'rating-screen', 'bridge', 'integration'].filter((k) => isPairableKind(k as never))).toEqual([
      'kiosk',
      'display',
      'rating-screen',
    ]);
  });
});

describe('pairing code state', () => {
  const created = 1_000_000;
  const code = { usedAtMs: null, revokedAtMs: null, expiresAtMs: created + PAIRING_TTL_MS };

  it('is live for 15 minutes, expired from the last millisecond on', () => {
    expect(PAIRING_TTL_MS).toBe(15 * 60_000);
    expect(pairingState(code, created)).toBe('live');
    expect(pairingState(code, created + PAIRING_TTL_MS - 1)).toBe('live');
    expect(pairingState(code, created + PAIRING_TTL_MS)).toBe('expired');
  });

  it('used and revoked say more than expired', () => {
    expect(pairingState({ ...code, usedAtMs: created + 5 }, created + PAIRING_TTL_MS * 2)).toBe('used');
    expect(pairingState({ ...code, revokedAtMs: created + 5 }, created + 10)).toBe('revoked');
  });
});

import type { DeviceKind } from '../../protocol/index.ts';

/**
 * Short one-time pairing codes (issue #15): the pure rules. Eight characters from an alphabet of
 * 31 without look-alikes (no 0/O, 1/I/L): 31^8 ≈ 8.5 × 10^11 codes (≈ 39.6 bits). With a code
 * living 15 minutes and redeeming rate-limited per address (10 at once, then 6 a minute), one
 * address has ~100 guesses in a code's life: about 1 in 10^10 to hit a given live code.
 */
export const PAIRING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PAIRING_CODE_LENGTH = 8;
/** How long a code may be redeemed. */
export const PAIRING_TTL_MS = 15 * 60_000;

/** The kinds a person pairs at the device's own screen; bridges and integrations keep their token in their configuration. */
const PAIRABLE: ReadonlySet<DeviceKind> = new Set(['kiosk', 'display', 'rating-screen']);
export const isPairableKind = (kind: DeviceKind): boolean => PAIRABLE.has(kind);

/**
 * A code from random bytes (one per character): rejection sampling keeps every character equally
 * likely (256 is not a multiple of 31). Returns null when the bytes ran out; ask again with more.
 */
export function codeFromBytes(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % PAIRING_ALPHABET.length);
  let code = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    code += PAIRING_ALPHABET[b % PAIRING_ALPHABET.length];
    if (code.length === PAIRING_CODE_LENGTH) return code;
  }
  return null;
}

/**
 * The code as typed, normalised: upper case, spaces, dashes and dots dropped; null when it cannot
 * be a code (wrong length or a character outside the alphabet). O, I and L are not in the
 * alphabet, and neither are 0 and 1: a code with them is simply not a code.
 */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s\-.]/g, '');
  if (code.length !== PAIRING_CODE_LENGTH) return null;
  for (const ch of code) if (!PAIRING_ALPHABET.includes(ch)) return null;
  return code;
}

/** K7M4QX9P → K7M4-QX9P: two groups of four, read aloud or copied without losing the place. */
export const formatCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export type PairingState = 'live' | 'used' | 'revoked' | 'expired';

/** What a stored code is at `nowMs`: used and revoked win over expired (they say more). */
export function pairingState(code: { usedAtMs: number | null; revokedAtMs: number | null; expiresAtMs: number }, nowMs: number): PairingState {
  if (code.usedAtMs !== null) return 'used';
  if (code.revokedAtMs !== null) return 'revoked';
  return nowMs < code.expiresAtMs ? 'live' : 'expired';
}

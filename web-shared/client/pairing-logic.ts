/**
 * The device's pairing screen, without the DOM (issue #15): what a key press does to the code
 * being typed, how it is shown, when it may be sent. The alphabet is the server's
 * (server/pairing/pairing.models.ts): 8 characters without look-alikes (no 0/O, 1/I/L).
 */
export const PAIRING_KEYS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PAIRING_CODE_LENGTH = 8;

/** What the person typed or pasted, as the code's characters: upper case, separators dropped, at most 8. */
export function cleanCode(typed: string): string {
  let out = '';
  for (const ch of typed.toUpperCase()) {
    if (PAIRING_KEYS.includes(ch) && out.length < PAIRING_CODE_LENGTH) out += ch;
  }
  return out;
}

/** A key of the on-screen keypad (or the keyboard): a character, `back` or `clear`. */
export type PairingKey = string | 'back' | 'clear';

export function pressKey(code: string, key: PairingKey): string {
  if (key === 'back') return code.slice(0, -1);
  if (key === 'clear') return '';
  return cleanCode(code + key);
}

/** K7M4QX9P → "K7M4-QX9P"; a partial code keeps eight places: "K7M·-····". */
export function displayCode(code: string): string {
  const padded = code.padEnd(PAIRING_CODE_LENGTH, '·');
  return `${padded.slice(0, 4)}-${padded.slice(4)}`;
}

export const isComplete = (code: string): boolean => code.length === PAIRING_CODE_LENGTH;

/** Seconds until `expiresAt`, never below zero. */
export const secondsLeft = (expiresAt: string, nowMs: number): number => Math.max(0, Math.ceil((Date.parse(expiresAt) - nowMs) / 1000));

/** 14:05 for a countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export { isLoopbackHost } from '../../protocol/pairing.schemas.ts';

/** Where pairing addresses start: PUBLIC_URL when the server has one, else the admin page's own origin. */
export const pairingBase = (publicUrl: string | null, origin: string): string => (publicUrl ?? origin).replace(/\/+$/, '');

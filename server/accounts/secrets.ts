import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Random secrets and their stored hashes. Session ids and device secrets carry 256 random bits,
 * so a plain SHA-256 is enough to store them (a slow hash protects guessable passwords, not
 * these); the database alone never lets anybody act.
 */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Compares two hex hashes without leaking where they differ. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Device tokens read `luot_<id>.<secret>`: the id finds the row, the secret proves it. */
export const DEVICE_TOKEN_PREFIX = 'luot_';
const TOKEN_RE = /^luot_([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,128})$/;

export const formatDeviceToken = (id: string, secret: string): string => `${DEVICE_TOKEN_PREFIX}${id}.${secret}`;

export function parseDeviceToken(token: string): { id: string; secret: string } | null {
  const m = TOKEN_RE.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The pairing code's two keyed hashes and the sealed token (docs/security.md "Devices and
 * pairing"). A code has ~40 bits: a plain SHA-256 of it would fall to a brute force by anybody
 * who reads the database. So both the lookup hash and the sealing key are HMACs under a key
 * derived from the session secret (SESSION_SECRET, the same on every instance): the database
 * alone gives neither the code nor the token.
 */
export interface PairingKeys {
  /** HMAC of the normalised code: the row's lookup key. */
  lookup(code: string): string;
  /** The device token encrypted under a key derived from the code (AES-256-GCM), base64url. */
  seal(code: string, token: string): string;
  /** The token back, or null when the code or the data is wrong. */
  unseal(code: string, sealed: string): string | null;
}

export function pairingKeys(sessionSecret: string): PairingKeys {
  const root = createHmac('sha256', sessionSecret).update('luot.pairing.v1').digest();
  const mac = (label: string, code: string) => createHmac('sha256', root).update(`${label}:${code}`).digest();
  return {
    lookup: (code) => mac('lookup', code).toString('hex'),
    seal(code, token) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', mac('seal', code), iv);
      const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    unseal(code, sealed) {
      try {
        const raw = Buffer.from(sealed, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', mac('seal', code), raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

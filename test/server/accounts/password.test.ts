import { describe, expect, it } from 'vitest';
import { hashPassword, randomPassword, verifyPassword, type ScryptParams } from '../../../server/accounts/password.ts';

/** Cheap parameters keep the suite fast; the format and checks are the same. */
const FAST: ScryptParams = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores the parameters, a random salt and the key, never the password', async () => {
    const hash = await hashPassword('luot-demo', FAST);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain('luot-demo');
    // A fresh salt every time: equal passwords do not give equal hashes.
    expect(await hashPassword('luot-demo', FAST)).not.toBe(hash);
  });

  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('Mật khẩu dài 2025', FAST);
    expect(await verifyPassword('Mật khẩu dài 2025', hash)).toBe(true);
    expect(await verifyPassword('mật khẩu dài 2025', hash)).toBe(false);
    expect(await verifyPassword('Mật khẩu dài 2025 ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats Vietnamese typed precomposed or decomposed alike (NFC)', async () => {
    const hash = await hashPassword('Hà Nội'.normalize('NFC'), FAST);
    expect(await verifyPassword('Hà Nội'.normalize('NFD'), hash)).toBe(true);
  });

  it('uses the parameters stored with the hash, so they can be raised later', async () => {
    const old = await hashPassword('secret-1', { N: 512, r: 4, p: 1 });
    expect(await verifyPassword('secret-1', old)).toBe(true);
    const current = await hashPassword('secret-1');
    expect(current.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('secret-1', current)).toBe(true);
  });

  it('refuses malformed or tampered hashes instead of throwing', async () => {
    const hash = await hashPassword('secret-1', FAST);
    const parts = hash.split('$');
    const tampered = [...parts.slice(0, 5), Buffer.alloc(32, 1).toString('base64url')].join('$');
    for (const bad of ['', 'plain', 'scrypt$1024$8$1$salt', 'bcrypt$x', hash.replace('$1024$', '$1000$'), hash.replace('$1024$', `$${2 ** 24}$`), tampered]) {
      expect(await verifyPassword('secret-1', bad), bad).toBe(false);
    }
  });

  it('makes random one-time passwords of unambiguous characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = randomPassword();
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

import { readFileSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { randomSecret } from './secrets.ts';

export const SESSION_SECRET_FILE = 'session.secret';

/**
 * The key that signs session cookies: SESSION_SECRET when set (several servers behind one
 * address must share it), else a random one made on first start and kept in
 * DATA_DIR/session.secret (mode 0600) so sessions survive a restart. Deleting the file logs
 * everybody out.
 */
export function loadSessionSecret(options: { configured?: string; dataDir: string }): string {
  if (options.configured) return options.configured;
  const file = join(options.dataDir, SESSION_SECRET_FILE);
  let missing = false;
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    missing = true;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const secret = randomSecret(32);
  try {
    // 'wx' for a new file: if another process made it meanwhile, use theirs. A truncated one
    // (a crash while writing) is replaced.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: missing ? 'wx' : 'w' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600); // the umask may have masked bits off, never on; make it exact anyway
  return secret;
}

import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName } from '../../../server/backup/backup.models.ts';
import type { Child } from '../../helpers/child.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { startMainOn } from './backup.harness.ts';

const DAY = 86_400_000;
let dir: ReturnType<typeof tempDir>;
let child: Child | null = null;
beforeEach(() => {
  dir = tempDir('luot-daily-backup');
});
afterEach(async () => {
  await child?.stop();
  child = null;
  dir.remove();
});

/** The server's "backup: wrote <file>" lines so far. */
const written = (c: Child) => [...c.stderr().matchAll(/INFO backup: wrote (\S+) /g)].map((m) => m[1]!);

async function waitFor<T>(what: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = what();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out; server log:\n${child?.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the server's own backups", () => {
  it('backs up on its interval into DATA_DIR/backups and deletes automatic ones past the days kept', async () => {
    const backups = join(dir.path, 'backups');
    mkdirSync(backups);
    const now = Date.now();
    const oldAuto = [backupFileName('auto', new Date(now - 10 * DAY)), backupFileName('auto', new Date(now - 5 * DAY))];
    const kept = [backupFileName('manual', new Date(now - 30 * DAY)), 'notes.txt', backupFileName('auto', new Date(now - 2 * DAY))];
    for (const name of [...oldAuto, ...kept]) writeFileSync(join(backups, name), 'an older backup');
    // Left by a backup that died two hours ago.
    const stale = `${backupFileName('auto', new Date(now - 2 * 3_600_000))}.partial`;
    writeFileSync(join(backups, stale), 'half a backup');
    utimesSync(join(backups, stale), new Date(now - 2 * 3_600_000), new Date(now - 2 * 3_600_000));

    const server = await startMainOn(dir.path, { BACKUP_INTERVAL_MS: '1500', BACKUP_KEEP_DAYS: '3' });
    child = server.child;
    expect(child.stderr()).toContain(`backup: automatic backups of ${join(dir.path, 'luot.sqlite')} every 1.5 s into ${backups}, kept 3 days`);

    const [first] = await waitFor(() => written(child!).length >= 1 && written(child!));
    expect(first).toMatch(new RegExp(`^${backups}/luot-\\S+-auto\\.sqlite$`));
    expect(child.stderr()).toMatch(/backup: wrote \S+ \(\d+\.\d MB, \d+ ms\); removed 2 older than 3 days; next in 1\.5 s/);
    expect(rawQuery(first!, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(rawQuery<{ id: string }>(first!, 'SELECT id FROM centres')).toEqual([{ id: 'demo' }]);
    for (const name of oldAuto) expect(existsSync(join(backups, name)), name).toBe(false);
    for (const name of kept) expect(existsSync(join(backups, name)), name).toBe(true);
    expect(existsSync(join(backups, stale))).toBe(false);

    // And again one interval later, without deleting what is still within the days kept.
    const [, second] = await waitFor(() => written(child!).length >= 2 && written(child!));
    expect(second).not.toBe(first);
    expect(existsSync(first!)).toBe(true);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
  });

  it('logs a failed backup, keeps serving, and tries again on the next interval', async () => {
    // A file where the backups folder should be: mkdir fails.
    writeFileSync(join(dir.path, 'backups'), 'not a folder');
    const server = await startMainOn(dir.path, { BACKUP_INTERVAL_MS: '1500' });
    child = server.child;
    await waitFor(() => /ERROR backup: could not back up \S+ into \S+; next try in 1\.5 s/.test(child!.stderr()));
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);

    rmSync(join(dir.path, 'backups'));
    const [file] = await waitFor(() => written(child!).length >= 1 && written(child!));
    expect(readdirSync(join(dir.path, 'backups'))).toEqual([file!.split('/').pop()]);
    expect(child.proc.exitCode).toBeNull();
  });

  it('is off with BACKUP_INTERVAL_MS=0', async () => {
    const server = await startMainOn(dir.path, { BACKUP_INTERVAL_MS: '0' });
    child = server.child;
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.stderr()).not.toContain('backup:');
    expect(existsSync(join(dir.path, 'backups'))).toBe(false);
  });
});

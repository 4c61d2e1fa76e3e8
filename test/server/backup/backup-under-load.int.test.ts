import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import type { Child } from '../../helpers/child.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { runTool, startMainOn } from './backup.harness.ts';

let dir: ReturnType<typeof tempDir> | null = null;
let child: Child | null = null;
afterEach(async () => {
  await child?.stop();
  child = null;
  dir?.remove();
  dir = null;
});

const SERVICES = ['tu-phap-ho-tich', 'dat-dai', 'dang-ky-kinh-doanh', 'lao-dong-xa-hoi', 'xay-dung', 'tra-ket-qua'];

interface Acked {
  id: string;
  number: string;
  /** Date.now() when the 2xx answer had arrived. */
  at: number;
}

/**
 * Issuing and calling over HTTP until `stop()`: four officers issue for citizens (not rate
 * limited), the demo kiosk issues (its 429s once its burst is spent are not acknowledgements),
 * and an officer calls and finishes tickets at counter quay-3. Every 2xx ticket is recorded.
 */
async function startLoad(url: string) {
  const acked: Acked[] = [];
  let running = true;
  const failures: string[] = [];
  const issuers = await Promise.all(['lan', 'tuan', 'ha', 'admin'].map((u) => loginHeaders(url, u)));
  const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}` };
  const caller = await loginHeaders(url, 'hung');
  const post = (path: string, headers: Record<string, string>, body: unknown) =>
    fetch(`${url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const opened = await post('/centres/demo/counters/quay-3/open', caller, {});
  expect(opened.status).toBe(200);

  const issueLoop = async (headers: Record<string, string>, offset: number) => {
    for (let i = offset; running; i++) {
      const res = await post('/centres/demo/tickets', headers, { serviceId: SERVICES[i % SERVICES.length] });
      if (res.status === 200) {
        const { ticket } = (await res.json()) as { ticket: { id: string; number: string } };
        acked.push({ id: ticket.id, number: ticket.number, at: Date.now() });
      } else if (res.status === 429) {
        await res.body?.cancel();
        await new Promise((r) => setTimeout(r, 200));
      } else failures.push(`issue: ${res.status} ${await res.text()}`);
    }
  };
  const callLoop = async () => {
    while (running) {
      const called = await post('/centres/demo/counters/quay-3/call-next', caller, {});
      await called.body?.cancel();
      if (called.status !== 200) continue;
      const finished = await post('/centres/demo/counters/quay-3/finish', caller, {});
      if (finished.status !== 200) failures.push(`finish: ${finished.status} ${await finished.text()}`);
    }
  };
  const loops = [...issuers.map((h, i) => issueLoop(h, i)), issueLoop(kiosk, 5), callLoop()];
  return {
    acked,
    failures,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('npm run backup under issuing load', () => {
  it('takes a copy that restores to an intact store holding every ticket acknowledged before the backup began', async () => {
    dir = tempDir('luot-backup-load');
    const server = await startMainOn(dir.path);
    child = server.child;
    // A store of some size (a year of history is tens of MB): 16 MB of filler beside the tables,
    // written by another connection while the server runs, so the copy takes thousands of steps.
    const filler = new BetterSqlite3(join(dir.path, 'luot.sqlite'), { timeout: 5000 });
    filler.exec('CREATE TABLE test_filler (b BLOB)');
    filler.transaction(() => {
      for (let i = 0; i < 4000; i++) filler.prepare('INSERT INTO test_filler VALUES (randomblob(4000))').run();
    })();
    filler.close();
    const load = await startLoad(server.url);
    try {
      // Let the store take some tickets first.
      await new Promise((r) => setTimeout(r, 2000));
      const backupBegan = Date.now();
      // One page per step: the copy spans thousands of turns of its event loop while the server
      // writes (SQLite's backup restarts at the server's writes unless its snapshot is pinned:
      // sqlite-backup.int.test.ts shows that with a writer that never pauses).
      const backup = await runTool('backup', { DATA_DIR: dir.path }, '--pages-per-step', '1');
      const backupEnded = Date.now();
      await new Promise((r) => setTimeout(r, 300));
      await load.stop();

      expect(backup.stderr).toContain('Backup written to');
      expect(backup.code, backup.stderr).toBe(0);
      const file = backup.stdout.trim();
      expect(file).toMatch(new RegExp(`^${join(dir.path, 'backups')}/luot-\\S+-manual\\.sqlite$`));
      expect(existsSync(file)).toBe(true);
      expect(load.failures).toEqual([]);

      const before = load.acked.filter((t) => t.at < backupBegan);
      const during = load.acked.filter((t) => t.at >= backupBegan && t.at <= backupEnded);
      // The load really ran before and while the backup was taken.
      expect(before.length).toBeGreaterThan(20);
      expect(during.length).toBeGreaterThan(0);

      // The server goes; the backup comes back in place of its store.
      child.kill('SIGTERM');
      expect((await child.exited).code).toBe(0);
      child = null;
      const total = rawQuery<{ n: number }>(join(dir.path, 'luot.sqlite'), 'SELECT count(*) AS n FROM tickets')[0]!.n;
      expect(total).toBe(load.acked.length);

      const restore = await runTool('restore', { DATA_DIR: dir.path }, file);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stderr).toContain('Đã khôi phục');
      expect(restore.stderr).toContain('Restored');
      const dbFile = join(dir.path, 'luot.sqlite');
      expect(rawQuery(dbFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const restored = new Set(rawQuery<{ id: string }>(dbFile, 'SELECT id FROM tickets').map((r) => r.id));
      const missing = before.filter((t) => !restored.has(t.id)).map((t) => t.number);
      expect(missing).toEqual([]);
      // A snapshot, not the end state: what came after the backup is not in it.
      expect(restored.size).toBeLessThan(load.acked.length);
      // The replaced store is kept aside, whole, with everything.
      const aside = readdirSync(dir.path).filter((n) => n.startsWith('luot.sqlite.before-restore-'));
      expect(aside).toHaveLength(1);
      expect(rawQuery<{ n: number }>(join(dir.path, aside[0]!), 'SELECT count(*) AS n FROM tickets')[0]!.n).toBe(load.acked.length);

      // And a server starts on it and serves.
      const again = await startMainOn(dir.path);
      child = again.child;
      expect((await fetch(`${again.url}/api/ready`)).status).toBe(200);
      const res = await fetch(`${again.url}/api/tickets/${before[0]!.id}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { ticket: { number: string } }).ticket.number).toBe(before[0]!.number);
    } finally {
      await load.stop();
    }
  }, 60_000);
});

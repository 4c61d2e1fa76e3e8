import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../server/storage/sqlite.store.ts';
import type { Child } from '../helpers/child.ts';
import { spawnMain } from '../helpers/main-process.ts';
import { rawQuery } from '../helpers/raw-db.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { centreClient, connect, DEMO_DISPLAY_AUTH } from '../helpers/sockets.ts';
import { tempDir } from '../helpers/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let child: Child | null = null;
beforeEach(() => {
  dir = tempDir('luot-main');
});
afterEach(async () => {
  await child?.stop();
  child = null;
  dir.remove();
});

/** `server/main.ts`, as `npm start` runs it, on an ephemeral port. */
async function startMain() {
  child = spawnMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, DEMO: 'true', LOG_LEVEL: 'info' });
  const [, url] = await child.waitForLine(/Luot listening on (http:\/\/127\.0\.0\.1:\d+) /);
  return { child, url: url! };
}

describe('server/main.ts', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s closes sockets and the store, exits 0, and the data survives', async (signal) => {
    const { child, url } = await startMain();
    const [, apiDoc] = await child.waitForLine(/API \(OpenAPI 3\.1\):\s+(\S+)/);
    expect(apiDoc).toBe(`${url}/api/openapi.json`);
    // Demo: the kiosk and display URLs come ready to pair.
    expect(child.stdout()).toContain(`${url}/kiosk?pair=${DEMO_TOKENS.kiosk}`);
    expect(child.stdout()).toContain(`${url}/display?pair=${DEMO_TOKENS.display}`);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/api/centres/demo/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
        body: JSON.stringify({ serviceId: 'dat-dai' }),
      });
      expect(res.status).toBe(200);
      numbers.push((await res.json()).ticket.number);
    }
    expect(numbers).toEqual(['B001', 'B002', 'B003']);

    // A display stays connected through the shutdown; it must not keep the process alive.
    const display = centreClient(url, DEMO_DISPLAY_AUTH);
    await connect(display.socket);
    await display.waitFor((r) => r.event === 'state:snapshot');
    const disconnected = new Promise<string>((resolve) => display.socket.once('disconnect', (reason) => resolve(reason)));

    child.kill(signal);
    const exit = await child.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(child.stderr()).toContain(`${signal}: shutting down`);
    expect(child.stderr()).not.toMatch(/ERROR|failed/);
    expect(await disconnected).toMatch(/server|transport/);
    display.close();

    // Closed cleanly: the WAL was checkpointed into the file and removed.
    const dbFile = join(dir.path, 'luot.sqlite');
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    expect(rawQuery(dbFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const store = await createSqliteStore({ filename: dbFile });
    try {
      const rows = rawQuery<{ number: string; state: string }>(dbFile, 'SELECT number, state FROM tickets ORDER BY seq');
      expect(rows).toEqual(numbers.map((number) => ({ number, state: 'waiting' })));
      expect(await store.currentSeq('demo')).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('restarted on the same data folder, continues the day’s numbering', async () => {
    const first = await startMain();
    const issue = async (url: string) => {
      const res = await fetch(`${url}/api/centres/demo/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
        body: '{"serviceId":"tu-phap-ho-tich"}',
      });
      expect(res.status).toBe(200);
      return (await res.json()).ticket as { number: string; businessDay: string };
    };
    const before = await issue(first.url);
    expect(before.number).toBe('A001');
    expect(first.child.stderr()).toContain('Demo centre created');
    first.child.kill('SIGTERM');
    expect((await first.child.exited).code).toBe(0);

    const second = await startMain();
    expect(second.child.stderr()).not.toContain('Demo centre created');
    const after = await issue(second.url);
    // Real clock: A002 on the same business day; A001 only if the test straddled midnight in Vietnam.
    expect(after.number).toBe(after.businessDay === before.businessDay ? 'A002' : 'A001');
    const rows = rawQuery<{ n: number }>(join(dir.path, 'luot.sqlite'), 'SELECT count(*) AS n FROM tickets');
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('refuses a bad configuration with a readable message and exit code 2', async () => {
    child = spawnMain({ PORT: 'eighty', HOST: '127.0.0.1', DATA_DIR: dir.path, LOG_LEVEL: 'loud' });
    const exit = await child.exited;
    expect(exit.code).toBe(2);
    expect(child.stderr()).toContain('Invalid configuration');
    expect(child.stderr()).toMatch(/PORT:/);
    expect(child.stderr()).toMatch(/LOG_LEVEL:/);
    expect(existsSync(join(dir.path, 'luot.sqlite'))).toBe(false);
  });
});

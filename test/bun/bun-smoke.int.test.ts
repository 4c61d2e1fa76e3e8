import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnChild, type Child } from '../helpers/child.ts';
import { rawQuery } from '../helpers/raw-db.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { loginHeaders } from '../helpers/credentials.ts';
import { centreClient, connect, DEMO_DISPLAY_AUTH } from '../helpers/sockets.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const BUN = 'node_modules/.bin/bun';

/**
 * `bun server/main.ts`: the same server on Bun, where better-sqlite3 does not load and the store
 * must use bun:sqlite. The log line names the runtime, so this cannot silently run on Node.
 */
let dir: ReturnType<typeof tempDir>;
let child: Child;
let url: string;
beforeAll(async () => {
  expect(existsSync(BUN), 'bun is a devDependency; run npm ci').toBe(true);
  dir = tempDir('luot-bun');
  child = spawnChild(BUN, ['server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, DEMO: 'true', LOG_LEVEL: 'info' },
  });
  const [, found, runtime] = await child.waitForLine(/Luot listening on (http:\/\/127\.0\.0\.1:\d+) \((\w+)/, 25_000);
  expect(runtime).toBe('Bun');
  url = found!;
});
afterAll(async () => {
  await child?.stop();
  dir?.remove();
});

describe('the server on Bun', () => {
  it('serves the OpenAPI 3.1 document', async () => {
    const res = await fetch(`${url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.values(doc.paths).flatMap((p: any) => Object.values(p).map((o: any) => o.operationId))).toContain('issueTicket');
  });

  it('issues and calls tickets through bun:sqlite', async () => {
    const kiosk = { authorization: `Bearer ${DEMO_TOKENS.kiosk}` };
    const officer = await loginHeaders(url, 'lan');
    const post = (path: string, body: unknown, as: Record<string, string> = kiosk) =>
      fetch(`${url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...as }, body: JSON.stringify(body) });
    const first = await post('/centres/demo/tickets', { serviceId: 'tra-ket-qua' });
    expect(first.status).toBe(200);
    expect((await first.json()).ticket).toMatchObject({ number: 'F001', seq: 1, state: 'waiting', centreId: 'demo' });
    const second = await (await post('/centres/demo/tickets', { serviceId: 'tra-ket-qua' })).json();
    expect(second).toMatchObject({ ticket: { number: 'F002' }, peopleAhead: 1 });

    expect((await post('/centres/demo/counters/quay-6/open', {}, officer)).status).toBe(200);
    const called = await post('/centres/demo/counters/quay-6/call-next', {}, officer);
    expect(called.status).toBe(200);
    expect((await called.json()).ticket).toMatchObject({ number: 'F001', state: 'called', counterId: 'quay-6' });
    const error = await post('/centres/demo/tickets', { serviceId: 'nope' });
    expect(error.status).toBe(404);
    expect((await error.json()).error.code).toBe('service.not_found');

    const rows = rawQuery<{ number: string; state: string }>(join(dir.path, 'luot.sqlite'), 'SELECT number, state FROM tickets ORDER BY seq');
    expect(rows).toEqual([
      { number: 'F001', state: 'called' },
      { number: 'F002', state: 'waiting' },
    ]);
  });

  it('pushes facts over socket.io on Bun', async () => {
    const display = centreClient(url, DEMO_DISPLAY_AUTH);
    try {
      await connect(display.socket);
      const snapshot = (await display.waitFor((r) => r.event === 'state:snapshot')).payload;
      await fetch(`${url}/api/centres/demo/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
        body: JSON.stringify({ serviceId: 'xay-dung' }),
      });
      const issued = await display.waitFor((r) => r.event === 'ticket:issued');
      expect(issued.payload).toMatchObject({ seq: snapshot.seq + 1, ticket: { number: 'E001' } });
    } finally {
      display.close();
    }
  });

  it('exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(rawQuery(join(dir.path, 'luot.sqlite'), 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});

/**
 * A full disk under the real server (issue 10, docs/faults.md): issuing answers 503
 * store.unavailable (not 500 internal) with nothing changed, a socket ack says the same, the log
 * names the cause and the file, and the server works again by itself once space is back.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BRIDGE_NAMESPACE, BridgeEvents, type BridgeClientToServer, type BridgeServerToClient } from '../../protocol/events.ts';
import { startServer, type RunningServer } from '../../server/compose.ts';
import { loadConfig } from '../../server/config.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import type { Socket } from 'socket.io-client';
import { rawQuery } from '../helpers/raw-db.ts';
import { describeOnSmallDisk, mountSmallDisk, type SmallDisk } from '../helpers/small-disk.ts';

describeOnSmallDisk('the store on a full disk', () => {
  let disk: SmallDisk;
  let server: RunningServer;
  const logged: string[] = [];
  const log = {
    info: () => {},
    warn: (m: string) => logged.push(`WARN ${m}`),
    error: (m: string, extra?: unknown) => logged.push(`ERROR ${m}${extra instanceof Error ? ` ${extra.message}` : ''}`),
  };
  beforeEach(async () => {
    disk = mountSmallDisk(8);
    logged.length = 0;
    server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: disk.path, DEMO: 'true', LOG_LEVEL: 'silent' }), { log });
  });
  afterEach(async () => {
    await server?.close();
    disk?.remove();
  });

  const dbFile = () => join(disk.path, 'luot.sqlite');
  const issue = () =>
    fetch(`${server.url}/api/centres/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
      body: JSON.stringify({ serviceId: 'dat-dai' }),
    });
  const tickets = () => rawQuery<{ number: string }>(dbFile(), 'SELECT number FROM tickets ORDER BY seq').map((r) => r.number);
  /** Every frame of the WAL into the database and the WAL emptied: the next write must take new space. */
  const checkpoint = () => {
    const db = new BetterSqlite3(dbFile());
    try {
      expect(db.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    } finally {
      db.close();
    }
  };

  it('issuing answers 503 store.unavailable with nothing changed, and works again once space is back', async () => {
    const first = await issue();
    expect(first.status).toBe(200);
    expect((await first.json()).ticket.number).toBe('B001');
    checkpoint();

    disk.fill();
    for (let i = 0; i < 3; i++) {
      const res = await issue();
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.error.code).toBe('store.unavailable');
      // The answer says what to do, never where the file is nor SQLite's words.
      expect(body.error.message).not.toMatch(/SQLITE|luot\.sqlite|\//);
    }
    expect(tickets()).toEqual(['B001']);
    expect(await server.deps.store.currentSeq('demo')).toBe(1);
    // The log says why and where.
    const faults = logged.filter((l) => l.includes('store.unavailable'));
    expect(faults.length).toBeGreaterThanOrEqual(3);
    expect(faults[0]).toMatch(/^ERROR POST \/api\/centres\/demo\/tickets: store\.unavailable: SQLITE_(FULL|IOERR)\S* on /);
    expect(faults[0]).toContain(dbFile());
    expect(logged.filter((l) => /unhandled error|internal/.test(l))).toEqual([]);

    disk.free();
    const again = await issue();
    expect(again.status).toBe(200);
    // The refused attempts took no number.
    expect((await again.json()).ticket.number).toBe('B002');
    expect(tickets()).toEqual(['B001', 'B002']);
  });

  it('a socket handler that writes acks { ok: false, error: { code: "store.unavailable" } }', async () => {
    const socket: Socket<BridgeServerToClient, BridgeClientToServer> = io(`${server.url}${BRIDGE_NAMESPACE}`, {
      auth: { token: DEMO_TOKENS.bridge },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const hello = { bridgeVersion: 'test', devices: [{ id: 'p1', kind: 'printer' as const, kioskId: 'demo-kiosk', status: 'ok' as const }] };
      expect(await socket.timeout(5000).emitWithAck(BridgeEvents.hello, hello)).toMatchObject({ ok: true });
      checkpoint();

      disk.fill();
      const refused = await socket.timeout(5000).emitWithAck(BridgeEvents.hello, hello);
      expect(refused).toEqual({ ok: false, error: { code: 'store.unavailable', message: expect.any(String) } });
      expect(logged.some((l) => l.startsWith('ERROR socket handler: store.unavailable: SQLITE_') && l.includes(dbFile()))).toBe(true);

      disk.free();
      expect(await socket.timeout(5000).emitWithAck(BridgeEvents.hello, hello)).toMatchObject({ ok: true });
    } finally {
      socket.disconnect();
    }
  });
});

/**
 * What the server gives displays (issue #7): the pages at /display and /display/counter/<n>,
 * the announcement clips at /voice/ (a centre's own folder first), the display settings and the
 * officers' names in the snapshot and in live counter facts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema, type CentreSettings, type Snapshot } from '../../../protocol/index.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { centreClient, connect, DEMO_DISPLAY_AUTH } from '../../helpers/sockets.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('display pages, voice clips and display settings', () => {
  const web = tempDir('luot-web');
  const voice = tempDir('luot-voice');
  let server: TestServer;
  beforeAll(async () => {
    // A stand-in build: the display page and the default clip set.
    mkdirSync(join(web.path, 'counter-display', 'display'), { recursive: true });
    writeFileSync(join(web.path, 'counter-display', 'display', 'index.html'), '<!doctype html><title>display</title>');
    mkdirSync(join(web.path, 'voice'));
    writeFileSync(join(web.path, 'voice', 'manifest.json'), JSON.stringify({ clips: { ba: 'ba.ogg' } }));
    writeFileSync(join(web.path, 'voice', 'ba.ogg'), 'default ba');
    writeFileSync(join(web.path, 'voice', 'hai.ogg'), 'default hai');
    // The centre's own recordings replace some of them.
    writeFileSync(join(voice.path, 'ba.ogg'), 'our own ba');
    server = await startTestServer({}, { WEB_ROOT: web.path, VOICE_DIR: voice.path });
  });
  afterAll(async () => {
    await server?.stop();
    web.remove();
    voice.remove();
  });

  const get = (path: string) => fetch(`${server.url}${path}`);

  it('serves the display page for /display and /display/counter/<n>', async () => {
    for (const path of ['/display', '/display/counter/3', '/display/counter/12/']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>display</title>');
    }
  });

  it('serves clips from VOICE_DIR first, then the default set; never outside those folders', async () => {
    const own = await get('/voice/ba.ogg');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('audio/ogg');
    expect(own.headers.get('cache-control')).toBe('no-cache');
    expect(await own.text()).toBe('our own ba');
    expect(await (await get('/voice/hai.ogg')).text()).toBe('default hai');
    expect(await (await get('/voice/manifest.json')).json()).toEqual({ clips: { ba: 'ba.ogg' } });
    expect((await get('/voice/missing.ogg')).status).toBe(404);
    for (const path of [
      '/voice/..%2Fcounter-display%2Fdisplay%2Findex.html',
      '/voice/.hidden',
      '/voice/a%2F..%2F..%2Fcounter-display%2Fdisplay%2Findex.html',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('the snapshot carries the display settings, and a change reaches live displays at once', async () => {
    const client = centreClient(server.url, DEMO_DISPLAY_AUTH);
    try {
      await connect(client.socket);
      const first = (await client.waitFor((r) => r.event === 'state:snapshot')).payload as Snapshot;
      expect(SnapshotSchema.parse(first)).toEqual(first);
      expect(first.display.announcement).toEqual({
        enabled: true,
        dialect: 'north',
        numberReading: 'words',
        fourAsTu: true,
        repeat: 1,
        chime: true,
        voice: 'auto',
      });
      expect(first.display.notice).toEqual({ vi: '', en: '' });

      const settings = (await (await server.api('/centres/demo/settings')).json()) as CentreSettings;
      settings.display.announcement.dialect = 'south';
      settings.display.notice.vi = 'Nghỉ trưa từ 11 giờ 30';
      settings.display.theme = { '--luot-display-bg': '#002b5c' };
      settings.display.profiles = [{ id: 'sanh-a', name: 'Sảnh A', serviceIds: ['tu-phap-ho-tich'], counterIds: [], announce: true }];
      const from = client.received.length;
      expect((await server.api('/centres/demo/settings', { method: 'PUT', json: settings })).status).toBe(200);
      const pushed = (await client.waitFor((r) => r.event === 'state:snapshot', { from })).payload as Snapshot;
      expect(pushed.display).toEqual(settings.display);
      // Devices read it in the snapshot (getSettings is for admins only).
      const snap = (await (await server.api('/centres/demo/snapshot', { as: 'display' })).json()) as Snapshot;
      expect(snap.display.notice.vi).toBe('Nghỉ trưa từ 11 giờ 30');
    } finally {
      client.close();
    }
  });

  it('refuses display settings that could break a page: unknown theme properties, markup, duplicate profiles', async () => {
    const base = (await (await server.api('/centres/demo/settings')).json()) as CentreSettings;
    const bad: ((s: CentreSettings) => void)[] = [
      (s) => void (s.display.theme = { color: 'red' }),
      (s) => void (s.display.theme = { '--luot-display-bg': 'red; } body { display: none' }),
      (s) => void (s.display.logoUrl = 'javascript:alert(1)'),
      (s) => void (s.display.announcement.repeat = 5),
      (s) => {
        const p = { id: 'x', name: 'X', serviceIds: [], counterIds: [], announce: true };
        s.display.profiles = [p, p];
      },
    ];
    for (const change of bad) {
      const settings = structuredClone(base);
      change(settings);
      const res = await server.api('/centres/demo/settings', { method: 'PUT', json: settings });
      expect(res.status, JSON.stringify(settings.display)).toBe(400);
      expect((await res.json()).error.code).toBe('settings.invalid');
    }
  });

  it('names the officer holding each counter, in the snapshot and in live counter facts', async () => {
    const client = centreClient(server.url, { centreId: 'demo', token: DEMO_TOKENS.display });
    try {
      await connect(client.socket);
      await client.waitFor((r) => r.event === 'state:snapshot');
      const from = client.received.length;
      await server.openCounter('quay-1', 'lan');
      const fact = await client.waitFor((r) => r.event === 'counter:updated', { from });
      expect(fact.payload.view.officerName).toBe('Nguyễn Thị Lan');
      const snap = (await (await server.api('/centres/demo/snapshot', { as: 'display' })).json()) as Snapshot;
      const views = Object.fromEntries(snap.counters.map((v) => [v.counter.id, v.officerName]));
      expect(views['quay-1']).toBe('Nguyễn Thị Lan');
      expect('quay-2' in views && views['quay-2'] === undefined).toBe(true);
      await server.api('/centres/demo/counters/quay-1/close', { json: {}, as: 'lan' });
      const closed = await client.waitFor((r) => r.event === 'counter:updated' && r.payload.view.state.status === 'closed', { from });
      expect(closed.payload.view).not.toHaveProperty('officerName');
    } finally {
      client.close();
    }
  });
});

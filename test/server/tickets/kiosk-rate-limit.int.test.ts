import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../protocol/index.ts';
import { createDeviceToken } from '../../../server/accounts/devices.usecases.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { MORNING } from '../../fixtures/centres.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/** Defaults: a burst of 10 tickets, then 20 a minute (one every 3 s) per kiosk. */
const clock = fakeClock(MORNING);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server?.stop());

const issueWith = (authorization: string) =>
  fetch(`${server.url}/api/centres/demo/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ serviceId: 'tra-ket-qua' }),
  });
const ticketCount = () => rawQuery<{ n: number }>(server.config.dbFile, 'SELECT count(*) AS n FROM tickets')[0]!.n;

describe('kiosk issuing rate limit', () => {
  it('lets a burst through, then answers 429 kiosk.rate_limited with Retry-After, and refills with time', async () => {
    const kiosk = await createDeviceToken(server.deps, { centreId: 'demo', createdBy: null, kind: 'kiosk', name: 'Kiosk A' });
    const issue = () => issueWith(`Bearer ${kiosk.token}`);
    const { kioskBurst } = defaultSettings();
    for (let i = 0; i < kioskBurst; i++) expect((await issue()).status, `ticket ${i + 1}`).toBe(200);
    const before = ticketCount();

    const limited = await issue();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toMatchObject({ error: { code: 'kiosk.rate_limited' } });
    expect(ticketCount()).toBe(before);

    clock.advance(2_999);
    expect((await issue()).status).toBe(429);
    clock.advance(1);
    expect((await issue()).status).toBe(200);
    expect((await issue()).status).toBe(429);

    // A quiet minute refills it (up to the burst, not beyond).
    clock.advance(10 * 60_000);
    for (let i = 0; i < kioskBurst; i++) expect((await issue()).status).toBe(200);
    expect((await issue()).status).toBe(429);
  });

  it('keeps one bucket per kiosk, and does not limit staff issuing for a citizen', async () => {
    const a = await createDeviceToken(server.deps, { centreId: 'demo', createdBy: null, kind: 'kiosk', name: 'Kiosk B' });
    const b = await createDeviceToken(server.deps, { centreId: 'demo', createdBy: null, kind: 'kiosk', name: 'Kiosk C' });
    while ((await issueWith(`Bearer ${a.token}`)).status === 200);
    expect((await issueWith(`Bearer ${b.token}`)).status).toBe(200);
    for (let i = 0; i < 15; i++) expect((await server.api('/centres/demo/tickets', { json: { serviceId: 'tra-ket-qua' }, as: 'staff' })).status).toBe(200);
  });

  it("follows the centre's settings live", async () => {
    await server.deps.store.runInTx({ centreId: 'demo' }, (tx) => tx.saveSettings('demo', { ...defaultSettings(), kioskBurst: 2, kioskPerMinute: 6 }));
    const kiosk = await createDeviceToken(server.deps, { centreId: 'demo', createdBy: null, kind: 'kiosk', name: 'Kiosk D' });
    const issue = () => issueWith(`Bearer ${kiosk.token}`);
    expect([(await issue()).status, (await issue()).status]).toEqual([200, 200]);
    const limited = await issue();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    await server.deps.store.runInTx({ centreId: 'demo' }, (tx) => tx.saveSettings('demo', defaultSettings()));
  });

  it('counts a refused request against nobody else: an unpaired caller gets 401, not 429', async () => {
    const res = await issueWith('Bearer luot_nobody.nothing');
    expect(res.status).toBe(401);
  });
});

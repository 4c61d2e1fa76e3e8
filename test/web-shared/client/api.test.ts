import { describe, expect, it } from 'vitest';
import { ApiError, createApi, resolveCentre } from '../../../web-shared/client/api.ts';
import { ticket } from './centre.fixtures.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const account = { centreId: 'demo', staffId: 'lan', name: 'Lan', username: 'lan', role: 'staff', active: true, mustChangePassword: false };
const revokedToken = {
  id: 'tok-1',
  centreId: 'demo',
  kind: 'kiosk',
  name: 'Kiosk 1',
  createdAt: '2026-11-23T01:00:00.000Z',
  createdBy: null,
  revokedAt: '2026-11-23T02:00:00.000Z',
  lastSeenAt: null,
  counterId: null,
};

describe('api', () => {
  it('posts JSON and returns the parsed answer', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const api = createApi('http://x', async (url, init) => {
      seen.push({ url, init });
      return json(200, { ticket: ticket({ id: 't1', number: 'A001' }), peopleAhead: 2, estimatedWaitMinutes: null });
    });
    const status = await api.issueTicket('demo', 'tu-phap');
    expect(status.peopleAhead).toBe(2);
    expect(seen[0]?.url).toBe('http://x/api/centres/demo/tickets');
    expect(seen[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(seen[0]?.init?.body))).toEqual({ serviceId: 'tu-phap' });
  });

  it('turns the error body into a typed ApiError', async () => {
    const api = createApi('', async () => json(409, { error: { code: 'queue.empty', message: 'No ticket is waiting.' } }));
    const error = await api.counterAction('demo', 'quay-1', 'call-next').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'queue.empty', status: 409, message: 'No ticket is waiting.' });
  });

  it('reads an unknown or missing code as internal, and no answer as network', async () => {
    const odd = createApi('', async () => json(500, { error: { code: 'weird', message: 'x' } }));
    await expect(odd.listCentres()).rejects.toMatchObject({ code: 'internal', status: 500 });
    const html = createApi('', async () => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    await expect(html.listCentres()).rejects.toMatchObject({ code: 'internal', status: 502 });
    const down = createApi('', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(down.listCentres()).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('resolves ?centre= or the first centre, and fails on an unknown one', async () => {
    const centres = [
      { id: 'one', name: { vi: 'Một', en: 'One' }, timeZone: 'Asia/Ho_Chi_Minh' },
      { id: 'two', name: { vi: 'Hai', en: 'Two' }, timeZone: 'Asia/Ho_Chi_Minh' },
    ];
    const api = createApi('', async () => json(200, centres));
    expect((await resolveCentre(api, null)).id).toBe('one');
    expect((await resolveCentre(api, 'two')).id).toBe('two');
    await expect(resolveCentre(api, 'three')).rejects.toMatchObject({ code: 'centre.not_found' });
  });

  it('sends a device token as a bearer header, and nothing on staff pages (the cookie goes by itself)', async () => {
    const seen: RequestInit[] = [];
    const fetchImpl = async (_url: string, init?: RequestInit) => {
      seen.push(init!);
      return json(200, []);
    };
    const kiosk = createApi('', fetchImpl, { deviceToken: 'luot_k.s' });
    await kiosk.listCentres();
    expect(kiosk.deviceToken).toBe('luot_k.s');
    expect((seen[0]!.headers as Record<string, string>).authorization).toBe('Bearer luot_k.s');
    expect(seen[0]!.credentials).toBe('same-origin');
    const staff = createApi('', fetchImpl);
    await staff.listCentres();
    expect(staff.deviceToken).toBeNull();
    expect(seen[1]!.headers as Record<string, string>).not.toHaveProperty('authorization');
  });

  it('logs in, reads the session, logs out (204) and revokes device tokens', async () => {
    const seen: { url: string; method?: string; body?: unknown }[] = [];
    const api = createApi('', async (url, init) => {
      seen.push({ url, method: init?.method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.endsWith('/auth/logout')) return new Response(null, { status: 204 });
      if (url.endsWith('/auth/password')) return json(200, account);
      if (url.endsWith('/revoke')) return json(200, revokedToken);
      return json(200, { kind: 'anonymous' });
    });
    await api.login('lan', 'luot-demo');
    await api.getSession();
    expect(await api.logout()).toBeUndefined();
    await api.changePassword('a', 'b');
    await api.revokeDeviceToken('demo', 'tok 1');
    expect(seen).toEqual([
      { url: '/api/auth/login', method: 'POST', body: { username: 'lan', password: 'luot-demo' } },
      { url: '/api/auth/session', method: 'GET', body: undefined },
      { url: '/api/auth/logout', method: 'POST', body: undefined },
      { url: '/api/auth/password', method: 'POST', body: { oldPassword: 'a', newPassword: 'b' } },
      { url: '/api/centres/demo/device-tokens/tok%201/revoke', method: 'POST', body: undefined },
    ]);
  });
});

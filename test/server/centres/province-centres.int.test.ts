import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Centre, CentreSettings, Counter, Service, Snapshot } from '../../../protocol/index.ts';
import { hashPassword } from '../../../server/accounts/password.ts';
import type { Role } from '../../../server/accounts/principal.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { hcmCentre } from '../../fixtures/centres.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect } from '../../helpers/sockets.ts';

/**
 * Issue #13, centre management: a province administrator creates centres from a template and
 * edits them; a province manager reads every centre and changes nothing; a centre's own admin
 * never reaches another centre, nor raises anybody to a province role.
 */
let server: TestServer;
const as: Record<string, Record<string, string>> = {};

/** hcm accounts: [staff id, username, role]; their password is `<username>-password`. */
const ACCOUNTS: [string, string, Role][] = [
  ['lan', 'hcm-admin', 'admin'],
  ['tinh-admin', 'tinh-admin', 'province_admin'],
  ['tinh-manager', 'tinh-manager', 'province_manager'],
];

beforeAll(async () => {
  server = await startTestServer();
  await installCentre(server.deps.store, hcmCentre);
  for (const [staffId, username, role] of ACCOUNTS) {
    await server.deps.store.runInTx({ centreId: 'hcm' }, (tx) => tx.upsertStaff({ id: staffId, centreId: 'hcm', name: username }));
    await server.deps.store.setAccount('hcm', staffId, {
      username,
      passwordHash: await hashPassword(`${username}-password`),
      role,
      active: true,
      mustChangePassword: false,
    });
    as[username] = await loginHeaders(server.url, username, `${username}-password`);
  }
  as.admin = await server.credentials('admin');
});
afterAll(() => server?.stop());

async function call(who: string, method: string, path: string, json?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { ...as[who]!, ...(json === undefined ? {} : { 'content-type': 'application/json' }) };
  const res = await fetch(`${server.url}/api${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const withoutCentre = <T extends { centreId: string }>(rows: T[]) => rows.map(({ centreId: _c, ...rest }) => rest);
const newCentre = {
  id: 'xa-tan-hoa',
  name: { vi: 'Trung tâm Phục vụ hành chính công xã Tân Hòa', en: 'Tan Hoa Commune Public Administrative Service Centre' },
  address: 'Ấp 3, xã Tân Hòa',
  timeZone: 'Asia/Ho_Chi_Minh',
  templateCentreId: 'demo',
};

describe('createCentre (province:admin)', () => {
  it("copies the template's services, counters and settings; counters closed, nobody, no tickets", async () => {
    // Something the copy must not take: a ticket in the template's queue.
    expect((await server.api('/centres/demo/tickets', { json: { serviceId: 'xay-dung' } })).status).toBe(200);
    const created = await call('tinh-admin', 'POST', '/centres', newCentre);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ id: 'xa-tan-hoa', name: newCentre.name, address: 'Ấp 3, xã Tân Hòa', timeZone: 'Asia/Ho_Chi_Minh' } satisfies Centre);

    const read = async <T>(who: string, path: string) => (await call(who, 'GET', path)).body as T;
    expect(withoutCentre(await read<Service[]>('tinh-admin', '/centres/xa-tan-hoa/services'))).toEqual(
      withoutCentre(await read<Service[]>('admin', '/centres/demo/services')),
    );
    expect(withoutCentre(await read<Counter[]>('tinh-admin', '/centres/xa-tan-hoa/counters'))).toEqual(
      withoutCentre(await read<Counter[]>('admin', '/centres/demo/counters')),
    );
    expect(await read<CentreSettings>('tinh-admin', '/centres/xa-tan-hoa/settings')).toEqual(await read<CentreSettings>('admin', '/centres/demo/settings'));
    const snapshot = await read<Snapshot>('tinh-admin', '/centres/xa-tan-hoa/snapshot');
    expect(snapshot.counters.every((c) => c.state.status === 'closed' && c.state.staffId === null && c.current === null)).toBe(true);
    expect(snapshot.centre.address).toBe('Ấp 3, xã Tân Hòa');
    expect(Object.values(snapshot.waiting).every((n) => n === 0)).toBe(true);
    expect(await read<unknown[]>('tinh-admin', '/centres/xa-tan-hoa/staff')).toEqual([]);
    expect(await read<unknown[]>('tinh-admin', '/centres/xa-tan-hoa/device-tokens')).toEqual([]);
  });

  it('lists every centre to a province role, only its own to anyone else', async () => {
    const ids = async (who: string) => ((await call(who, 'GET', '/centres')).body as Centre[]).map((c) => c.id).sort();
    expect(await ids('tinh-admin')).toEqual(['demo', 'hcm', 'xa-tan-hoa']);
    expect(await ids('tinh-manager')).toEqual(['demo', 'hcm', 'xa-tan-hoa']);
    expect(await ids('hcm-admin')).toEqual(['hcm']);
    expect(await ids('admin')).toEqual(['demo']);
  });

  it('answers 409 for an id taken, 404 for an unknown template, 400 for bad input', async () => {
    const taken = await call('tinh-admin', 'POST', '/centres', { ...newCentre, id: 'demo' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'centre.exists']);
    const noTemplate = await call('tinh-admin', 'POST', '/centres', { ...newCentre, id: 'xa-khac', templateCentreId: 'nowhere' });
    expect([noTemplate.status, noTemplate.body.error.code]).toEqual([404, 'centre.not_found']);
    for (const bad of [
      { ...newCentre, id: 'Xã Khác' },
      { ...newCentre, id: 'xa-khac', timeZone: 'Asia/Atlantis' },
      { ...newCentre, id: 'xa-khac', timeZone: '+07:00' },
      { ...newCentre, id: 'xa-khac', name: { vi: '', en: 'x' } },
      { ...newCentre, id: 'xa-khac', extra: true },
    ]) {
      const res = await call('tinh-admin', 'POST', '/centres', bad);
      expect([res.status, res.body.error.code], JSON.stringify(bad)).toEqual([400, 'request.invalid_payload']);
    }
    expect(((await call('tinh-admin', 'GET', '/centres')).body as Centre[]).map((c) => c.id)).not.toContain('xa-khac');
  });
});

describe('updateCentre (province:admin)', () => {
  it("changes another centre's name, address and time zone; its screens get them", async () => {
    const body = { name: { vi: 'Trung tâm xã Tân Hòa', en: 'Tan Hoa Centre' }, address: '', timeZone: 'Asia/Bangkok' };
    const res = await call('tinh-admin', 'PUT', '/centres/xa-tan-hoa', body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'xa-tan-hoa', name: body.name, timeZone: 'Asia/Bangkok' });
    const snapshot = (await call('tinh-manager', 'GET', '/centres/xa-tan-hoa/snapshot')).body as Snapshot;
    expect(snapshot.centre).toEqual(res.body);
  });

  it('answers 404 for an unknown centre and 400 for a bad time zone', async () => {
    const body = { name: { vi: 'X', en: 'X' }, address: '', timeZone: 'Asia/Ho_Chi_Minh' };
    expect((await call('tinh-admin', 'PUT', '/centres/nowhere', body)).status).toBe(404);
    expect((await call('tinh-admin', 'PUT', '/centres/hcm', { ...body, timeZone: 'Mars/Olympus' })).status).toBe(400);
  });
});

describe('scoping (issue #13)', () => {
  const serviceBody = { name: { vi: 'Mới', en: 'New' }, numbering: { mode: 'prefix', prefix: 'Q', digits: 3 } };

  it('a centre admin neither reads nor changes another centre, nor manages centres', async () => {
    for (const [method, path, json] of [
      ['GET', '/centres/demo/services'],
      ['GET', '/centres/demo/snapshot'],
      ['GET', '/centres/demo/staff'],
      ['GET', '/centres/demo/reports/live'],
      ['PUT', '/centres/demo/services/moi', serviceBody],
      ['PUT', '/centres/hcm', { name: { vi: 'X', en: 'X' }, address: '', timeZone: 'Asia/Ho_Chi_Minh' }],
      ['POST', '/centres', { ...newCentre, id: 'xa-cua-admin' }],
    ] as [string, string, unknown?][]) {
      const res = await call('hcm-admin', method, path, json);
      expect([res.status, res.body.error?.code], `${method} ${path}`).toEqual([403, 'auth.forbidden']);
    }
  });

  it("a province manager reads another centre's queue, staff and reports, and changes nothing", async () => {
    for (const path of ['/centres/demo/services', '/centres/demo/snapshot', '/centres/demo/staff', '/centres/demo/reports/live']) {
      expect((await call('tinh-manager', 'GET', path)).status, path).toBe(200);
    }
    for (const [method, path, json] of [
      ['GET', '/centres/demo/settings'],
      ['PUT', '/centres/demo/services/moi', serviceBody],
      ['POST', '/centres/demo/tickets', { serviceId: 'xay-dung' }],
      ['POST', '/centres/demo/counters/quay-1/open', {}],
      ['POST', '/centres/demo/staff', { username: 'moi', name: 'Mới', role: 'staff' }],
      ['PUT', '/centres/demo', { name: { vi: 'X', en: 'X' }, address: '', timeZone: 'Asia/Ho_Chi_Minh' }],
      ['POST', '/centres', { ...newCentre, id: 'xa-cua-manager' }],
    ] as [string, string, unknown?][]) {
      const res = await call('tinh-manager', method, path, json);
      expect([res.status, res.body.error?.code], `${method} ${path}`).toEqual([403, 'auth.forbidden']);
    }
  });

  it('a province admin configures another centre but does not work its counters', async () => {
    expect((await call('tinh-admin', 'PUT', '/centres/demo/services/moi', { ...serviceBody, active: false })).status).toBe(200);
    const open = await call('tinh-admin', 'POST', '/centres/demo/counters/quay-1/open', {});
    expect([open.status, open.body.error.code]).toEqual([403, 'auth.forbidden']);
  });

  it('only a province admin gives or touches a province role', async () => {
    const give = await call('admin', 'POST', '/centres/demo/staff', { username: 'leo-thang', name: 'Leo thang', role: 'province_admin' });
    expect([give.status, give.body.error.code]).toEqual([403, 'auth.forbidden']);
    // The province admin's home centre admin cannot take it over or demote it.
    const reset = await call('hcm-admin', 'POST', '/centres/hcm/staff/tinh-admin/reset-password');
    expect([reset.status, reset.body.error.code]).toEqual([403, 'auth.forbidden']);
    const demote = await call('hcm-admin', 'PATCH', '/centres/hcm/staff/tinh-manager', { role: 'staff' });
    expect([demote.status, demote.body.error.code]).toEqual([403, 'auth.forbidden']);
    const made = await call('tinh-admin', 'POST', '/centres/demo/staff', { username: 'lanh-dao-tinh', name: 'Lãnh đạo tỉnh', role: 'province_manager' });
    expect([made.status, made.body.account.role]).toEqual([200, 'province_manager']);
    // Another centre's account with the province admin's own staff id is not the province admin.
    expect((await call('tinh-admin', 'PATCH', '/centres/demo/staff/lanh-dao-tinh', { active: false })).status).toBe(200);
  });
});

describe('the /centre socket follows the same rule (issue #13)', () => {
  const outcome = async (who: string, centreId: string) => {
    const c = centreClient(server.url, { centreId }, { headers: as[who] });
    try {
      await connect(c.socket);
      return (await c.waitFor((r) => r.event === 'state:snapshot')).payload.centre.id as string;
    } catch (error) {
      return (error as Error).message;
    } finally {
      c.close();
    }
  };

  it("lets a province role follow another centre's screens, and refuses a centre admin there", async () => {
    expect(await outcome('tinh-manager', 'demo')).toBe('demo');
    expect(await outcome('tinh-admin', 'xa-tan-hoa')).toBe('xa-tan-hoa');
    expect(await outcome('hcm-admin', 'demo')).toBe('auth.forbidden');
    expect(await outcome('hcm-admin', 'hcm')).toBe('hcm');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CounterWaitingSchema } from '../../../protocol/index.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { hcmCentre } from '../../fixtures/centres.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/** GET /api/centres/{c}/counters/{counterId}/waiting (operationId counterWaiting) over the real server (issue #15). */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await installCentre(server.deps.store, hcmCentre);
});
afterAll(() => server?.stop());

const issue = async (serviceId: string, priorityGroupId?: string) => {
  const res = await server.api('/centres/demo/tickets', { json: priorityGroupId ? { serviceId, priorityGroupId } : { serviceId }, as: 'kiosk' });
  expect(res.status).toBe(200);
  return (await res.json()).ticket.number as string;
};

describe('counterWaiting over HTTP', () => {
  it('answers the list in call order for an officer; call-next then calls its first item', async () => {
    const a = await issue('dat-dai');
    const p = await issue('dat-dai', 'nguoi-khuyet-tat');
    const res = await server.api('/centres/demo/counters/quay-3/waiting?limit=5', { as: 'tuan' });
    expect(res.status).toBe(200);
    const body = CounterWaitingSchema.parse(await res.json());
    expect(body).toMatchObject({ counterId: 'quay-3', total: 2 });
    expect(body.items.map((i) => i.number)).toEqual([p, a]);
    expect(body.items[0]).toMatchObject({
      serviceId: 'dat-dai',
      serviceName: { vi: 'Đất đai', en: 'Land' },
      marks: { priority: { groupId: 'nguoi-khuyet-tat', name: { vi: 'Người khuyết tật' } }, appointmentAt: null, transferred: null, returned: false },
    });
    await server.openCounter('quay-3');
    const called = await server.api('/centres/demo/counters/quay-3/call-next', { json: {}, as: 'tuan' });
    expect((await called.json()).ticket.number).toBe(p);
    // The default limit is 20.
    const after = CounterWaitingSchema.parse(await (await server.api('/centres/demo/counters/quay-3/waiting', { as: 'tuan' })).json());
    expect(after.items.map((i) => i.number)).toEqual([a]);
  });

  it('refuses bad input with 400 and the one error shape', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'limit=2.5']) {
      const res = await server.api(`/centres/demo/counters/quay-3/waiting?${query}`, { as: 'tuan' });
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code).toBe('request.invalid_payload');
    }
  });

  it('404 for a counter that is not the centre’s; nobody: 401; a display: 403; another centre’s admin: 403', async () => {
    const unknown = await server.api('/centres/demo/counters/quay-99/waiting', { as: 'tuan' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('counter.not_found');
    // quay-9 is a counter of hcm only.
    expect((await server.api('/centres/demo/counters/quay-9/waiting', { as: 'tuan' })).status).toBe(404);
    expect((await server.api('/centres/demo/counters/quay-3/waiting', { as: 'anonymous' })).status).toBe(401);
    expect((await server.api('/centres/demo/counters/quay-3/waiting', { as: 'display' })).status).toBe(403);
    // An officer of the demo centre asking for hcm's counter: not their centre.
    expect((await server.api('/centres/hcm/counters/quay-1/waiting', { as: 'tuan' })).status).toBe(403);
  });
});

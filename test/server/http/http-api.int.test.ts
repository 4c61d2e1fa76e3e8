import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorStatus, SnapshotSchema, TicketStatusSchema, type ErrorCode } from '../../../protocol/index.ts';
import { readRawDb } from '../../helpers/raw-db.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const json = { 'content-type': 'application/json' };
/** A request with exactly these headers plus the demo admin's session (cookie + same origin). */
const raw = async (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api${path}`, { ...init, headers: { ...(await server.credentials('admin')), ...(init.headers as Record<string, string>) } });

/** Asserts the one error shape: the status, `{ error: { code, message } }` and nothing else. */
async function expectError(res: Response, status: number, code: ErrorCode) {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await res.json();
  expect({ status: res.status, code: body?.error?.code }).toEqual({ status, code });
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.message as string;
}

describe('the happy path over HTTP', () => {
  it('issues, reads, calls and finishes a ticket', async () => {
    const issued = await server.api('/centres/demo/tickets', { json: { serviceId: 'xay-dung' } });
    expect(issued.status).toBe(200);
    const status = TicketStatusSchema.parse(await issued.json());
    expect(status).toMatchObject({ ticket: { centreId: 'demo', serviceId: 'xay-dung', number: 'E001', seq: 1, state: 'waiting' }, peopleAhead: 0 });

    const read = await server.api(`/tickets/${status.ticket.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(status);

    // The officer is whoever is logged in: Hùng opens counter 4 and calls.
    await server.openCounter('quay-4', 'hung');
    const called = await server.api('/centres/demo/counters/quay-4/call-next', { json: {}, as: 'hung' });
    expect(called.status).toBe(200);
    expect((await called.json()).ticket).toMatchObject({ id: status.ticket.id, state: 'called', counterId: 'quay-4', staffId: 'hung' });

    const finished = await server.api('/centres/demo/counters/quay-4/finish', { json: { ticketId: status.ticket.id }, as: 'hung' });
    expect(finished.status).toBe(200);
    expect((await finished.json()).ticket).toMatchObject({ id: status.ticket.id, state: 'done' });
  });

  it('lists centres, services, counters and a snapshot of the demo centre', async () => {
    expect((await (await server.api('/centres')).json()).map((c: { id: string }) => c.id)).toEqual(['demo']);
    const services = await (await server.api('/centres/demo/services')).json();
    expect(services.map((s: { numbering: { prefix: string } }) => s.numbering.prefix)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    const counters = await (await server.api('/centres/demo/counters')).json();
    expect(counters.map((c: { number: number }) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(counters[1].serviceIds).toEqual(['tu-phap-ho-tich', 'lao-dong-xa-hoi']);
    const snapshot = SnapshotSchema.parse(await (await server.api('/centres/demo/snapshot')).json());
    expect(snapshot.centre.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(snapshot.counters).toHaveLength(6);
  });

  it('answers the health check', async () => {
    const res = await server.api('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: '0.1.0' });
  });
});

describe('bad requests', () => {
  const post = (path: string, body: string, headers: Record<string, string> = json) => raw(path, { method: 'POST', headers, body });

  it('malformed JSON → 400 request.malformed', async () => {
    await expectError(await post('/centres/demo/tickets', '{"serviceId":'), 400, 'request.malformed');
    await expectError(await post('/centres/demo/tickets', ''), 400, 'request.malformed');
  });

  it('unknown fields → 400 request.invalid_payload naming the field', async () => {
    const message = await expectError(await post('/centres/demo/tickets', '{"serviceId":"dat-dai","priority":true}'), 400, 'request.invalid_payload');
    expect(message).toContain('priority');
    await expectError(await post('/centres/demo/counters/quay-1/call-next', '{"counterId":"quay-2"}'), 400, 'request.invalid_payload');
  });

  it('wrong types, missing fields and non-objects → 400 request.invalid_payload', async () => {
    await expectError(await post('/centres/demo/tickets', '{}'), 400, 'request.invalid_payload');
    await expectError(await post('/centres/demo/tickets', '{"serviceId":42}'), 400, 'request.invalid_payload');
    await expectError(await post('/centres/demo/tickets', '[]'), 400, 'request.invalid_payload');
    await expectError(await post('/centres/demo/tickets', 'null'), 400, 'request.invalid_payload');
    await expectError(await post('/centres/demo/tickets', '{"serviceId":"dat dai"}'), 400, 'request.invalid_payload');
  });

  it('an id with forbidden characters in the path → 400 request.invalid_payload', async () => {
    await expectError(await raw('/tickets/a.b'), 400, 'request.invalid_payload');
    // A centre id is checked against the caller's own centre first: not theirs, whatever its form.
    await expectError(await post('/centres/de%20mo/tickets', '{"serviceId":"dat-dai"}'), 403, 'auth.forbidden');
  });

  it('a body that is not JSON → 415 with request.unsupported_media_type', async () => {
    await expectError(await post('/centres/demo/tickets', '{"serviceId":"dat-dai"}', { 'content-type': 'text/plain' }), 415, 'request.unsupported_media_type');
  });
});

describe('unknown things', () => {
  it('centre → 403 auth.forbidden: a caller sees its own centre only, and learns nothing of others', async () => {
    await expectError(await server.api('/centres/nowhere/tickets', { json: { serviceId: 'dat-dai' } }), 403, 'auth.forbidden');
    await expectError(await server.api('/centres/nowhere/services'), 403, 'auth.forbidden');
    await expectError(await server.api('/centres/nowhere/counters'), 403, 'auth.forbidden');
    await expectError(await server.api('/centres/nowhere/snapshot'), 403, 'auth.forbidden');
    await expectError(await server.api('/centres/nowhere/counters/quay-1/call-next', { json: {} }), 403, 'auth.forbidden');
  });

  it('service → 404 service.not_found', async () => {
    await expectError(await server.api('/centres/demo/tickets', { json: { serviceId: 'hai-quan' } }), 404, 'service.not_found');
  });

  it('ticket → 404 ticket.not_found', async () => {
    await expectError(await server.api('/tickets/AAAAAAAAAAAAAAAAAAAAAA'), 404, 'ticket.not_found');
  });

  it('counter → 404 counter.not_found', async () => {
    for (const action of ['call-next', 'start-serving', 'finish', 'no-show']) {
      await expectError(await server.api(`/centres/demo/counters/quay-99/${action}`, { json: {} }), 404, 'counter.not_found');
    }
  });

  it('a staffId in the body → 400: the officer is the one logged in, nobody can act in another name', async () => {
    const message = await expectError(
      await server.api('/centres/demo/counters/quay-1/call-next', { json: { staffId: 'ghost' } }),
      400,
      'request.invalid_payload',
    );
    expect(message).toContain('staffId');
  });

  it('API route → 404 route.not_found, also for a known path with the wrong method', async () => {
    const message = await expectError(await server.api('/nothing/here'), 404, 'route.not_found');
    expect(message).toContain('/api/nothing/here');
    await expectError(await server.api('/centres/demo/tickets'), 404, 'route.not_found');
    await expectError(await raw('/tickets/abc', { method: 'DELETE' }), 404, 'route.not_found');
  });
});

describe('states that forbid the action → 409', () => {
  it('queue.empty, counter.has_current_ticket, counter.no_current_ticket, counter.ticket_mismatch', async () => {
    await server.openCounter('quay-5');
    await expectError(await server.api('/centres/demo/counters/quay-5/call-next', { json: {} }), 409, 'queue.empty');
    await expectError(await server.api('/centres/demo/counters/quay-5/finish', { json: {} }), 409, 'counter.no_current_ticket');
    const { ticket } = await (await server.api('/centres/demo/tickets', { json: { serviceId: 'dang-ky-kinh-doanh' } })).json();
    expect((await server.api('/centres/demo/counters/quay-5/call-next', { json: {} })).status).toBe(200);
    await expectError(await server.api('/centres/demo/counters/quay-5/call-next', { json: {} }), 409, 'counter.has_current_ticket');
    await expectError(await server.api('/centres/demo/counters/quay-5/finish', { json: { ticketId: 'someone-else' } }), 409, 'counter.ticket_mismatch');
    expect((await server.api('/centres/demo/counters/quay-5/start-serving', { json: {} })).status).toBe(200);
    await expectError(await server.api('/centres/demo/counters/quay-5/no-show', { json: {} }), 409, 'ticket.invalid_transition');
    expect((await server.api('/centres/demo/counters/quay-5/finish', { json: { ticketId: ticket.id } })).status).toBe(200);
  });

  it('uses the status the protocol assigns to each code', () => {
    // The table the assertions above rely on, so a change there is a visible decision.
    expect(errorStatus).toMatchObject({
      'request.malformed': 400,
      'request.invalid_payload': 400,
      'centre.not_found': 404,
      'queue.empty': 409,
      'counter.has_current_ticket': 409,
      'route.not_found': 404,
    });
  });
});

describe('refused requests over HTTP', () => {
  it('leave every table on disk exactly as it was', async () => {
    // Some state first: a waiting ticket and a counter attending another one.
    await server.api('/centres/demo/tickets', { json: { serviceId: 'lao-dong-xa-hoi' } });
    await server.api('/centres/demo/tickets', { json: { serviceId: 'lao-dong-xa-hoi' } });
    const hung = await server.openCounter('quay-2');
    expect((await server.api('/centres/demo/counters/quay-2/call-next', { json: {}, as: hung })).status).toBe(200);
    const before = readRawDb(server.config.dbFile);

    const refused = [
      await raw('/centres/demo/tickets', { method: 'POST', headers: json, body: '{"serviceId":' }),
      await raw('/centres/demo/tickets', { method: 'POST', headers: json, body: '{"serviceId":"dat-dai","x":1}' }),
      await server.api('/centres/nowhere/tickets', { json: { serviceId: 'dat-dai' } }),
      await server.api('/centres/demo/tickets', { json: { serviceId: 'hai-quan' } }),
      await server.api('/centres/demo/counters/quay-2/call-next', { json: {}, as: hung }),
      await server.api('/centres/demo/counters/quay-2/finish', { json: { ticketId: 'not-this-one' }, as: hung }),
      await server.api('/centres/demo/counters/quay-3/finish', { json: {}, as: hung }),
      await server.api('/centres/demo/counters/quay-3/call-next', { json: {}, as: hung }),
      await server.api('/centres/demo/counters/quay-99/call-next', { json: {}, as: hung }),
      await server.api('/centres/demo/counters/quay-2/call-next', { json: { staffId: 'ghost' }, as: hung }),
      // Another officer at Hùng's counter, and nobody at all.
      await server.api('/centres/demo/counters/quay-2/finish', { json: {}, as: 'lan' }),
      await server.api('/centres/demo/counters/quay-2/finish', { json: {}, as: 'anonymous' }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 403, 404, 409, 409, 409, 409, 404, 400, 403, 401]);
    expect(readRawDb(server.config.dbFile)).toEqual(before);
    // Clean up for the other tests of this file: the counter finishes its ticket.
    expect((await server.api('/centres/demo/counters/quay-2/finish', { json: {}, as: hung })).status).toBe(200);
  });
});

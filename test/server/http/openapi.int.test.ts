import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let doc: any;
beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(() => server?.stop());

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

describe('/api/openapi.json', () => {
  it('is an OpenAPI 3.1 document of the Luot API', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Luot API', version: '0.1.0' });
  });

  it('has the operations the front-ends and integrators use', () => {
    const ids = operations().map((o) => o.op.operationId);
    expect(ids).toEqual(expect.arrayContaining(['issueTicket', 'getTicket', 'listServices', 'callNext', 'finishTicket']));
    expect(new Set(ids).size).toBe(ids.length);
    const byId = Object.fromEntries(operations().map((o) => [o.op.operationId, `${o.method.toUpperCase()} ${o.path}`]));
    expect(byId).toMatchObject({
      issueTicket: 'POST /centres/{centreId}/tickets',
      getTicket: 'GET /tickets/{ticketId}',
      listServices: 'GET /centres/{centreId}/services',
      callNext: 'POST /centres/{centreId}/counters/{counterId}/call-next',
      finishTicket: 'POST /centres/{centreId}/counters/{counterId}/finish',
    });
  });

  it('describes bodies and error responses with shared schemas', () => {
    const issue = doc.paths['/centres/{centreId}/tickets'].post;
    expect(issue.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/IssueTicketBody');
    expect(issue.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/IssuedTicket');
    expect(issue.responses['409'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorResponse');
    expect(doc.components.schemas.IssueTicketBody).toMatchObject({ additionalProperties: false, required: ['serviceId'] });
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Ticket', 'Snapshot', 'ErrorResponse', 'Numbering']));
  });

  it('points clients at where the paths really are (servers + path answers, not 404)', async () => {
    // A client generated from the document resolves each path against servers[0].url.
    const base = doc.servers?.[0]?.url ?? '';
    const headers = await server.credentials('display');
    const res = await fetch(`${server.url}${base}/centres`, { headers });
    expect(res.status).toBe(200);
    const snapshot = await fetch(`${server.url}${base}/centres/demo/snapshot`, { headers });
    expect(snapshot.status).toBe(200);
  });

  it('declares the two ways to authenticate, and which operations need neither', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'luot_session' },
      deviceToken: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.security).toEqual([{ sessionCookie: [] }, { deviceToken: [] }]);
    const open = operations()
      .filter((o) => Array.isArray(o.op.security) && o.op.security.length === 0)
      .map((o) => o.op.operationId)
      .sort();
    // The citizen's own: the status page, and booking an appointment from a phone or the province
    // portal (issue #14; rate-limited per address, docs/appointments.md).
    expect(open).toEqual([
      'bookAppointment',
      'cancelAppointment',
      'deleteAppointment',
      'getAppointment',
      'getBookingInfo',
      'getReadiness',
      'getSession',
      'getTicket',
      'listAppointmentSlots',
      'login',
      // A device typing its short pairing code (issue #15; rate-limited per address, docs/security.md).
      'redeemPairingCode',
    ]);
    const byId = Object.fromEntries(operations().map((o) => [o.op.operationId, o.op]));
    expect(byId.issueTicket.security).toEqual([{ sessionCookie: [] }, { deviceToken: [] }]);
    expect(byId.issueTicket['x-permission']).toBe('ticket:issue');
    expect(byId.createDeviceToken.security).toEqual([{ sessionCookie: [] }]);
    expect(byId.issueTicket.responses['429'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorResponse');
  });
});

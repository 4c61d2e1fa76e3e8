import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema, TicketCalledEventSchema, TicketIssuedEventSchema } from '../../../protocol/index.ts';
import { createDeviceToken } from '../../../server/accounts/devices.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { hcmCentre } from '../../fixtures/centres.ts';
import { OFFICER_AT, startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, DEMO_DISPLAY_AUTH, type RecordingClient } from '../../helpers/sockets.ts';

let server: TestServer;
const clients: RecordingClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
  // Each counter these tests call at is held by its own officer; opened before any display connects.
  for (const counterId of ['quay-2', 'quay-3', 'quay-6']) await server.openCounter(counterId);
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(() => server?.stop());

function display(auth: unknown = DEMO_DISPLAY_AUTH, transports?: ('websocket' | 'polling')[]) {
  const client = centreClient(server.url, auth, { transports });
  clients.push(client);
  return client;
}
const issue = async (serviceId: string) => {
  const res = await server.api('/centres/demo/tickets', { json: { serviceId } });
  expect(res.status).toBe(200);
  return (await res.json()).ticket;
};
const callNext = async (counterId: string) => {
  const res = await server.api(`/centres/demo/counters/${counterId}/call-next`, { json: {}, as: OFFICER_AT[counterId] });
  expect(res.status).toBe(200);
  return (await res.json()).ticket;
};
const finish = async (counterId: string) => {
  expect((await server.api(`/centres/demo/counters/${counterId}/finish`, { json: {}, as: OFFICER_AT[counterId] })).status).toBe(200);
};

describe('a hall display on /centre', () => {
  it.each([['websocket'], ['polling']] as const)('gets a snapshot first, then each fact with the next seq (%s)', async (transport) => {
    const client = display(DEMO_DISPLAY_AUTH, [transport]);
    await connect(client.socket);
    const first = await client.waitFor((r) => r.event === 'state:snapshot');
    expect(client.received[0]!.event).toBe('state:snapshot');
    const snapshot = SnapshotSchema.parse(first.payload);
    expect(snapshot.centre.id).toBe('demo');

    const ticket = await issue('lao-dong-xa-hoi');
    const called = await callNext('quay-2');
    expect(called.id).toBe(ticket.id);

    const issuedEvent = await client.waitFor((r) => r.event === 'ticket:issued' && r.payload.ticket.id === ticket.id);
    const calledEvent = await client.waitFor((r) => r.event === 'ticket:called' && r.payload.ticket.id === ticket.id);
    const issuedPayload = TicketIssuedEventSchema.parse(issuedEvent.payload);
    const calledPayload = TicketCalledEventSchema.parse(calledEvent.payload);
    expect(issuedPayload.seq).toBe(snapshot.seq + 1);
    expect(calledPayload.seq).toBe(issuedPayload.seq + 1);
    expect(calledPayload.call).toEqual({
      ticketId: ticket.id,
      number: ticket.number,
      serviceId: 'lao-dong-xa-hoi',
      counterId: 'quay-2',
      counterNumber: 2,
      calledAt: called.calledAt,
      recall: false,
    });
    expect(calledPayload.ticket).toEqual(called);
    expect(client.received.map((r) => r.event)).toEqual(['state:snapshot', 'ticket:issued', 'ticket:called']);
    await finish('quay-2');
    const updated = await client.waitFor((r) => r.event === 'ticket:updated');
    expect(updated.payload.seq).toBe(calledPayload.seq + 1);
    expect(updated.payload.ticket).toMatchObject({ id: ticket.id, state: 'done' });
  });

  it('every connected display of the centre gets the same facts in the same order', async () => {
    const a = display();
    const b = display();
    await Promise.all([connect(a.socket), connect(b.socket)]);
    await Promise.all([a.waitFor((r) => r.event === 'state:snapshot'), b.waitFor((r) => r.event === 'state:snapshot')]);
    for (let i = 0; i < 5; i++) await issue('tra-ket-qua');
    await callNext('quay-6');
    await a.waitFor((r) => r.event === 'ticket:called');
    await b.waitFor((r) => r.event === 'ticket:called');
    const seqs = (c: RecordingClient) => c.received.slice(1).map((r) => r.payload.seq);
    expect(seqs(a)).toEqual(seqs(b));
    expect(seqs(a)).toHaveLength(6);
    const s0 = a.received[0]!.payload.seq as number;
    expect(seqs(a)).toEqual([1, 2, 3, 4, 5, 6].map((i) => s0 + i));
    await finish('quay-6');
  });

  it('after a disconnect, reconnecting gives a fresh snapshot with the calls made meanwhile', async () => {
    const client = display();
    await connect(client.socket);
    const before = SnapshotSchema.parse((await client.waitFor((r) => r.event === 'state:snapshot')).payload);
    client.socket.disconnect();

    const t1 = await issue('dat-dai');
    const t2 = await issue('dat-dai');
    await callNext('quay-3');
    await finish('quay-3');
    await callNext('quay-3');

    const from = client.received.length;
    await connect(client.socket);
    const after = SnapshotSchema.parse((await client.waitFor((r) => r.event === 'state:snapshot', { from })).payload);
    expect(client.received.slice(from)[0]!.event).toBe('state:snapshot');
    expect(after.seq).toBe(before.seq + 5);
    expect(after.recentCalls.slice(0, 2).map((c) => [c.number, c.counterNumber])).toEqual([
      [t2.number, 3],
      [t1.number, 3],
    ]);
    expect(after.counters.find((v) => v.counter.id === 'quay-3')!.current).toMatchObject({ id: t2.id, state: 'called' });
    // Nothing was replayed: the events missed while away are in the snapshot, not resent.
    expect(client.received.slice(from).filter((r) => r.event !== 'state:snapshot')).toEqual([]);
    await finish('quay-3');
  });

  it('does not receive facts of another centre', async () => {
    await installCentre(server.deps.store, hcmCentre);
    const hcmDisplay = await createDeviceToken(server.deps, { centreId: 'hcm', createdBy: null, kind: 'display', name: 'hcm hall' });
    const hcmKiosk = await createDeviceToken(server.deps, { centreId: 'hcm', createdBy: null, kind: 'kiosk', name: 'hcm kiosk' });
    const demo = display(DEMO_DISPLAY_AUTH);
    const other = display({ centreId: 'hcm', token: hcmDisplay.token });
    await Promise.all([connect(demo.socket), connect(other.socket)]);
    await demo.waitFor((r) => r.event === 'state:snapshot');
    const otherSnapshot = await other.waitFor((r) => r.event === 'state:snapshot');
    expect(otherSnapshot.payload.centre.id).toBe('hcm');
    await issue('xay-dung');
    const res = await server.api('/centres/hcm/tickets', {
      json: { serviceId: 'ho-tich' },
      as: 'anonymous',
      headers: { authorization: `Bearer ${hcmKiosk.token}` },
    });
    expect(res.status).toBe(200);
    await other.waitFor((r) => r.event === 'ticket:issued');
    await demo.waitFor((r) => r.event === 'ticket:issued');
    expect(other.received.map((r) => r.event)).toEqual(['state:snapshot', 'ticket:issued']);
    expect(other.received[1]!.payload).toMatchObject({ seq: 1, ticket: { centreId: 'hcm', number: 'A001' } });
    expect(demo.received.slice(1).every((r) => r.payload.ticket.centreId === 'demo')).toBe(true);
  });
});

describe('snapshot:request', () => {
  it('answers { ok: true, data: snapshot } for {}', async () => {
    const client = display();
    await connect(client.socket);
    await client.waitFor((r) => r.event === 'state:snapshot');
    const result = await client.socket.timeout(3000).emitWithAck('snapshot:request', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(SnapshotSchema.parse(result.data).seq).toBe(await server.deps.store.currentSeq('demo'));
  });

  it.each([
    ['an unknown field', { centreId: 'other' }],
    ['a string', 'please'],
    ['a number', 42],
    ['an array', []],
  ])('answers request.invalid_payload for %s', async (_label, payload) => {
    const client = display();
    await connect(client.socket);
    await client.waitFor((r) => r.event === 'state:snapshot');
    const result = await client.socket.timeout(3000).emitWithAck('snapshot:request', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'request.invalid_payload' } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
    // The socket is still usable afterwards.
    expect((await client.socket.timeout(3000).emitWithAck('snapshot:request', {})).ok).toBe(true);
  });
});

describe('the handshake', () => {
  it.each([
    ['no auth', undefined, /^request\.invalid_payload/],
    ['no centreId', {}, /^request\.invalid_payload/],
    ['a malformed centreId', { centreId: 'de mo', token: DEMO_DISPLAY_AUTH.token }, /^request\.invalid_payload/],
    ['no credentials', { centreId: 'demo' }, /^auth\.required$/],
    ['a wrong token', { centreId: 'demo', token: 'luot_demo-display.wrong' }, /^auth\.required$/],
    ['another centre', { centreId: 'nowhere', token: DEMO_DISPLAY_AUTH.token }, /^auth\.forbidden$/],
  ])('refuses %s with connect_error', async (_label, auth, message) => {
    // Not display(): its default would replace an undefined auth.
    const client = centreClient(server.url, auth);
    clients.push(client);
    const error = await connect(client.socket).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(message);
    expect(client.socket.connected).toBe(false);
    expect(client.received).toEqual([]);
  });
});

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreSettings, DossierReturnResult, Snapshot, WebhookDelivery } from '../../../protocol/index.ts';
import { verifyWebhook } from '../../../server/webhooks/webhook-signature.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, DEMO_DISPLAY_AUTH, type RecordingClient } from '../../helpers/sockets.ts';

/**
 * Issue #14 over the real server: the dossier system's API (integration token), the kiosk's
 * result return under both unknown-code settings, and the hand-over's signed webhook to a real
 * local receiver that first fails — retried, then delivered once.
 */
const SECRET = 'test-secret-of-the-demo-centre-0001';
let server: TestServer;
let receiver: Server;
let hookUrl: string;
const received: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];
const answers: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/luot-hook`;
  server = await startTestServer({}, { WEBHOOK_RETRY_BASE_MS: '300' });
  await putSettings({ dossierReturnServiceId: 'tra-ket-qua', dossierWebhookUrl: hookUrl, webhookSecret: SECRET, unknownDossier: 'refuse' });
});
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function putSettings(change: Partial<CentreSettings>) {
  const settings = (await (await server.api('/centres/demo/settings')).json()) as CentreSettings;
  const res = await server.api('/centres/demo/settings', { method: 'PUT', json: { ...settings, ...change } });
  expect(res.status, await res.clone().text()).toBe(200);
}
const put = (code: string, body: unknown, as: 'integration' | 'kiosk' | 'anonymous' | 'admin' = 'integration') =>
  server.api(`/centres/demo/dossiers/${code}`, { method: 'PUT', json: body, as });
const ask = async (code: string) => {
  const res = await server.api('/centres/demo/dossier-returns', { json: { code }, as: 'kiosk' });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as DossierReturnResult;
};
const ticketCount = () => rawQuery<{ n: number }>(server.config.dbFile, 'SELECT count(*) AS n FROM tickets')[0]!.n;
const dossierRows = () => rawQuery<{ code: string; state: string }>(server.config.dbFile, 'SELECT code, state FROM dossiers ORDER BY code');

describe('the dossier system API', () => {
  it('upserts one dossier with an integration token and reads it back', async () => {
    const res = await put('h12.34-241203-0001', {
      state: 'ready',
      serviceId: 'dat-dai',
      dueDate: '2026-12-03',
      returnCounterId: 'quay-6',
      citizenName: 'Nguyễn Văn An',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 'H12.34-241203-0001', state: 'ready', returnedAt: null });
    const read = await server.api('/centres/demo/dossiers/H12.34-241203-0001', { as: 'integration' });
    expect(await read.json()).toMatchObject({ code: 'H12.34-241203-0001', citizenName: 'Nguyễn Văn An', returnCounterId: 'quay-6' });
  });

  it('refuses strangers, kiosks, bad bodies and unknown references with a clear 4xx, changing nothing', async () => {
    const before = dossierRows();
    expect((await put('H12.34-241203-0009', { state: 'ready' }, 'anonymous')).status).toBe(401);
    expect((await put('H12.34-241203-0009', { state: 'ready' }, 'kiosk')).status).toBe(403);
    const badState = await put('H12.34-241203-0009', { state: 'done' });
    expect(badState.status).toBe(400);
    expect(await badState.json()).toMatchObject({ error: { code: 'request.invalid_payload', message: expect.stringContaining('state') } });
    expect((await put('bad code!', { state: 'ready' })).status).toBe(400);
    const badRef = await put('H12.34-241203-0009', { state: 'ready', returnCounterId: 'quay-99' });
    expect(badRef.status).toBe(400);
    expect(await badRef.json()).toMatchObject({ error: { code: 'dossier.invalid', message: expect.stringContaining('quay-99') } });
    expect(dossierRows()).toEqual(before);
    expect((await server.api('/centres/demo/dossiers/H12.34-241203-0009', { as: 'integration' })).status).toBe(404);
  });

  it('a batch with bad rows is refused whole; a good batch is written whole', async () => {
    const before = dossierRows();
    const bad = await server.api('/centres/demo/dossiers/batch', {
      as: 'integration',
      json: {
        dossiers: [
          { code: 'H12.34-241203-0002', state: 'received', dueDate: '2026-12-10' },
          { code: 'H12.34-241203-0003', state: 'ready', serviceId: 'no-such-service' },
          { code: 'H12.34-241203-0004', state: 'ready', returnServiceId: 'also-missing' },
        ],
      },
    });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('dossier.invalid');
    expect(error.message).toContain('dossiers.1 (H12.34-241203-0003)');
    expect(error.message).toContain('dossiers.2 (H12.34-241203-0004)');
    const malformed = await server.api('/centres/demo/dossiers/batch', {
      as: 'integration',
      json: { dossiers: [{ code: 'H1-1-1', state: 'ready' }, { code: 'H1-1-2' }] },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'request.invalid_payload', message: expect.stringContaining('dossiers.1.state') } });
    expect(dossierRows()).toEqual(before);

    const good = await server.api('/centres/demo/dossiers/batch', {
      as: 'integration',
      json: {
        dossiers: [
          { code: 'H12.34-241203-0002', state: 'received', dueDate: '2026-12-10' },
          { code: 'H12.34-241203-0005', state: 'ready' },
        ],
      },
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ created: 2, updated: 0 });
  });
});

describe("the kiosk's Nhận kết quả", () => {
  it('ready: a ticket in the return counter’s queue, carrying the code', async () => {
    const result = await ask('h12.34-241203-0001');
    if (result.outcome !== 'issued') throw new Error(`expected issued, got ${result.outcome}`);
    expect(result.issued.ticket).toMatchObject({
      serviceId: 'tra-ket-qua',
      targetCounterId: 'quay-6',
      dossierCode: 'H12.34-241203-0001',
      dossierUnverified: false,
    });
    expect(result.dossier).toEqual({ maskedCode: 'H12.34-****-0001', maskedName: 'N. V. An', dueDate: '2026-12-03' });
    const status = await (await server.api(`/tickets/${result.issued.ticket.id}`, { as: 'anonymous' })).json();
    expect(status).toMatchObject({ ticket: { dossierCode: 'H12.34-241203-0001' } });
  });

  it('not ready: no ticket, the due date; unknown: refused, then flagged when the centre says so', async () => {
    const before = ticketCount();
    expect(await ask('H12.34-241203-0002')).toMatchObject({ outcome: 'not_ready', state: 'received', dossier: { dueDate: '2026-12-10' } });
    expect(await ask('H99-000000-0000')).toEqual({ outcome: 'unknown' });
    expect(ticketCount()).toBe(before);

    await putSettings({ unknownDossier: 'issue-flagged' });
    const flagged = await ask('H99-000000-0000');
    expect(flagged).toMatchObject({ outcome: 'issued', unverified: true, dossier: null });
    if (flagged.outcome !== 'issued') return;
    expect(flagged.issued.ticket).toMatchObject({ serviceId: 'tra-ket-qua', targetCounterId: null, dossierCode: 'H99-000000-0000', dossierUnverified: true });
    expect(ticketCount()).toBe(before + 1);
    await putSettings({ unknownDossier: 'refuse' });
  });
});

describe('what the /centre sockets receive of a return ticket', () => {
  it('staff get the code whole; public screens (device sockets) get it masked, in facts and snapshots', async () => {
    expect((await put('H12.34-241204-0777', { state: 'ready', serviceId: 'dat-dai', returnCounterId: 'quay-6' })).status).toBe(200);
    const display = centreClient(server.url, DEMO_DISPLAY_AUTH);
    const staff = centreClient(server.url, { centreId: 'demo' }, { headers: await loginHeaders(server.url, 'admin') });
    try {
      await Promise.all([connect(display.socket), connect(staff.socket)]);
      const result = await ask('H12.34-241204-0777');
      if (result.outcome !== 'issued') throw new Error(`expected issued, got ${result.outcome}`);
      const issued = (c: RecordingClient) => c.waitFor((r) => r.event === 'ticket:issued' && r.payload.ticket.id === result.issued.ticket.id);
      expect((await issued(staff)).payload.ticket.dossierCode).toBe('H12.34-241204-0777');
      expect((await issued(display)).payload.ticket.dossierCode).toBe('H12.34-****-0777');

      // Called at quay-6: the call, and the snapshot's counter view holding it as the current ticket.
      const officer = await server.openCounter('quay-6');
      const from = { display: display.received.length, staff: staff.received.length };
      const called = result.issued.ticket.id;
      const res = await server.api('/centres/demo/counters/quay-6/call', { json: { ticketId: called }, as: officer });
      expect(res.status, await res.clone().text()).toBe(200);
      const call = (c: RecordingClient, start: number) => c.waitFor((r) => r.event === 'ticket:called' && r.payload.ticket.id === called, { from: start });
      expect((await call(staff, from.staff)).payload.ticket.dossierCode).toBe('H12.34-241204-0777');
      expect((await call(display, from.display)).payload).toMatchObject({
        ticket: { dossierCode: 'H12.34-****-0777' },
        call: { dossierCode: 'H12.34-****-0777' },
      });
      const snapshot = async (c: RecordingClient) => {
        const answer = await c.socket.timeout(5000).emitWithAck('snapshot:request', {});
        return (answer as { ok: true; data: Snapshot }).data.counters.find((v) => v.counter.id === 'quay-6')!.current!.dossierCode;
      };
      expect(await snapshot(staff)).toBe('H12.34-241204-0777');
      expect(await snapshot(display)).toBe('H12.34-****-0777');
      // Finished: the next test's hand-over of another dossier starts at a free counter.
      expect((await server.api('/centres/demo/counters/quay-6/finish', { json: {}, as: officer })).status).toBe(200);
    } finally {
      display.close();
      staff.close();
    }
  });
});

describe('the hand-over and its webhook', () => {
  it('marks the dossier returned; the receiver gets the signed webhook, retried after a 500, delivered once', async () => {
    answers.push(500, 200);
    const officer = await server.openCounter('quay-6');
    const res = await server.api('/centres/demo/dossiers/H12.34-241203-0001/return', { json: {}, as: officer });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'returned', returnedBy: expect.any(String) });
    // Again: already returned, and no second webhook.
    const again = await server.api('/centres/demo/dossiers/H12.34-241203-0001/return', { json: {}, as: officer });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'dossier.already_returned' } });

    await waitFor(() => received.length >= 2, 10_000);
    // Long enough for a wrongly repeated delivery to show.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(received.map((r) => r.status)).toEqual([500, 200]);
    for (const r of received) {
      expect(r.headers['x-luot-event']).toBe('dossier.returned');
      const ok = verifyWebhook(
        SECRET,
        { timestamp: r.headers['x-luot-timestamp'] as string, signature: r.headers['x-luot-signature'] as string },
        r.body,
        Date.now() / 1000,
      );
      expect(ok).toBe(true);
    }
    expect(received[0]!.headers['x-luot-delivery']).toBe(received[1]!.headers['x-luot-delivery']);
    expect(JSON.parse(received[1]!.body)).toMatchObject({
      event: 'dossier.returned',
      centreId: 'demo',
      dossier: { code: 'H12.34-241203-0001', state: 'returned' },
    });

    const read = await (await server.api('/centres/demo/dossiers/H12.34-241203-0001', { as: 'integration' })).json();
    expect(read).toMatchObject({ state: 'returned', returnedAt: expect.any(String) });
    const list = (await (await server.api('/centres/demo/webhook-deliveries')).json()) as { deliveries: WebhookDelivery[] };
    expect(list.deliveries).toHaveLength(1);
    expect(list.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2, kind: 'dossier.returned', lastError: null });
  });

  it('a not-ready dossier cannot be handed over', async () => {
    const officer = await server.openCounter('quay-6');
    const res = await server.api('/centres/demo/dossiers/H12.34-241203-0002/return', { json: {}, as: officer });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'dossier.not_ready' } });
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the CSV import over HTTP', () => {
  it('accepts the good lines and lists the bad ones by line; a kiosk may not import', async () => {
    const csv =
      'code;state;due_date;return_counter_id\nH12.34-241204-0001;ready;04/12/2026;quay-6\nH12.34-241204-0002;finished;;\nH12.34-241204-0003;ready;;quay-99\n';
    expect((await server.api('/centres/demo/dossiers/import', { json: { csv }, as: 'kiosk' })).status).toBe(403);
    const res = await server.api('/centres/demo/dossiers/import', { json: { csv } });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { accepted: number; rejected: { line: number; message: string }[] };
    expect(result.accepted).toBe(1);
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(result.rejected[1]!.message).toContain('quay-99');
    expect(dossierRows().find((d) => d.code === 'H12.34-241204-0001')?.state).toBe('ready');
    const bad = await server.api('/centres/demo/dossiers/import', { json: { csv: 'code;colour\nA-1-1;red\n' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'dossier.invalid', message: expect.stringContaining('colour') } });
  });
});

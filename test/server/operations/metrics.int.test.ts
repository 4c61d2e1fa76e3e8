/**
 * GET /metrics for the operator's Prometheus (issue #13, docs/operations.md): absent (404) without
 * METRICS_TOKEN, 401 auth.required without the right bearer token, and with it a valid text
 * exposition whose figures follow what the server does: requests, /centre sockets, waiting tickets,
 * devices, store faults.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io } from 'socket.io-client';
import { BRIDGE_NAMESPACE, BridgeEvents } from '../../../protocol/index.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { StoreUnavailable } from '../../../server/storage/store-faults.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, DEMO_DISPLAY_AUTH } from '../../helpers/sockets.ts';
import { parseExposition, valueOf, type Parsed } from './prometheus-text.ts';

const TOKEN = 'metrics-token-for-the-tests-0123456789abcdef';

describe('without METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('/metrics answers 404 route.not_found, as if it did not exist, whatever the credentials', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const res = await fetch(`${server.url}/metrics`, { headers });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'route.not_found', message: 'No route GET /metrics.' } });
    }
  });
});

describe('with METRICS_TOKEN', () => {
  let server: TestServer;
  const logged: string[] = [];
  const log = { info: () => {}, warn: (m: string) => logged.push(`WARN ${m}`), error: (m: string) => logged.push(`ERROR ${m}`) };
  beforeAll(async () => {
    server = await startTestServer({ log }, { METRICS_TOKEN: TOKEN, PRINT_TIMEOUT_MS: '120000' });
  });
  afterAll(() => server?.stop());

  const scrape = async (): Promise<Parsed> => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parseExposition(await res.text());
  };

  it('refuses a missing, wrong or differently long token with 401 auth.required', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN.slice(0, -1)}x`, `Bearer ${TOKEN}x`, 'Bearer x', TOKEN, `Basic ${TOKEN}`]) {
      const res = await fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect((await res.json()).error.code).toBe('auth.required');
    }
  });

  it('answers a valid exposition with every documented family, typed', async () => {
    const parsed = await scrape();
    expect(Object.fromEntries(parsed.types)).toMatchObject({
      luot_http_requests_total: 'counter',
      luot_http_request_duration_seconds: 'histogram',
      luot_socket_connections: 'gauge',
      luot_bridges_connected: 'gauge',
      luot_devices: 'gauge',
      luot_queue_waiting: 'gauge',
      luot_print_jobs_failed: 'gauge',
      luot_store_errors_total: 'counter',
      luot_store_up: 'gauge',
      process_cpu_seconds_total: 'counter',
      process_resident_memory_bytes: 'gauge',
      nodejs_eventloop_lag_p99_seconds: 'gauge',
    });
    expect(valueOf(parsed, 'luot_store_up')).toBe(1);
    expect(valueOf(parsed, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(valueOf(parsed, 'luot_bridges_connected', { centre: 'demo' })).toBe(0);
  });

  it('counts requests by route pattern, never the raw path; unknown paths are "unmatched"', async () => {
    const before = await scrape();
    const issued = (await (await server.api('/centres/demo/tickets', { json: { serviceId: 'dat-dai' }, as: 'kiosk' })).json()).ticket.id;
    await fetch(`${server.url}/api/tickets/${issued}`);
    await fetch(`${server.url}/api/no/such/${issued}`);
    const after = await scrape();
    const count = (p: Parsed, labels: Record<string, string>) => valueOf(p, 'luot_http_requests_total', labels) ?? 0;
    const issue = { method: 'POST', route: '/api/centres/:centreId/tickets', status: '200' };
    expect(count(after, issue)).toBe(count(before, issue) + 1);
    const status = { method: 'GET', route: '/api/tickets/:ticketId', status: '200' };
    expect(count(after, status)).toBe(count(before, status) + 1);
    const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
    expect(count(after, unmatched)).toBe(count(before, unmatched) + 1);
    expect(after.samples.some((s) => Object.values(s.labels).some((v) => v.includes(issued)))).toBe(false);
    // The scrape before counts too, under its own route.
    expect(count(after, { method: 'GET', route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, 'luot_http_request_duration_seconds_count', { method: 'POST', route: '/api/centres/:centreId/tickets' })).toBeGreaterThanOrEqual(1);
  });

  it('counts a connected /centre client under its centre, and forgets it once it leaves', async () => {
    const socketsOf = (p: Parsed) => valueOf(p, 'luot_socket_connections', { namespace: '/centre', centre: 'demo' }) ?? 0;
    const before = socketsOf(await scrape());
    const client = centreClient(server.url, DEMO_DISPLAY_AUTH);
    await connect(client.socket);
    try {
      expect(socketsOf(await scrape())).toBe(before + 1);
    } finally {
      client.close();
    }
    await vi.waitFor(async () => expect(socketsOf(await scrape())).toBe(before));
  });

  it('shows an issued ticket in luot_queue_waiting of its centre and service, and services nobody waits for as 0', async () => {
    const waitingOf = async (service: string) => valueOf(await scrape(), 'luot_queue_waiting', { centre: 'demo', service });
    const before = (await waitingOf('xay-dung')) ?? 0;
    const res = await server.api('/centres/demo/tickets', { json: { serviceId: 'xay-dung' }, as: 'kiosk' });
    expect(res.status).toBe(200);
    expect(await waitingOf('xay-dung')).toBe(before + 1);
    const services = ((await (await server.api('/centres/demo/services')).json()) as { id: string }[]).map((s) => s.id);
    const parsed = await scrape();
    for (const service of services) expect(valueOf(parsed, 'luot_queue_waiting', { centre: 'demo', service }), service).toBeGreaterThanOrEqual(0);
  });

  it('counts a store fault answered as 503, and says store down (still answering) when the scrape cannot read the store', async () => {
    const errors = async () => valueOf(await scrape(), 'luot_store_errors_total')!;
    const before = await errors();
    const fault = () => new StoreUnavailable(server.config.dbFile, 'SQLITE_IOERR_READ', new Error('disk I/O error'));
    const probe = vi.spyOn(server.deps.store, 'currentSeq').mockRejectedValue(fault());
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(503);
    probe.mockRestore();
    expect(await errors()).toBe(before + 1);

    const centres = vi.spyOn(server.deps.store, 'listCentres').mockRejectedValue(fault());
    try {
      const down = await scrape();
      expect(valueOf(down, 'luot_store_up')).toBe(0);
      expect(valueOf(down, 'luot_store_errors_total')).toBe(before + 2);
      expect(down.samples.some((s) => s.name === 'luot_queue_waiting')).toBe(false);
      expect(logged.some((l) => l.startsWith('ERROR GET /metrics: store.unavailable: SQLITE_IOERR_READ on '))).toBe(true);
    } finally {
      centres.mockRestore();
    }
    expect(valueOf(await scrape(), 'luot_store_up')).toBe(1);
  });

  it('counts a connected bridge, its devices by kind and status, and failed prints of the last day by reason', async () => {
    const bridge = io(`${server.url}${BRIDGE_NAMESPACE}`, {
      auth: { token: DEMO_TOKENS.bridge },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        bridge.once('connect', resolve);
        bridge.once('connect_error', reject);
      });
      const hello = {
        bridgeVersion: 'test',
        devices: [
          { id: 'p1', kind: 'printer' as const, kioskId: 'demo-kiosk', status: 'paper_low' as const },
          { id: 'k1', kind: 'keypad' as const, counterId: 'quay-1', status: 'ok' as const },
        ],
      };
      expect(await bridge.timeout(5000).emitWithAck(BridgeEvents.hello, hello)).toMatchObject({ ok: true });
      const now = Date.now();
      const ticketId = (await (await server.api('/centres/demo/tickets', { json: { serviceId: 'dat-dai' } })).json()).ticket.id;
      await server.deps.store.runInTx({ centreId: 'demo' }, async (tx) => {
        for (const id of ['metrics-job-1', 'metrics-job-2']) {
          await tx.insertPrintJob({
            id,
            centreId: 'demo',
            ticketId,
            kioskId: 'demo-kiosk',
            bridgeId: 'demo-bridge',
            printerId: 'p1',
            status: 'pending',
            reprint: false,
            requestedBy: null,
            createdAtMs: now,
            deadlineAtMs: now + 60_000,
          });
          await tx.updatePrintJob(id, { status: 'failed', error: 'printer.paper_out', errorMessage: 'out of paper', atMs: now }, ['pending']);
        }
      });
      const parsed = await scrape();
      expect(valueOf(parsed, 'luot_socket_connections', { namespace: '/bridge', centre: 'demo' })).toBe(1);
      expect(valueOf(parsed, 'luot_bridges_connected', { centre: 'demo' })).toBe(1);
      expect(valueOf(parsed, 'luot_devices', { centre: 'demo', kind: 'printer', status: 'paper_low' })).toBe(1);
      expect(valueOf(parsed, 'luot_devices', { centre: 'demo', kind: 'keypad', status: 'ok' })).toBe(1);
      expect(valueOf(parsed, 'luot_print_jobs_failed', { centre: 'demo', status: 'failed', reason: 'printer.paper_out' })).toBe(2);
    } finally {
      bridge.disconnect();
    }
    await vi.waitFor(async () => expect(valueOf(await scrape(), 'luot_bridges_connected', { centre: 'demo' })).toBe(0));
  });
});

/**
 * GET /api/ready for the load balancer (issue #13, docs/operations.md): 200 while the store
 * answers, 503 store.unavailable (the one error shape, no detail) when it does not, and ready
 * again by itself once it does. /api/health stays the liveness answer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { StoreUnavailable } from '../../../server/storage/store-faults.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

const logged: string[] = [];
const log = { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) };
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ log });
});
afterAll(() => server?.stop());
afterEach(() => {
  vi.restoreAllMocks();
  logged.length = 0;
});

const ready = () => fetch(`${server.url}/api/ready`);

describe('GET /api/ready', () => {
  it('answers 200 { ok, version } without credentials while the store answers', async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(await res.json()).toEqual({ ok: true, version: '0.1.0' });
  });

  it('answers 503 store.unavailable when the store fails, saying nothing of why; ready again once it answers', async () => {
    const fault = new StoreUnavailable(server.config.dbFile, 'SQLITE_IOERR_READ', new Error('disk I/O error'));
    const probe = vi.spyOn(server.deps.store, 'currentSeq').mockRejectedValue(fault);
    const res = await ready();
    expect(probe).toHaveBeenCalled();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'store.unavailable', message: expect.any(String) } });
    expect(body.error.message).not.toMatch(/SQLITE|luot\.sqlite|\//);
    // The log says why and where.
    expect(logged.some((l) => l.startsWith('GET /api/ready: store.unavailable: SQLITE_IOERR_READ on ') && l.includes(server.config.dbFile))).toBe(true);

    probe.mockRestore();
    expect((await ready()).status).toBe(200);
  });

  it('a probe failure the adapter did not recognise is not ready either (503, not 500)', async () => {
    vi.spyOn(server.deps.store, 'currentSeq').mockRejectedValue(new TypeError('The database connection is not open'));
    const res = await ready();
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('store.unavailable');
  });

  it('is documented as a public operation; /api/health still answers alive', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const op = doc.paths['/ready'].get;
    expect(op).toMatchObject({ operationId: 'getReadiness', security: [] });
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Readiness');
    expect(op.responses['503'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorResponse');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, version: '0.1.0' });
  });
});

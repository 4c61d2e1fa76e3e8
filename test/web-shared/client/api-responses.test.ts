import { describe, expect, it } from 'vitest';
import { ApiError, ApiResponseError, createApi } from '../../../web-shared/client/api.ts';
import { ticket } from './centre.fixtures.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A client whose server answers `body` to everything, recording the addresses asked. */
function answering(body: unknown, init: { credentials?: 'omit' } = {}) {
  const seen: { url: string; method?: string; credentials?: RequestCredentials; body?: unknown }[] = [];
  const api = createApi(
    '',
    async (url, req) => {
      seen.push({ url, method: req?.method, credentials: req?.credentials, body: req?.body ? JSON.parse(String(req.body)) : undefined });
      return json(200, body);
    },
    { deviceToken: 'luot_k.s', ...init },
  );
  return { api, seen };
}

const status = { ticket: ticket({ id: 't1', number: 'A001' }), peopleAhead: 0, estimatedWaitMinutes: 4 };
const at = '2026-11-23T02:00:00.000Z';
const head = { centreId: 'demo', centreName: { vi: 'Trung tâm', en: 'Centre' }, timeZone: 'Asia/Ho_Chi_Minh', from: '2026-11-01', to: '2026-11-23' };
const hours = {
  ...head,
  hours: [{ hour: 8, issued: 12, perDay: 1.5, byWeekday: [1, 2, 3, 4, 2, 0, 0] }],
  weekdays: [{ weekday: 1, issued: 12, perDay: 3 }],
  openDays: 8,
};
const job = {
  id: 'job-1',
  centreId: 'demo',
  ticketId: 't1',
  number: 'A001',
  kioskId: 'kiosk-1',
  printerId: 'printer-1',
  status: 'printed',
  reprint: false,
  attempts: 1,
  error: null,
  createdAt: at,
  updatedAt: at,
};

describe('api answers are checked against the route schemas', () => {
  it('issueTicket answers an IssuedTicket: the print job the kiosk follows survives the check', async () => {
    const { api } = answering({ ...status, printJob: { id: 'job-1', status: 'pending' } });
    const issued = await api.issueTicket('demo', 'a');
    expect(issued.printJob).toEqual({ id: 'job-1', status: 'pending' });
    expect(issued.ticket.number).toBe('A001');
  });

  it('an answer that does not match its schema is an ApiResponseError (internal), not a wrongly typed value', async () => {
    const { api } = answering({ ticket: { number: 'A001' }, peopleAhead: 2 });
    const error = await api.counterAction('demo', 'quay-1', 'call-next').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'internal', status: 200, name: 'ApiResponseError' });
    expect((error as ApiResponseError).message).toContain('POST /api/centres/demo/counters/quay-1/call-next');
    expect((error as ApiResponseError).message).toContain('ticket.id');
    expect((error as ApiResponseError).issues.length).toBeGreaterThan(0);
  });

  it('a list with one bad item fails as a whole', async () => {
    const { api } = answering([{ id: 'one', name: { vi: 'Một', en: 'One' }, timeZone: 'Asia/Ho_Chi_Minh' }, { id: 'two' }]);
    await expect(api.listCentres()).rejects.toBeInstanceOf(ApiResponseError);
  });

  it('a 2xx page that is not JSON at all is an ApiResponseError too', async () => {
    const api = createApi('', async () => new Response('<html>portal</html>', { status: 200 }));
    await expect(api.getSession()).rejects.toMatchObject({ name: 'ApiResponseError', code: 'internal' });
  });

  it('getReport: the report named picks the schema and the address; empty query values are left out', async () => {
    const { api, seen } = answering(hours);
    const answer = await api.getReport('demo', 'busiest-hours', { from: '2026-11-01', to: '2026-11-23', groupBy: undefined, serviceId: '' });
    expect(answer.openDays).toBe(8);
    expect(seen[0]?.url).toBe('/api/centres/demo/reports/busiest-hours?from=2026-11-01&to=2026-11-23');
    // The same answer asked as another report does not pass for it.
    await expect(api.getReport('demo', 'time-summary', { groupBy: 'service' })).rejects.toBeInstanceOf(ApiResponseError);
    expect(seen[1]?.url).toBe('/api/centres/demo/reports/time-summary?groupBy=service');
    await expect(api.getReport('demo', 'live')).rejects.toBeInstanceOf(ApiResponseError);
    expect(seen[2]?.url).toBe('/api/centres/demo/reports/live');
  });

  it("getPrintJob follows the kiosk's job with its token", async () => {
    const { api, seen } = answering(job);
    expect((await api.getPrintJob('job 1')).status).toBe('printed');
    expect(seen[0]).toMatchObject({ url: '/api/print-jobs/job%201', method: 'GET', credentials: 'same-origin' });
  });

  it('a rating screen reads its arm and rates with the device token alone (credentials omitted)', async () => {
    const arm = { centreId: 'demo', counterId: 'quay-1', armed: true, ticketId: 't1', number: 'A001', scale: 4, remainingMs: 5000, closesAt: at };
    const pad = answering(arm, { credentials: 'omit' });
    expect((await pad.api.getRatingArm('demo', 'quay-1')).armed).toBe(true);
    expect(pad.seen[0]).toMatchObject({ url: '/api/centres/demo/counters/quay-1/rating-arm', credentials: 'omit' });

    const rated = answering({ outcome: 'rejected_disarmed', duplicate: false, rating: null }, { credentials: 'omit' });
    const body = { counterId: 'quay-1', level: 4, idempotencyKey: 'key-12345678', source: 'screen' } as const;
    expect((await rated.api.recordRating('demo', body)).outcome).toBe('rejected_disarmed');
    expect(rated.seen[0]).toMatchObject({ url: '/api/centres/demo/ratings', method: 'POST', body, credentials: 'omit' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../helpers/sockets.ts';
import { serveAndFinish } from './ratings.harness.ts';

/**
 * recordRating and getRatingArm over HTTP, as the counter's rating screen (the officer's session)
 * and an integration (a bridge token) use them, with the `/centre` facts the screen follows.
 */
let server: TestServer;
let display: RecordingClient;

beforeAll(async () => {
  server = await startTestServer();
  display = centreClient(server.url, { centreId: 'demo', token: DEMO_TOKENS.display });
  await connect(display.socket);
});
afterAll(async () => {
  display?.close();
  await server?.stop();
});

const rate = (who: 'lan' | 'hung' | 'bridge' | 'display', body: Record<string, unknown>) => server.api('/centres/demo/ratings', { json: body, as: who });

describe('the rating screen and the API', () => {
  it('shows the arm, takes one rating per ticket, and answers a repeated key with the first outcome', async () => {
    expect(await (await server.api('/centres/demo/counters/quay-1/rating-arm', { as: 'display' })).json()).toMatchObject({ armed: false, ticketId: null, scale: 4 });
    const from = display.received.length;
    const ticket = await serveAndFinish(server, 'quay-1');
    const armedFact = await display.waitFor((r) => r.event === 'rating:armed' && r.payload.ticketId === ticket.id, { from });
    expect(armedFact.payload).toMatchObject({ counterId: 'quay-1', armed: true, number: ticket.number, scale: 4 });
    const arm = await (await server.api('/centres/demo/counters/quay-1/rating-arm', { as: 'display' })).json();
    expect(arm).toMatchObject({ armed: true, ticketId: ticket.id, number: ticket.number });
    expect(arm.remainingMs).toBeGreaterThan(55_000);

    const body = { counterId: 'quay-1', level: 1, idempotencyKey: 'screen-0001-abcdef', source: 'screen' };
    const first = await rate('lan', body);
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(answer).toMatchObject({ outcome: 'accepted', duplicate: false, rating: { ticketId: ticket.id, level: 1, grade: 'very_satisfied', source: 'screen' } });
    await display.waitFor((r) => r.event === 'rating:recorded' && r.payload.rating.ticketId === ticket.id, { from });
    expect(await (await rate('lan', body)).json()).toEqual({ ...answer, duplicate: true });
    expect(await (await rate('lan', { ...body, idempotencyKey: 'screen-0002-abcdef' })).json()).toMatchObject({ outcome: 'rejected_already_rated', rating: null });
    expect(await (await server.api('/centres/demo/counters/quay-1/rating-arm', { as: 'display' })).json()).toMatchObject({ armed: false });
  });

  it('refuses an officer who does not hold the counter, and displays', async () => {
    await serveAndFinish(server, 'quay-1');
    const res = await rate('hung', { counterId: 'quay-1', level: 2, idempotencyKey: 'screen-hung-0001' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('counter.not_held');
    expect((await rate('display', { counterId: 'quay-1', level: 2, idempotencyKey: 'display-0001' })).status).toBe(403);
  });

  it('lets an integration with a bridge token rate, under the same rules', async () => {
    const res = await rate('bridge', { counterId: 'quay-1', level: 3, idempotencyKey: 'crm-4711-rating' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: 'accepted', rating: { level: 3, grade: 'neutral', source: 'api' } });
  });

  it('validates the body', async () => {
    for (const body of [{ counterId: 'quay-1', level: 5, idempotencyKey: 'k-0000001' }, { counterId: 'quay-1', level: 1, idempotencyKey: 'short' }, { counterId: 'quay-1', level: 1 }]) {
      const res = await rate('lan', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await rate('lan', { counterId: 'nope', level: 1, idempotencyKey: 'k-0000002' })).status).toBe(404);
  });
});

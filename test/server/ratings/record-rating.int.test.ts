import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { RATING_NAMESPACE } from '../../../protocol/index.ts';
import { DEMO_TOKENS, demoRatingScreenToken } from '../../../server/demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../../helpers/sockets.ts';
import { serveAndFinish } from './ratings.harness.ts';

/**
 * recordRating and getRatingArm over HTTP, as the counter's rating screen (a device paired with
 * that counter, issue #10) and an integration (a bridge token) use them, with the `/rating` facts
 * the screen follows. Staff sessions never rate.
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

type Rater = 'lan' | 'hung' | 'ha' | 'admin' | 'bridge' | 'display' | 'kiosk' | 'rating-screen';
const rate = (who: Rater, body: Record<string, unknown>) => server.api('/centres/demo/ratings', { json: body, as: who });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** A request as the rating screen of another demo counter. */
const asScreenOf = (counterId: string, path: string, json?: unknown) =>
  fetch(`${server.url}/api${path}`, {
    method: json === undefined ? 'GET' : 'POST',
    headers: { ...bearer(demoRatingScreenToken(counterId)), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });

describe('the rating screen and the API', () => {
  it('shows the arm, takes one rating per ticket, and answers a repeated key with the first outcome', async () => {
    expect(await (await server.api('/centres/demo/counters/quay-1/rating-arm', { as: 'rating-screen' })).json()).toMatchObject({
      armed: false,
      ticketId: null,
      scale: 4,
    });
    // Kiosks, hall displays and bridges show no rating window: they do not read it (issue #10).
    for (const as of ['display', 'kiosk', 'bridge'] as const) {
      expect((await server.api('/centres/demo/counters/quay-1/rating-arm', { as })).status, as).toBe(403);
    }
    const from = display.received.length;
    const ticket = await serveAndFinish(server, 'quay-1');
    const armedFact = await display.waitFor((r) => r.event === 'rating:armed' && r.payload.ticketId === ticket.id, { from });
    expect(armedFact.payload).toMatchObject({ counterId: 'quay-1', armed: true, number: ticket.number, scale: 4 });
    const arm = await (await server.api('/centres/demo/counters/quay-1/rating-arm', { as: 'rating-screen' })).json();
    expect(arm).toMatchObject({ armed: true, ticketId: ticket.id, number: ticket.number });
    expect(arm.remainingMs).toBeGreaterThan(55_000);

    const body = { counterId: 'quay-1', level: 1, idempotencyKey: 'screen-0001-abcdef', source: 'screen' };
    const first = await rate('rating-screen', body);
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(answer).toMatchObject({
      outcome: 'accepted',
      duplicate: false,
      rating: { ticketId: ticket.id, level: 1, grade: 'very_satisfied', source: 'screen' },
    });
    await display.waitFor((r) => r.event === 'rating:recorded' && r.payload.rating.ticketId === ticket.id, { from });
    expect(await (await rate('rating-screen', body)).json()).toEqual({ ...answer, duplicate: true });
    expect(await (await rate('rating-screen', { ...body, idempotencyKey: 'screen-0002-abcdef' })).json()).toMatchObject({
      outcome: 'rejected_already_rated',
      rating: null,
    });
    expect(await (await server.api('/centres/demo/counters/quay-1/rating-arm', { as: 'rating-screen' })).json()).toMatchObject({ armed: false });
  });

  it('refuses every staff session — the officer who just finished there first — and displays and kiosks (issue #10)', async () => {
    const ticket = await serveAndFinish(server, 'quay-1'); // lan holds quay-1
    for (const who of ['lan', 'hung', 'ha', 'admin', 'display', 'kiosk'] as const) {
      const res = await rate(who, { counterId: 'quay-1', level: 1, idempotencyKey: `self-rating-${who}` });
      expect(res.status, who).toBe(403);
      expect((await res.json()).error.code, who).toBe('auth.forbidden');
    }
    // …and the citizen's own press still counts.
    const citizen = await rate('rating-screen', { counterId: 'quay-1', level: 2, idempotencyKey: 'citizen-after-0001' });
    expect(await citizen.json()).toMatchObject({ outcome: 'accepted', rating: { ticketId: ticket.id, level: 2, source: 'screen' } });
  });

  it('keeps a rating screen to its own counter: no rating, no arm and no centre data elsewhere', async () => {
    await serveAndFinish(server, 'quay-1');
    const elsewhere = await asScreenOf('quay-2', '/centres/demo/ratings', { counterId: 'quay-1', level: 1, idempotencyKey: 'screen-2-at-1-0001' });
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).error.code).toBe('auth.forbidden');
    expect((await asScreenOf('quay-2', '/centres/demo/counters/quay-1/rating-arm')).status).toBe(403);
    expect((await asScreenOf('quay-2', '/centres/demo/counters/quay-2/rating-arm')).status).toBe(200);
    for (const path of ['/centres/demo/snapshot', '/centres/demo/counters', '/centres/demo/staff']) {
      expect((await asScreenOf('quay-2', path)).status, path).toBe(403);
    }
    const session = await (await asScreenOf('quay-2', '/auth/session')).json();
    expect(session).toMatchObject({ kind: 'device', deviceKind: 'rating-screen', centreId: 'demo', counter: { id: 'quay-2', number: 2 } });
  });

  it("tells a counter's rating screens on /rating of their counter's arm and rating, and nothing of other counters", async () => {
    const connectScreen = (token: string) =>
      new Promise<{ socket: Socket; events: { event: string; payload: any }[] }>((resolve, reject) => {
        const socket = io(`${server.url}${RATING_NAMESPACE}`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
        const events: { event: string; payload: any }[] = [];
        socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
        socket.on('connect', () => resolve({ socket, events }));
        socket.on('connect_error', reject);
      });
    const one = await connectScreen(demoRatingScreenToken('quay-1'));
    const three = await connectScreen(demoRatingScreenToken('quay-3'));
    try {
      await expect(connectScreen(DEMO_TOKENS.display)).rejects.toThrow('auth.forbidden');
      await expect(connectScreen('luot_demo-rate-1.wrong')).rejects.toThrow('auth.required');
      const ticket = await serveAndFinish(server, 'quay-1');
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
      };
      await until(() => one.events.some((e) => e.event === 'rating:armed' && e.payload.ticketId === ticket.id));
      expect(one.events.find((e) => e.event === 'rating:armed')?.payload).toMatchObject({ counterId: 'quay-1', ticketId: ticket.id });
      await rate('rating-screen', { counterId: 'quay-1', level: 1, idempotencyKey: 'screen-socket-0001' });
      await until(() => one.events.some((e) => e.event === 'rating:recorded'));
      expect(one.events.find((e) => e.event === 'rating:recorded')?.payload.rating).toMatchObject({ ticketId: ticket.id, counterId: 'quay-1' });
      expect(three.events).toEqual([]);
    } finally {
      one.socket.close();
      three.socket.close();
    }
  });

  it('lets an integration with a bridge token rate, under the same rules', async () => {
    await serveAndFinish(server, 'quay-1');
    const res = await rate('bridge', { counterId: 'quay-1', level: 3, idempotencyKey: 'crm-4711-rating' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: 'accepted', rating: { level: 3, grade: 'neutral', source: 'api' } });
  });

  it('validates the body', async () => {
    for (const body of [
      { counterId: 'quay-1', level: 5, idempotencyKey: 'k-0000001' },
      { counterId: 'quay-1', level: 1, idempotencyKey: 'short' },
      { counterId: 'quay-1', level: 1 },
    ]) {
      const res = await rate('bridge', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await rate('bridge', { counterId: 'nope', level: 1, idempotencyKey: 'k-0000002' })).status).toBe(404);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawQuery } from '../../helpers/raw-db.ts';
import { OFFICER_AT, startTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server?.stop());

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const issue = async (serviceId: string) => {
  const res = await server.api('/centres/demo/tickets', { json: { serviceId } });
  expect(res.status).toBe(200);
  return (await res.json()).ticket as { id: string; seq: number; number: string; serviceId: string };
};

describe('200 kiosks taking a number at once', () => {
  it('get 200 distinct numbers, A001–A200 without a gap', async () => {
    const tickets = await Promise.all(range(200).map(() => issue('tu-phap-ho-tich')));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(200);
    expect(tickets.map((t) => t.seq).sort((a, b) => a - b)).toEqual(range(200));
    expect(new Set(tickets.map((t) => t.number)).size).toBe(200);
    expect(tickets.map((t) => t.number).sort()).toEqual(range(200).map((i) => `A${String(i).padStart(3, '0')}`));

    const db = server.config.dbFile;
    expect(rawQuery(db, "SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM tickets WHERE centre_id = 'demo'")).toEqual([{ n: 200, lo: 1, hi: 200 }]);
    expect(rawQuery(db, "SELECT last_seq FROM number_sequences WHERE service_id = 'tu-phap-ho-tich'")).toEqual([{ last_seq: 200 }]);
    // One audit row per ticket, with the centre's seq gap-free 1..200.
    const events = rawQuery<{ seq: number }>(db, "SELECT seq FROM ticket_events WHERE centre_id = 'demo' ORDER BY seq");
    expect(events.map((e) => e.seq)).toEqual(range(200));
  });

  it('numbers several services at once, each gap-free from 1', async () => {
    // Round-robin over the services so their requests really interleave.
    const counts: [string, number][] = [
      ['tu-phap-ho-tich', 90],
      ['dat-dai', 70],
      ['tra-ket-qua', 40],
    ];
    const plan: string[] = [];
    for (let i = 0; i < 90; i++) for (const [id, n] of counts) if (i < n) plan.push(id);
    expect(plan).toHaveLength(200);
    const tickets = await Promise.all(plan.map(issue));
    const seqsOf = (serviceId: string) =>
      tickets
        .filter((t) => t.serviceId === serviceId)
        .map((t) => t.seq)
        .sort((a, b) => a - b);
    expect(seqsOf('tu-phap-ho-tich')).toEqual(range(90));
    expect(seqsOf('dat-dai')).toEqual(range(70));
    expect(seqsOf('tra-ket-qua')).toEqual(range(40));
    expect(rawQuery(server.config.dbFile, 'SELECT max(seq) AS hi, count(*) AS n FROM ticket_events')).toEqual([{ hi: 200, n: 200 }]);
  });
});

describe('counters calling at once', () => {
  it('three counters serving the same service never get the same ticket', async () => {
    // Demo counters 1, 2 and 6 all serve tu-phap-ho-tich.
    const counters = ['quay-1', 'quay-2', 'quay-6'];
    for (const counterId of counters) await server.openCounter(counterId);
    const issued = [];
    for (let i = 0; i < 60; i++) issued.push(await issue('tu-phap-ho-tich'));
    const calledBy = new Map<string, string>();
    for (let round = 0; round < 20; round++) {
      const results = await Promise.all(
        counters.map(async (counterId) => {
          const res = await server.api(`/centres/demo/counters/${counterId}/call-next`, { json: {}, as: OFFICER_AT[counterId] });
          expect(res.status).toBe(200);
          return { counterId, ticket: (await res.json()).ticket as { id: string; counterId: string } };
        }),
      );
      for (const { counterId, ticket } of results) {
        expect(calledBy.has(ticket.id), `ticket ${ticket.id} called twice`).toBe(false);
        expect(ticket.counterId).toBe(counterId);
        calledBy.set(ticket.id, counterId);
      }
      await Promise.all(
        results.map(async ({ counterId, ticket }) => {
          const res = await server.api(`/centres/demo/counters/${counterId}/finish`, { json: { ticketId: ticket.id }, as: OFFICER_AT[counterId] });
          expect(res.status).toBe(200);
        }),
      );
    }
    expect(calledBy.size).toBe(60);
    expect([...calledBy.keys()].sort()).toEqual(issued.map((t) => t.id).sort());

    // The API agrees: each ticket done, at the counter that called it.
    for (const t of issued) {
      const status = await (await server.api(`/tickets/${t.id}`)).json();
      expect(status.ticket).toMatchObject({ state: 'done', counterId: calledBy.get(t.id) });
    }
    // So does the audit trail: exactly one waiting→called event per ticket, from that counter.
    const calls = rawQuery<{ ticket_id: string; counter_id: string; n: number }>(
      server.config.dbFile,
      "SELECT ticket_id, counter_id, count(*) AS n FROM ticket_events WHERE to_state = 'called' GROUP BY ticket_id",
    );
    expect(calls).toHaveLength(60);
    for (const c of calls) {
      expect(c.n).toBe(1);
      expect(c.counter_id).toBe(calledBy.get(c.ticket_id));
    }
  });

  it('calls racing with issues: every waiting ticket is called at most once, the rest stay waiting', async () => {
    const counters = ['quay-1', 'quay-2', 'quay-6'];
    for (const counterId of counters) await server.openCounter(counterId);
    const called: string[] = [];
    let empty = 0;
    for (let round = 0; round < 15; round++) {
      const issues = Promise.all([issue('tu-phap-ho-tich'), issue('tu-phap-ho-tich')]);
      const calls = Promise.all(
        counters.map(async (counterId) => {
          const res = await server.api(`/centres/demo/counters/${counterId}/call-next`, { json: {}, as: OFFICER_AT[counterId] });
          const body = await res.json();
          if (res.status === 409) {
            expect(body.error.code).toBe('queue.empty');
            empty += 1;
            return;
          }
          expect(res.status).toBe(200);
          called.push(body.ticket.id);
          const done = await server.api(`/centres/demo/counters/${counterId}/finish`, { json: { ticketId: body.ticket.id }, as: OFFICER_AT[counterId] });
          expect(done.status).toBe(200);
        }),
      );
      await Promise.all([issues, calls]);
    }
    expect(new Set(called).size).toBe(called.length);
    expect(called.length + empty).toBe(45);
    const states = rawQuery<{ state: string; n: number }>(server.config.dbFile, 'SELECT state, count(*) AS n FROM tickets GROUP BY state ORDER BY state');
    const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
    expect(byState.done ?? 0).toBe(called.length);
    expect((byState.done ?? 0) + (byState.waiting ?? 0)).toBe(30);
    expect(byState.called ?? 0).toBe(0);
  });
});

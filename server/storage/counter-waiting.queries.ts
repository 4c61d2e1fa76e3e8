import type { Kysely } from 'kysely';
import type { BackToWaiting, CounterWaitingStore } from '../counters/counter-waiting.port.ts';
import type { Database } from './db.types.ts';
import { byPlace, queueHeadParts, waitingTickets } from './queue-heads.queries.ts';
import { ticketFromRow } from './rows.ts';

/**
 * The console's waiting list (issue #15): the same index seeks as call-next's queue heads
 * (ticket.queries.ts `queueHeads`), `perQueue` entries deep instead of one, and a count that reads
 * the waiting index alone. The plans are checked on a year of history in
 * test/server/counters/counter-waiting.plans.int.test.ts.
 */
export function counterWaitingQueries(db: Kysely<Database>): CounterWaitingStore {
  return {
    async counterQueue(centreId, { serviceIds, day, dayStartMs, perQueue }) {
      // The queues' heads `perQueue` deep and the appointment tickets: call-next's parts (queue-heads.queries.ts), deeper.
      const parts = queueHeadParts(db, centreId, serviceIds, day, perQueue);
      // Tickets sent to a counter by a transfer, any counter (tickets_target_ix, partial: a handful).
      parts.push(waitingTickets(db, centreId, day).where('target_counter_id', 'is not', null));
      const [first, ...rest] = parts.map((part, i) => db.selectFrom(part.as(`w${i}`)).selectAll());
      let query = first!;
      for (const part of rest) query = query.unionAll(part);
      const rows = (await query.execute()).sort(byPlace);

      const queueCounts: Record<string, number> = {};
      if (serviceIds.length > 0) {
        // Index only (tickets_waiting_ix, both classes): no row of the tickets is read, whatever the queue's length.
        let count = db
          .selectFrom('tickets')
          .select(['queue_service_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('centre_id', '=', centreId)
          .where('state', '=', 'waiting')
          .where('queue_service_id', 'in', [...serviceIds])
          .where('is_priority', 'in', [0, 1]);
        if (dayStartMs !== null) count = count.where('issued_at', '>=', dayStartMs);
        for (const r of await count.groupBy('queue_service_id').execute()) queueCounts[r.queue_service_id] = Number(r.n);
      }
      return { tickets: rows.map((r) => ({ ticket: ticketFromRow(r), issuedServiceId: r.service_id })), queueCounts };
    },

    async backToWaiting(centreId, ticketIds) {
      const out: Record<string, BackToWaiting> = {};
      if (ticketIds.length === 0) return out;
      // ticket_events_ticket_ix: a few rows per ticket. The centre is checked here, not in SQL, where
      // it made the planner walk the centre's whole trail by ticket_events_centre_seq_ix.
      const rows = await db
        .selectFrom('ticket_events')
        .select(['centre_id', 'ticket_id', 'counter_id', 'detail', 'seq'])
        .where('ticket_id', 'in', [...ticketIds])
        .where('to_state', '=', 'waiting')
        .where('from_state', 'in', ['called', 'serving'])
        .execute();
      for (const r of rows.sort((a, b) => Number(a.seq) - Number(b.seq))) {
        if (r.centre_id !== centreId) continue;
        const detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {};
        // A transfer's audit row names where the ticket went (calls.usecases.ts); a force-close's, who closed.
        const transfer = 'toServiceId' in detail || 'toCounterId' in detail;
        out[r.ticket_id] = {
          kind: transfer ? 'transfer' : 'requeue',
          counterId: r.counter_id,
          fromServiceId: typeof detail.fromServiceId === 'string' ? detail.fromServiceId : null,
        };
      }
      return out;
    },
  };
}

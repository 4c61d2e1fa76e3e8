import { sql, type Kysely } from 'kysely';
import type { Ticket, TicketState } from '../../protocol/index.ts';
import type { Database } from './db.types.ts';
import { byPlace, queueHeadParts, waitingTickets } from './queue-heads.queries.ts';
import { eventFromRow, eventToRow, ticketFromRow, ticketToRow } from './rows.ts';
import type { StoreTx } from '../kernel/store.port.ts';
import type { CounterWaitingStore } from '../counters/counter-waiting.port.ts';

type TicketQueries = Omit<StoreTx, keyof ReturnType<typeof import('./config.queries.ts').configQueries> | 'openAlerts' | keyof CounterWaitingStore>;

const UNFINISHED: TicketState[] = ['waiting', 'called', 'serving', 'parked'];

/** Tickets, number sequences, the centre's event sequence and the audit trail. */
export function ticketQueries(db: Kysely<Database>): TicketQueries {
  const tickets = () => db.selectFrom('tickets').selectAll();
  const queries: TicketQueries = {
    async getTicket(ticketId) {
      const r = await tickets().where('id', '=', ticketId).executeTakeFirst();
      return r ? ticketFromRow(r) : null;
    },
    async listTickets(centreId, businessDay, states) {
      if (states.length === 0) return [];
      const rows = await tickets()
        .where('centre_id', '=', centreId)
        .where('business_day', '=', businessDay)
        .where('state', 'in', states as TicketState[])
        .execute();
      // Sorted here: one day's tickets in a few states, no temporary B-tree in the plan.
      return rows.sort(byPlace).map(ticketFromRow);
    },
    async listWaiting(centreId) {
      const rows = await tickets().where('centre_id', '=', centreId).where('state', '=', 'waiting').execute();
      return rows.sort(byPlace).map(ticketFromRow);
    },
    async queueHeads(centreId, { counterId, serviceIds, day }) {
      // One statement: each queue's and class's head, the appointment tickets (queue-heads.queries.ts) …
      const parts = queueHeadParts(db, centreId, serviceIds, day, 1);
      // … the tickets sent to this counter …
      const sentHere = waitingTickets(db, centreId, day).where('target_counter_id', '=', counterId).orderBy('issued_at').orderBy('seq');
      // And what the counter attends now (a call must find it free), in the same statement.
      const attending = tickets().where('centre_id', '=', centreId).where('counter_id', '=', counterId).where('state', 'in', ['called', 'serving']);
      let query = db
        .selectFrom(sentHere.as('h'))
        .selectAll()
        .unionAll(db.selectFrom(attending.as('c')).selectAll());
      parts.forEach((part, i) => {
        query = query.unionAll(db.selectFrom(part.as(`h${i}`)).selectAll());
      });
      // In the order listWaiting gave (pickNext breaks complete ties by it).
      const rows = (await query.execute()).sort(byPlace);
      const current = rows.filter((r) => r.state !== 'waiting').sort((a, b) => Number(b.called_at) - Number(a.called_at))[0];
      return { current: current ? ticketFromRow(current) : null, heads: rows.filter((r) => r.state === 'waiting').map(ticketFromRow) };
    },
    async countAhead(ticket) {
      const issuedAt = Date.parse(ticket.issuedAt);
      // Walks only the entries ahead of the ticket in tickets_waiting_ix (both classes of its queue).
      const r = await db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('centre_id', '=', ticket.centreId)
        .where('state', '=', 'waiting')
        .where('queue_service_id', '=', ticket.serviceId)
        .where('is_priority', 'in', [0, 1])
        .where('issued_at', '<=', issuedAt)
        .where((eb) => eb.or([eb('issued_at', '<', issuedAt), eb('seq', '<', ticket.seq)]))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async countAheadOfPriority(ticket) {
      const issuedAt = Date.parse(ticket.issuedAt);
      // One pass over the queue's waiting entries (tickets_waiting_ix), both classes counted at once.
      const r = await db
        .selectFrom('tickets')
        .select([
          sql<number>`coalesce(sum(case when is_priority = 1 and (issued_at < ${issuedAt} or (issued_at = ${issuedAt} and seq < ${ticket.seq})) then 1 else 0 end), 0)`.as(
            'priority_earlier',
          ),
          sql<number>`coalesce(sum(case when is_priority = 0 then 1 else 0 end), 0)`.as('normal_waiting'),
        ])
        .where('centre_id', '=', ticket.centreId)
        .where('state', '=', 'waiting')
        .where('queue_service_id', '=', ticket.serviceId)
        .where('is_priority', 'in', [0, 1])
        .executeTakeFirstOrThrow();
      return { priorityEarlier: Number(r.priority_earlier), normalWaiting: Number(r.normal_waiting) };
    },
    async findTicketByNumber(centreId, businessDay, number) {
      const r = await tickets()
        .where('centre_id', '=', centreId)
        .where('business_day', '=', businessDay)
        .where('number', '=', number)
        .orderBy('issued_at', 'desc')
        .executeTakeFirst();
      return r ? ticketFromRow(r) : null;
    },
    async currentTicketAt(centreId, counterId) {
      // At most one such ticket in practice; the newest call wins, picked here rather than sorted.
      const rows = await tickets().where('centre_id', '=', centreId).where('counter_id', '=', counterId).where('state', 'in', ['called', 'serving']).execute();
      const r = rows.reduce<(typeof rows)[number] | undefined>((a, b) => (a === undefined || Number(b.called_at) > Number(a.called_at) ? b : a), undefined);
      return r ? ticketFromRow(r) : null;
    },
    async recentlyCalled(centreId, businessDay, limit) {
      const rows = await tickets()
        .where('centre_id', '=', centreId)
        .where('business_day', '=', businessDay)
        .where('called_at', 'is not', null)
        .orderBy('called_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(ticketFromRow);
    },
    async recentCallsAt(centreId, counterId, sinceMs, limit) {
      const rows = await db
        .selectFrom('ticket_events as e')
        .innerJoin('tickets as t', 't.id', 'e.ticket_id')
        .select(['e.service_id', 'e.at', 't.priority_group_id', 't.appointment_at'])
        .where('e.centre_id', '=', centreId)
        .where('e.counter_id', '=', counterId)
        .where('e.to_state', '=', 'called')
        .where('e.from_state', '=', 'waiting')
        .where('e.at', '>=', sinceMs)
        // ticket_events_counter_at_ix: the counter's last day and a half, newest first.
        .orderBy('e.at', 'desc')
        .orderBy('e.seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        serviceId: r.service_id ?? '',
        priority: r.priority_group_id !== null,
        appointment: r.appointment_at !== null,
        at: new Date(Number(r.at)).toISOString(),
      }));
    },
    async waitingAndDurations(centreId, serviceIds, limit) {
      // One statement for what every fact's figures need: the waiting counts (index only) and,
      // per service, its latest finished services (a short walk back each).
      const counts = db
        .selectFrom('tickets')
        .select([
          sql<string>`'w'`.as('kind'),
          'queue_service_id',
          (eb) => eb.fn.countAll<number>().as('a'),
          sql<number | null>`null`.as('b'),
          sql<number | null>`null`.as('c'),
        ])
        .where('centre_id', '=', centreId)
        .where('state', '=', 'waiting')
        .groupBy('queue_service_id');
      let query = counts;
      serviceIds.forEach((serviceId, i) => {
        const latest = db
          .selectFrom('tickets')
          .select([sql<string>`'d'`.as('kind'), 'queue_service_id', 'called_at as a', 'serving_at as b', 'finished_at as c'])
          .where('centre_id', '=', centreId)
          .where('queue_service_id', '=', serviceId)
          .where('state', '=', 'done')
          .where('finished_at', 'is not', null)
          .orderBy('finished_at', 'desc')
          .limit(limit);
        query = query.unionAll(db.selectFrom(latest.as(`d${i}`)).selectAll() as unknown as typeof counts);
      });
      const waiting: Record<string, number> = {};
      const durations: Record<string, number[]> = Object.fromEntries(serviceIds.map((s) => [s, []]));
      for (const r of await query.execute()) {
        if (r.kind === 'w') {
          waiting[r.queue_service_id] = Number(r.a);
          continue;
        }
        const start = r.b ?? r.a;
        if (start !== null && r.c !== null) durations[r.queue_service_id]?.push(Number(r.c) - Number(start));
      }
      return { waiting, durations };
    },
    async currentTickets(centreId) {
      // Every ticket called or being served in the centre (one per open counter at most).
      const rows = await tickets().where('centre_id', '=', centreId).where('state', 'in', ['called', 'serving']).execute();
      const byCounter: Record<string, Ticket> = {};
      for (const r of rows.sort((a, b) => Number(a.called_at) - Number(b.called_at))) if (r.counter_id) byCounter[r.counter_id] = ticketFromRow(r);
      return byCounter;
    },
    async recentServiceDurations(centreId, serviceId, limit) {
      return (await queries.recentDurationsOf(centreId, [serviceId], limit))[serviceId] ?? [];
    },
    async recentDurationsOf(centreId, serviceIds, limit) {
      const out: Record<string, number[]> = Object.fromEntries(serviceIds.map((s) => [s, []]));
      if (serviceIds.length === 0) return out;
      // One statement: per service, a walk back from its newest finish (tickets_service_finished_ix).
      const latest = (serviceId: string) =>
        db
          .selectFrom('tickets')
          .select(['queue_service_id', 'called_at', 'serving_at', 'finished_at'])
          .where('centre_id', '=', centreId)
          .where('queue_service_id', '=', serviceId)
          .where('state', '=', 'done')
          .where('finished_at', 'is not', null)
          .orderBy('finished_at', 'desc')
          .limit(limit);
      const [first, ...rest] = serviceIds.map((s, i) => db.selectFrom(latest(s).as(`d${i}`)).selectAll());
      let query = first!;
      for (const part of rest) query = query.unionAll(part);
      for (const r of await query.execute()) {
        const start = r.serving_at ?? r.called_at;
        if (start !== null && r.finished_at !== null) out[r.queue_service_id]?.push(Number(r.finished_at) - Number(start));
      }
      return out;
    },
    async listUnfinishedBefore(centreId, businessDay) {
      const rows = await tickets()
        .where('centre_id', '=', centreId)
        .where('business_day', '<', businessDay)
        .where('state', 'in', UNFINISHED)
        .orderBy('issued_at')
        .execute();
      return rows.map(ticketFromRow);
    },
    async waitingCounts(centreId) {
      // Index only, already in queue order: no day range (the planner once read a year for it).
      const rows = await db
        .selectFrom('tickets')
        .select(['queue_service_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('centre_id', '=', centreId)
        .where('state', '=', 'waiting')
        .groupBy('queue_service_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.queue_service_id, Number(r.n)]));
    },
    async currentSeq(centreId) {
      const r = await db.selectFrom('centres').select('event_seq').where('id', '=', centreId).executeTakeFirst();
      return Number(r?.event_seq ?? 0);
    },
    async centreVersions(centreId) {
      const r = await db.selectFrom('centres').select(['event_seq', 'config_version']).where('id', '=', centreId).executeTakeFirst();
      return r ? { seq: Number(r.event_seq), configVersion: Number(r.config_version) } : null;
    },
    async listTicketEvents(ticketId) {
      const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute();
      return rows.map(eventFromRow);
    },

    async takeNumber(centreId, serviceId, businessDay) {
      const r = await db
        .insertInto('number_sequences')
        .values({ centre_id: centreId, service_id: serviceId, business_day: businessDay, last_seq: 1 })
        .onConflict((oc) => oc.columns(['centre_id', 'service_id', 'business_day']).doUpdateSet({ last_seq: sql`number_sequences.last_seq + 1` }))
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      return Number(r.last_seq);
    },
    async bumpSeq(centreId) {
      const r = await db
        .updateTable('centres')
        .set({ event_seq: sql`event_seq + 1` })
        .where('id', '=', centreId)
        .returning('event_seq')
        .executeTakeFirstOrThrow();
      return Number(r.event_seq);
    },
    async insertTicket(ticket) {
      await db.insertInto('tickets').values(ticketToRow(ticket)).execute();
    },
    async updateTicket(ticket, expectedState) {
      // service_id is the issuing service: it never changes, so its number stays unique.
      const { id, centre_id, service_id: _issuedBy, ...rest } = ticketToRow(ticket);
      const r = await db
        .updateTable('tickets')
        .set(rest)
        .where('id', '=', id)
        .where('centre_id', '=', centre_id)
        .where('state', '=', expectedState)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async appendEvent(event) {
      await db.insertInto('ticket_events').values(eventToRow(event)).execute();
    },
  };
  return queries;
}

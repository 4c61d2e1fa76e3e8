import { sql, type Kysely } from 'kysely';
import type { TicketState } from '../../protocol/index.ts';
import type { Database } from './db.types.ts';
import { eventFromRow, eventToRow, ticketFromRow, ticketToRow } from './rows.ts';
import type { StoreTx } from './store.port.ts';

type TicketQueries = Omit<StoreTx, keyof ReturnType<typeof import('./config.queries.ts').configQueries>>;

const UNFINISHED: TicketState[] = ['waiting', 'called', 'serving', 'parked'];

/** Tickets, number sequences, the centre's event sequence and the audit trail. */
export function ticketQueries(db: Kysely<Database>): TicketQueries {
  const tickets = () => db.selectFrom('tickets').selectAll();
  return {
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
        .orderBy('issued_at')
        .orderBy('seq')
        .execute();
      return rows.map(ticketFromRow);
    },
    async listWaiting(centreId) {
      const rows = await tickets()
        .where('centre_id', '=', centreId)
        .where('state', '=', 'waiting')
        .orderBy('issued_at')
        .orderBy('seq')
        .execute();
      return rows.map(ticketFromRow);
    },
    async countAhead(ticket) {
      const issuedAt = Date.parse(ticket.issuedAt);
      const r = await db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('centre_id', '=', ticket.centreId)
        .where('queue_service_id', '=', ticket.serviceId)
        .where('state', '=', 'waiting')
        .where('id', '!=', ticket.id)
        .where((eb) =>
          eb.or([eb('issued_at', '<', issuedAt), eb.and([eb('issued_at', '=', issuedAt), eb('seq', '<', ticket.seq)])]),
        )
        .executeTakeFirstOrThrow();
      return Number(r.n);
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
      const r = await tickets()
        .where('centre_id', '=', centreId)
        .where('counter_id', '=', counterId)
        .where('state', 'in', ['called', 'serving'])
        .orderBy('called_at', 'desc')
        .executeTakeFirst();
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
        .select(['e.service_id', 'e.at', 't.priority_group_id'])
        .where('e.centre_id', '=', centreId)
        .where('e.counter_id', '=', counterId)
        .where('e.to_state', '=', 'called')
        .where('e.from_state', '=', 'waiting')
        .where('e.at', '>=', sinceMs)
        .orderBy('e.seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        serviceId: r.service_id ?? '',
        priority: r.priority_group_id !== null,
        at: new Date(Number(r.at)).toISOString(),
      }));
    },
    async recentServiceDurations(centreId, serviceId, limit) {
      const rows = await db
        .selectFrom('tickets')
        .select(['called_at', 'serving_at', 'finished_at'])
        .where('centre_id', '=', centreId)
        .where('queue_service_id', '=', serviceId)
        .where('state', '=', 'done')
        .where('finished_at', 'is not', null)
        .orderBy('finished_at', 'desc')
        .limit(limit)
        .execute();
      return rows.flatMap((r) => {
        const start = r.serving_at ?? r.called_at;
        return start === null || r.finished_at === null ? [] : [Number(r.finished_at) - Number(start)];
      });
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
    async waitingCounts(centreId, businessDay) {
      const rows = await db
        .selectFrom('tickets')
        .select(['queue_service_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('centre_id', '=', centreId)
        .where('business_day', '<=', businessDay)
        .where('state', '=', 'waiting')
        .groupBy('queue_service_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.queue_service_id, Number(r.n)]));
    },
    async currentSeq(centreId) {
      const r = await db.selectFrom('centres').select('event_seq').where('id', '=', centreId).executeTakeFirst();
      return Number(r?.event_seq ?? 0);
    },
    async listTicketEvents(ticketId) {
      const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute();
      return rows.map(eventFromRow);
    },

    async takeNumber(centreId, serviceId, businessDay) {
      const r = await db
        .insertInto('number_sequences')
        .values({ centre_id: centreId, service_id: serviceId, business_day: businessDay, last_seq: 1 })
        .onConflict((oc) =>
          oc
            .columns(['centre_id', 'service_id', 'business_day'])
            .doUpdateSet({ last_seq: sql`number_sequences.last_seq + 1` }),
        )
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
}

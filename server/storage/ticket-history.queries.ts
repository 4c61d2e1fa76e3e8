import { sql, type Kysely } from 'kysely';
import { HISTORY_BATCH, type TicketHistoryStore } from '../reports/ticket-history.port.ts';
import type { Database } from './db.types.ts';

const parseDetail = (json: string | null): Record<string, unknown> | null => {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    // A detail the history cannot read is shown without it, never a failed history.
    return null;
  }
};

/**
 * The centre column as an expression no index serves (`centre_id || ''`, the same on SQLite and
 * PostgreSQL): without it SQLite's planner picks a (centre_id, …) index and reads every event or
 * rating of the centre for each batch — 40 ms a batch on a month of ratings, seconds on a year
 * (issue #15's export of a month) — instead of the ticket_id index, which is the selective one.
 */
const notIndexed = (column: 'centre_id') => sql<string>`${sql.ref(column)} || ''`;

/**
 * Ticket history's reads (issue #14): three indexed lookups by ticket id (ticket_events_ticket_ix,
 * print_jobs_ticket_ix, the unique ticket_id of ratings), each also bound to the centre so
 * another centre's rows never come back. Portable Kysely: the same on SQLite and PostgreSQL.
 */
export function ticketHistoryQueries(db: Kysely<Database>): TicketHistoryStore {
  return {
    async ticketHistoryRecords(centreId, ticketIds) {
      if (ticketIds.length === 0) return { events: [], printJobs: [], ratings: [] };
      if (ticketIds.length > HISTORY_BATCH) throw new Error(`ticketHistoryRecords: at most ${HISTORY_BATCH} tickets at once`);
      const ids = [...ticketIds];
      const [events, jobs, ratings] = await Promise.all([
        db
          .selectFrom('ticket_events')
          .select(['ticket_id', 'seq', 'at', 'actor_kind', 'actor_id', 'from_state', 'to_state', 'counter_id', 'service_id', 'detail'])
          .where(notIndexed('centre_id'), '=', centreId)
          .where('ticket_id', 'in', ids)
          .orderBy('seq')
          .execute(),
        db
          .selectFrom('print_jobs')
          .select([
            'id',
            'ticket_id',
            'kiosk_id',
            'printer_id',
            'status',
            'reprint',
            'requested_by',
            'attempts',
            'error',
            'error_message',
            'created_at',
            'updated_at',
            'claimed_until',
          ])
          .where(notIndexed('centre_id'), '=', centreId)
          .where('ticket_id', 'in', ids)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
        db
          .selectFrom('ratings')
          .select(['ticket_id', 'counter_id', 'staff_id', 'level', 'scale', 'grade', 'satisfied', 'source', 'pressed_at'])
          .where(notIndexed('centre_id'), '=', centreId)
          .where('ticket_id', 'in', ids)
          .execute(),
      ]);
      return {
        events: events.map((r) => ({
          ticketId: r.ticket_id,
          seq: Number(r.seq),
          atMs: Number(r.at),
          actorKind: r.actor_kind,
          actorId: r.actor_id,
          fromState: r.from_state,
          toState: r.to_state,
          counterId: r.counter_id,
          serviceId: r.service_id,
          detail: parseDetail(r.detail),
        })),
        printJobs: jobs.map((r) => ({
          id: r.id,
          ticketId: r.ticket_id,
          kioskId: r.kiosk_id,
          printerId: r.printer_id,
          status: r.status,
          reprint: Number(r.reprint) === 1,
          requestedBy: r.requested_by,
          attempts: Number(r.attempts),
          error: r.error,
          errorMessage: r.error_message,
          createdAtMs: Number(r.created_at),
          updatedAtMs: Number(r.updated_at),
          claimedUntilMs: r.claimed_until === null ? null : Number(r.claimed_until),
        })),
        ratings: ratings.map((r) => ({
          ticketId: r.ticket_id,
          counterId: r.counter_id,
          staffId: r.staff_id,
          level: Number(r.level),
          scale: Number(r.scale),
          grade: r.grade,
          satisfied: Number(r.satisfied) === 1,
          source: r.source,
          pressedAtMs: Number(r.pressed_at),
        })),
      };
    },
    async historyPeople(centreId) {
      const [staff, devices] = await Promise.all([
        db.selectFrom('staff').select(['id', 'name', 'username']).where('centre_id', '=', centreId).execute(),
        db.selectFrom('device_tokens').select(['id', 'name', 'kind']).where('centre_id', '=', centreId).execute(),
      ]);
      return { staff, devices };
    },
  };
}

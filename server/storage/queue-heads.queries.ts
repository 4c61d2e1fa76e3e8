import type { Kysely } from 'kysely';
import type { Database } from './db.types.ts';

/** A ticket's place: issue time, then number (what `ORDER BY issued_at, seq` gave). */
export const byPlace = (a: { issued_at: number; seq: number }, b: { issued_at: number; seq: number }) =>
  Number(a.issued_at) - Number(b.issued_at) || a.seq - b.seq;

/** A centre's waiting tickets, of `day` (null: any day, the carry-over policy). */
export function waitingTickets(db: Kysely<Database>, centreId: string, day: string | null) {
  const q = db.selectFrom('tickets').selectAll().where('centre_id', '=', centreId).where('state', '=', 'waiting');
  return day === null ? q : q.where('business_day', '=', day);
}

/**
 * What a counter may call, as parts of one UNION ALL: the first `depth` tickets of each of its
 * services' queues, each class (ordinary, priority) — a seek into tickets_waiting_ix per queue and
 * class, whatever the queue's length — and every ticket keeping an appointment's place in those
 * services (tickets_appointment_ix; few). Call-next reads them one deep (ticket.queries.ts
 * `queueHeads`), the console's waiting list `limit` deep (counter-waiting.queries.ts).
 */
export function queueHeadParts(db: Kysely<Database>, centreId: string, serviceIds: readonly string[], day: string | null, depth: number) {
  const waiting = () => waitingTickets(db, centreId, day);
  const parts = serviceIds.flatMap((serviceId) =>
    [0, 1].map((isPriority) =>
      waiting()
        .where('queue_service_id', '=', serviceId)
        .where('is_priority', '=', isPriority)
        .where('target_counter_id', 'is', null)
        .where('appointment_at', 'is', null)
        .orderBy('issued_at')
        .orderBy('seq')
        .limit(depth),
    ),
  );
  if (serviceIds.length > 0) {
    parts.push(
      waiting()
        .where('appointment_at', 'is not', null)
        .where('queue_service_id', 'in', [...serviceIds])
        .where('target_counter_id', 'is', null),
    );
  }
  return parts;
}

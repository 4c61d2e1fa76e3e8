import type { Kysely, Selectable } from 'kysely';
import type { PressOutcome, RatingGrade, RatingScale, RatingSource } from '../../protocol/index.ts';
import type { PressRecord, RatingArmRecord, RatingRecord, RatingStore } from '../ratings/ratings.port.ts';
import type { Database } from './db.types.ts';

/** The tables of migration 0005, as stored. */
type RatingArmRow = Selectable<Database['rating_arms']>;
type RatingRow = Selectable<Database['ratings']>;
type PressRow = Selectable<Database['rating_presses']>;

const armFromRow = (r: RatingArmRow & { number: string | null }): RatingArmRecord => ({
  id: r.id,
  centreId: r.centre_id,
  counterId: r.counter_id,
  ticketId: r.ticket_id,
  number: r.number ?? '',
  staffId: r.staff_id,
  serviceId: r.service_id,
  businessDay: r.business_day,
  scale: Number(r.scale) as RatingScale,
  armedAtMs: Number(r.armed_at),
  closesAtMs: Number(r.closes_at),
  ratedAtMs: r.rated_at === null ? null : Number(r.rated_at),
});

const ratingFromRow = (r: RatingRow & { number: string | null }): RatingRecord => ({
  id: r.id,
  centreId: r.centre_id,
  ticketId: r.ticket_id,
  number: r.number ?? '',
  counterId: r.counter_id,
  staffId: r.staff_id,
  serviceId: r.service_id,
  businessDay: r.business_day,
  level: Number(r.level),
  scale: Number(r.scale) as RatingScale,
  grade: r.grade as RatingGrade,
  satisfied: Number(r.satisfied) === 1,
  source: r.source as RatingSource,
  idempotencyKey: r.idempotency_key,
  pressedAtMs: Number(r.pressed_at),
  createdAtMs: Number(r.created_at),
});

const pressFromRow = (r: PressRow): PressRecord => ({
  id: r.id,
  centreId: r.centre_id,
  counterId: r.counter_id,
  keypadId: r.keypad_id,
  bridgeId: r.bridge_id,
  ticketId: r.ticket_id,
  staffId: r.staff_id,
  source: r.source as RatingSource,
  level: Number(r.level),
  outcome: r.outcome as PressOutcome,
  idempotencyKey: r.idempotency_key,
  ratingId: r.rating_id,
  pressedAtMs: Number(r.pressed_at),
  receivedAtMs: Number(r.received_at),
});

/** The RatingStore as portable Kysely queries over one executor (root database or a write transaction). */
export function ratingQueries(db: Kysely<Database>): RatingStore {
  const arms = () => db.selectFrom('rating_arms').leftJoin('tickets', 'tickets.id', 'rating_arms.ticket_id').selectAll('rating_arms').select('tickets.number');
  const ratings = () => db.selectFrom('ratings').leftJoin('tickets', 'tickets.id', 'ratings.ticket_id').selectAll('ratings').select('tickets.number');

  return {
    async insertRatingArm(a) {
      await db
        .insertInto('rating_arms')
        .values({
          id: a.id,
          centre_id: a.centreId,
          counter_id: a.counterId,
          ticket_id: a.ticketId,
          staff_id: a.staffId,
          service_id: a.serviceId,
          business_day: a.businessDay,
          scale: a.scale,
          armed_at: a.armedAtMs,
          closes_at: a.closesAtMs,
          rated_at: null,
        })
        .execute();
    },
    async armAt(centreId, counterId, atMs) {
      const r = await arms()
        .where('rating_arms.centre_id', '=', centreId)
        .where('rating_arms.counter_id', '=', counterId)
        .where('rating_arms.armed_at', '<=', atMs)
        .orderBy('rating_arms.armed_at', 'desc')
        .orderBy('rating_arms.id', 'desc')
        .executeTakeFirst();
      return r ? armFromRow(r) : null;
    },
    async openArms(centreId, nowMs) {
      // Arms whose window has not run out; of those, each counter's latest (a later arm, even a
      // spent one, replaced the earlier).
      const rows = await arms()
        .where('rating_arms.centre_id', '=', centreId)
        .where('rating_arms.closes_at', '>', nowMs)
        .where('rating_arms.armed_at', '<=', nowMs)
        .orderBy('rating_arms.armed_at', 'desc')
        .orderBy('rating_arms.id', 'desc')
        .execute();
      const latest = new Map<string, RatingArmRecord>();
      for (const r of rows) if (!latest.has(r.counter_id)) latest.set(r.counter_id, armFromRow(r));
      return [...latest.values()].filter((a) => a.ratedAtMs === null);
    },
    async markArmRated(armId, atMs) {
      const result = await db.updateTable('rating_arms').set({ rated_at: atMs }).where('id', '=', armId).where('rated_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async insertRating(r) {
      await db
        .insertInto('ratings')
        .values({
          id: r.id,
          centre_id: r.centreId,
          ticket_id: r.ticketId,
          counter_id: r.counterId,
          staff_id: r.staffId,
          service_id: r.serviceId,
          business_day: r.businessDay,
          level: r.level,
          scale: r.scale,
          grade: r.grade,
          satisfied: r.satisfied ? 1 : 0,
          source: r.source,
          idempotency_key: r.idempotencyKey,
          pressed_at: r.pressedAtMs,
          created_at: r.createdAtMs,
        })
        .execute();
    },
    async getRating(ratingId) {
      const r = await ratings().where('ratings.id', '=', ratingId).executeTakeFirst();
      return r ? ratingFromRow(r) : null;
    },
    async getRatingOfTicket(ticketId) {
      const r = await ratings().where('ratings.ticket_id', '=', ticketId).executeTakeFirst();
      return r ? ratingFromRow(r) : null;
    },
    async insertPress(p) {
      await db
        .insertInto('rating_presses')
        .values({
          id: p.id,
          centre_id: p.centreId,
          counter_id: p.counterId,
          keypad_id: p.keypadId,
          bridge_id: p.bridgeId,
          ticket_id: p.ticketId,
          staff_id: p.staffId,
          source: p.source,
          level: p.level,
          outcome: p.outcome,
          idempotency_key: p.idempotencyKey,
          rating_id: p.ratingId,
          pressed_at: p.pressedAtMs,
          received_at: p.receivedAtMs,
        })
        .execute();
    },
    async findPress(centreId, idempotencyKey) {
      const r = await db
        .selectFrom('rating_presses')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('idempotency_key', '=', idempotencyKey)
        .where('outcome', '<>', 'duplicate')
        .executeTakeFirst();
      return r ? pressFromRow(r) : null;
    },
    async listPresses(centreId, { counterId, limit = 500 } = {}) {
      let q = db.selectFrom('rating_presses').selectAll().where('centre_id', '=', centreId);
      if (counterId) q = q.where('counter_id', '=', counterId);
      const rows = await q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(pressFromRow);
    },
    async listRatings(centreId, { limit = 500 } = {}) {
      const rows = await ratings()
        .where('ratings.centre_id', '=', centreId)
        .orderBy('ratings.created_at', 'desc')
        .orderBy('ratings.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(ratingFromRow);
    },
  };
}

import { sql, type Kysely } from 'kysely';
import type { RatingGrade } from '../../protocol/index.ts';
import type { RejectedOutcome } from '../reports/rating-summary.models.ts';
import type { ReportStore } from '../reports/reports.port.ts';
import type { Database } from './db.types.ts';

const REJECTED: RejectedOutcome[] = ['rejected_disarmed', 'rejected_late', 'rejected_already_rated', 'rejected_invalid'];

type RatingQueries = Pick<
  ReportStore,
  'ratingCounts' | 'rejectedPresses' | 'ratingsRolledThrough' | 'rollUpRatings' | 'clearRatingRollup' | 'rolledRatingCounts' | 'ratingGrades'
>;

/** The reports' reads of the ratings of issue #5, and the rollup of settled days' ratings. */
export function reportRatingsQueries(db: Kysely<Database>): RatingQueries {
  return {
    async ratingCounts(centreId, from, to) {
      // Covered by ratings_report_ix: the table itself is never read.
      const rows = await db
        .selectFrom('ratings')
        .select(['business_day', 'staff_id', 'counter_id', 'service_id', 'grade', (eb) => eb.fn.countAll<number>().as('n')])
        .where('centre_id', '=', centreId)
        .where('business_day', '>=', from)
        .where('business_day', '<=', to)
        .groupBy(['business_day', 'staff_id', 'counter_id', 'service_id', 'grade'])
        .execute();
      return rows.map((r) => ({
        businessDay: r.business_day,
        staffId: r.staff_id ?? '',
        counterId: r.counter_id,
        serviceId: r.service_id,
        grade: r.grade as RatingGrade,
        count: Number(r.n),
      }));
    },
    async rejectedPresses(centreId, fromMs, toMs, withService) {
      const presses = db
        .selectFrom('rating_presses as p')
        .select(['p.pressed_at', 'p.counter_id', 'p.staff_id', 'p.outcome'])
        .where('p.centre_id', '=', centreId)
        .where('p.pressed_at', '>=', fromMs)
        .where('p.pressed_at', '<', toMs)
        .where('p.outcome', 'in', REJECTED);
      const rows = withService
        ? await presses.leftJoin('rating_arms as a', 'a.ticket_id', 'p.ticket_id').select('a.service_id').execute()
        : (await presses.execute()).map((r) => ({ ...r, service_id: null }));
      return rows.map((r) => ({
        pressedAtMs: Number(r.pressed_at),
        counterId: r.counter_id,
        staffId: r.staff_id,
        serviceId: r.service_id,
        outcome: r.outcome as RejectedOutcome,
      }));
    },
    async ratingsRolledThrough(centreId) {
      const r = await db.selectFrom('report_rating_state').select('rolled_through').where('centre_id', '=', centreId).executeTakeFirst();
      return r?.rolled_through ?? null;
    },
    async rollUpRatings(centreId, after, through) {
      let source = db
        .selectFrom('ratings')
        .select((eb) => [
          'centre_id',
          'business_day',
          eb.fn.coalesce('staff_id', sql<string>`''`).as('staff_id'),
          'counter_id',
          'service_id',
          'grade',
          eb.fn.countAll<number>().as('ratings'),
        ])
        .where('centre_id', '=', centreId)
        .where('business_day', '<=', through);
      if (after !== null) source = source.where('business_day', '>', after);
      await db
        .insertInto('report_rating_daily')
        .columns(['centre_id', 'business_day', 'staff_id', 'counter_id', 'service_id', 'grade', 'ratings'])
        .expression(source.groupBy(['centre_id', 'business_day', 'staff_id', 'counter_id', 'service_id', 'grade']))
        .execute();
      await db
        .insertInto('report_rating_state')
        .values({ centre_id: centreId, rolled_through: through })
        .onConflict((oc) => oc.column('centre_id').doUpdateSet({ rolled_through: through }))
        .execute();
    },
    async clearRatingRollup(centreId) {
      await db.deleteFrom('report_rating_daily').where('centre_id', '=', centreId).execute();
      await db.deleteFrom('report_rating_state').where('centre_id', '=', centreId).execute();
    },
    async rolledRatingCounts(centreId, from, to) {
      const rows = await db
        .selectFrom('report_rating_daily')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('business_day', '>=', from)
        .where('business_day', '<=', to)
        .execute();
      return rows.map((r) => ({
        businessDay: r.business_day,
        staffId: r.staff_id,
        counterId: r.counter_id,
        serviceId: r.service_id,
        grade: r.grade as RatingGrade,
        count: Number(r.ratings),
      }));
    },
    async ratingGrades(ticketIds) {
      const grades = new Map<string, RatingGrade>();
      for (let i = 0; i < ticketIds.length; i += 500) {
        const rows = await db
          .selectFrom('ratings')
          .select(['ticket_id', 'grade'])
          .where('ticket_id', 'in', ticketIds.slice(i, i + 500))
          .execute();
        for (const r of rows) grades.set(r.ticket_id, r.grade as RatingGrade);
      }
      return grades;
    },
  };
}

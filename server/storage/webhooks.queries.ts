import type { Kysely, Selectable } from 'kysely';
import type { WebhookDeliveryRecord, WebhookStore } from '../webhooks/webhooks.port.ts';
import type { Database } from './db.types.ts';

type DeliveryRow = Selectable<Database['webhook_deliveries']>;

// PostgreSQL returns bigint columns as strings.
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

const fromRow = (r: DeliveryRow): WebhookDeliveryRecord => ({
  id: r.id,
  centreId: r.centre_id,
  kind: r.kind,
  url: r.url,
  body: r.body,
  attempts: Number(r.attempts),
  createdAtMs: Number(r.created_at),
  nextAttemptAtMs: Number(r.next_attempt_at),
  deliveredAtMs: num(r.delivered_at),
  gaveUpAtMs: num(r.gave_up_at),
  lastError: r.last_error,
  claimUntilMs: num(r.claim_until),
  claimBy: r.claim_by,
});

/** The webhook outbox (migration 0012) as portable Kysely queries over one executor. */
export function webhooksQueries(db: Kysely<Database>): WebhookStore {
  return {
    async insertWebhookDelivery(d) {
      await db
        .insertInto('webhook_deliveries')
        .values({
          id: d.id,
          centre_id: d.centreId,
          kind: d.kind,
          url: d.url,
          body: d.body,
          attempts: 0,
          created_at: d.createdAtMs,
          next_attempt_at: d.nextAttemptAtMs,
        })
        .execute();
    },
    async claimDueWebhooks(nowMs, untilMs, claimBy, limit) {
      const candidates = await db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('delivered_at', 'is', null)
        .where('gave_up_at', 'is', null)
        .where('next_attempt_at', '<=', nowMs)
        .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<=', nowMs)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .execute();
      const won: WebhookDeliveryRecord[] = [];
      for (const { id } of candidates) {
        // The claim: one conditional update. Another instance's claim between our read and this
        // write makes it match nothing (PostgreSQL re-checks the condition on the row it waited for).
        const row = await db
          .updateTable('webhook_deliveries')
          .set({ claim_until: untilMs, claim_by: claimBy })
          .where('id', '=', id)
          .where('delivered_at', 'is', null)
          .where('gave_up_at', 'is', null)
          .where('next_attempt_at', '<=', nowMs)
          .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<=', nowMs)]))
          .returningAll()
          .executeTakeFirst();
        if (row) won.push(fromRow(row));
      }
      return won;
    },
    async recordWebhookAttempt(id, claimBy, attempt) {
      const outcome =
        'deliveredAtMs' in attempt
          ? { delivered_at: attempt.deliveredAtMs, last_error: null }
          : 'gaveUpAtMs' in attempt
            ? { gave_up_at: attempt.gaveUpAtMs, last_error: attempt.error }
            : { next_attempt_at: attempt.nextAttemptAtMs, last_error: attempt.error };
      const r = await db
        .updateTable('webhook_deliveries')
        .set({ ...outcome, attempts: attempt.attempts, claim_until: null, claim_by: null })
        .where('id', '=', id)
        .where('claim_by', '=', claimBy)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async getWebhookDelivery(id) {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async pruneWebhookDeliveries(finishedBeforeMs, limit) {
      // In batches by id (portable: neither store deletes with LIMIT), so a big backlog never holds a long write.
      const old = db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where((eb) => eb.or([eb('delivered_at', '<', finishedBeforeMs), eb('gave_up_at', '<', finishedBeforeMs)]))
        .limit(limit);
      const r = await db.deleteFrom('webhook_deliveries').where('id', 'in', old).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async listWebhookDeliveries(centreId, limit) {
      const rows = await db.selectFrom('webhook_deliveries').selectAll().where('centre_id', '=', centreId).orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(fromRow);
    },
  };
}

/**
 * The webhook outbox's part of the store (issue #14). A delivery is written in the business
 * transaction that decided it (`enqueueWebhook`), so nothing acknowledged is lost; the sender of
 * any instance claims due deliveries with one conditional update each (a lease: `claim_until`),
 * so with several instances one of them sends a given attempt.
 */
export interface WebhookDeliveryRecord {
  id: string;
  centreId: string;
  /** What happened, `entity.fact`: `dossier.returned`, `sla.alert` … (the X-Luot-Event header). */
  kind: string;
  url: string;
  /** The JSON body, exactly as it is sent and signed. */
  body: string;
  /** Attempts made so far. */
  attempts: number;
  createdAtMs: number;
  nextAttemptAtMs: number;
  deliveredAtMs: number | null;
  gaveUpAtMs: number | null;
  lastError: string | null;
  claimUntilMs: number | null;
  claimBy: string | null;
}

export type NewWebhookDelivery = Pick<WebhookDeliveryRecord, 'id' | 'centreId' | 'kind' | 'url' | 'body' | 'createdAtMs' | 'nextAttemptAtMs'>;

/** What became of one attempt, written only by the instance that holds the claim. */
export type WebhookAttemptRecord =
  | { attempts: number; deliveredAtMs: number }
  | { attempts: number; error: string; nextAttemptAtMs: number }
  | { attempts: number; error: string; gaveUpAtMs: number };

export interface WebhookStore {
  insertWebhookDelivery(delivery: NewWebhookDelivery): Promise<void>;
  /**
   * Claims up to `limit` deliveries due at `nowMs` (neither delivered nor given up, no live claim)
   * for `claimBy` until `untilMs`, and returns those this caller won. Each claim is one
   * conditional update: two instances never both win a delivery.
   */
  claimDueWebhooks(nowMs: number, untilMs: number, claimBy: string, limit: number): Promise<WebhookDeliveryRecord[]>;
  /** Records an attempt and ends the claim; false when `claimBy` no longer holds it (its lease ran out and another took it). */
  recordWebhookAttempt(id: string, claimBy: string, attempt: WebhookAttemptRecord): Promise<boolean>;
  getWebhookDelivery(id: string): Promise<WebhookDeliveryRecord | null>;
  /** A centre's deliveries, newest first. */
  listWebhookDeliveries(centreId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
  /** Deletes up to `limit` deliveries delivered or given up before `finishedBeforeMs` (never a pending one); returns how many. */
  pruneWebhookDeliveries(finishedBeforeMs: number, limit: number): Promise<number>;
}

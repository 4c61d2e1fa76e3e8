import type { WebhookDelivery } from '../../protocol/index.ts';
import type { Clock, Deps, Ids } from '../kernel/ports.ts';
import { afterAttempt, deliveryStatus, ONE_HOUR_MS, type RetryPolicy } from './webhooks.models.ts';
import type { WebhookDeliveryRecord, WebhookStore } from './webhooks.port.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature.ts';

/** What a webhook enqueues: the centre, what happened (`entity.fact`), where, and the JSON body. */
export interface WebhookInput {
  centreId: string;
  kind: string;
  url: string;
  body: unknown;
}

/**
 * The port other modules use (dossiers' `dossier.returned`, SLA alerts …): call it with the write
 * transaction of the change it reports, so the delivery exists exactly when the change does. The
 * sender (`sendDueWebhooks`) takes it from there: signed, retried until a 2xx or given up.
 */
export async function enqueueWebhook(deps: { clock: Clock; ids: Ids }, tx: Pick<WebhookStore, 'insertWebhookDelivery'>, input: WebhookInput): Promise<string> {
  const id = deps.ids.newId();
  const now = deps.clock.now().getTime();
  await tx.insertWebhookDelivery({
    id,
    centreId: input.centreId,
    kind: input.kind,
    url: input.url,
    body: JSON.stringify(input.body),
    createdAtMs: now,
    nextAttemptAtMs: now,
  });
  return id;
}

/** One HTTP POST; resolves with the status, or why there is none (refused, timed out …). Never rejects. */
export type WebhookPost = (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<{ status: number } | { error: string }>;

export interface WebhookDeps extends Deps {
  policy: RetryPolicy;
  post: WebhookPost;
  /** This instance's name in claims (random per process). */
  instanceId: string;
  /** How long one attempt may take; the claim lasts a little longer. */
  timeoutMs: number;
  log: { warn(m: string, e?: unknown): void; error(m: string, e?: unknown): void };
}

/** The default POST: fetch with a timeout, no redirects followed (a 3xx is not an acknowledgement). */
export const fetchPost: WebhookPost = async (url, headers, body, timeoutMs) => {
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'request failed' };
  }
};

/** The signed request of a delivery at `nowMs`. */
export function webhookHeaders(delivery: Pick<WebhookDeliveryRecord, 'id' | 'kind' | 'body'>, secret: string, nowMs: number): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Luot-Webhooks/1',
    [EVENT_HEADER]: delivery.kind,
    [DELIVERY_HEADER]: delivery.id,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signWebhook(secret, timestamp, delivery.body),
  };
}

/**
 * Forgets deliveries finished (delivered or given up) more than `keepDays` ago, a batch at a
 * time; a pending delivery is never deleted, however old. Any instance may run it: deleting twice
 * deletes nothing more. Returns how many rows went.
 */
export async function pruneFinishedWebhooks(deps: Pick<Deps, 'store' | 'clock'>, keepDays: number, batch = 500): Promise<number> {
  const before = deps.clock.now().getTime() - keepDays * 24 * ONE_HOUR_MS;
  let total = 0;
  for (;;) {
    const n = await deps.store.pruneWebhookDeliveries(before, batch);
    total += n;
    if (n < batch) return total;
  }
}

/**
 * One round of the sender: claims the deliveries due now (each by one instance only), sends each
 * signed with its centre's `webhookSecret`, and records the outcome. Returns how many were tried.
 */
export async function sendDueWebhooks(wd: WebhookDeps, limit = 20): Promise<number> {
  const now = wd.clock.now().getTime();
  const claimed = await wd.store.claimDueWebhooks(now, now + wd.timeoutMs + 5_000, wd.instanceId, limit);
  await Promise.all(claimed.map((d) => attempt(wd, d)));
  return claimed.length;
}

async function attempt(wd: WebhookDeps, delivery: WebhookDeliveryRecord): Promise<void> {
  try {
    const secret = (await wd.store.getSettings(delivery.centreId)).webhookSecret;
    const result = secret
      ? await wd.post(delivery.url, webhookHeaders(delivery, secret, wd.clock.now().getTime()), delivery.body, wd.timeoutMs)
      : { error: 'the centre has no webhook secret (settings: webhookSecret); nothing is sent unsigned' };
    const outcome = afterAttempt(delivery.attempts, result, wd.clock.now().getTime(), wd.policy);
    if ('gaveUpAtMs' in outcome) wd.log.warn(`webhook ${delivery.kind} ${delivery.id}: given up after ${outcome.attempts} attempts (${outcome.error})`);
    if (!(await wd.store.recordWebhookAttempt(delivery.id, wd.instanceId, outcome))) {
      wd.log.warn(`webhook ${delivery.id}: its claim ran out before the answer was recorded`);
    }
  } catch (error) {
    // The store is down: the claim runs out and the delivery is tried again.
    wd.log.error(`webhook ${delivery.id}: attempt not recorded`, error);
  }
}

export const webhookDeliveryView = (d: WebhookDeliveryRecord): WebhookDelivery => {
  const status = deliveryStatus(d);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: d.id,
    centreId: d.centreId,
    kind: d.kind,
    url: d.url,
    status,
    attempts: d.attempts,
    createdAt: new Date(d.createdAtMs).toISOString(),
    nextAttemptAt: status === 'pending' ? iso(d.nextAttemptAtMs) : null,
    deliveredAt: iso(d.deliveredAtMs),
    gaveUpAt: iso(d.gaveUpAtMs),
    lastError: d.lastError,
  };
};

export async function listWebhookDeliveries(deps: Deps, centreId: string): Promise<WebhookDelivery[]> {
  return (await deps.store.listWebhookDeliveries(centreId, 200)).map(webhookDeliveryView);
}

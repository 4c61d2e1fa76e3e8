import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.schemas.ts';

/**
 * The webhook outbox (issue #14, docs/dossiers.md "Webhooks"): every delivery a centre's modules
 * enqueued, with where it stands. `failed` deliveries were given up after the maximum of attempts
 * and stay listed.
 */
export const WebhookDeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']).meta({ id: 'WebhookDeliveryStatus' });
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

export const WebhookDeliverySchema = z
  .object({
    id: IdSchema,
    centreId: IdSchema,
    kind: z.string(),
    url: z.string(),
    status: WebhookDeliveryStatusSchema,
    attempts: z.number().int().min(0),
    createdAt: InstantSchema,
    nextAttemptAt: InstantSchema.nullable(),
    deliveredAt: InstantSchema.nullable(),
    gaveUpAt: InstantSchema.nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListSchema = z.object({ deliveries: z.array(WebhookDeliverySchema) }).meta({ id: 'WebhookDeliveryList' });

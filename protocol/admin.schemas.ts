import { z } from 'zod';
import { CallOrderSchema, NumberingSchema } from './centre.schemas.ts';
import { IdSchema, LocalizedTextSchema } from './common.schemas.ts';

/** Create or replace a service (lĩnh vực); its id is in the path. */
export const ServiceInputSchema = z
  .object({
    name: LocalizedTextSchema,
    numbering: NumberingSchema,
    sortOrder: z.number().int().min(0).max(999).default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((s) => s.numbering.mode !== 'band' || s.numbering.start <= s.numbering.end, 'band start must not exceed its end')
  .meta({ id: 'ServiceInput' });
export type ServiceInput = z.infer<typeof ServiceInputSchema>;

/** Create or replace a counter (quầy) with its services in calling order; its id is in the path. */
export const CounterInputSchema = z
  .object({
    number: z.number().int().min(1).max(999),
    serviceIds: z.array(IdSchema).max(30),
    callOrder: CallOrderSchema.default('fifo'),
    weights: z.record(z.string(), z.number().int().min(1).max(10)).default({}),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((c) => new Set(c.serviceIds).size === c.serviceIds.length, 'a service may appear once per counter')
  .meta({ id: 'CounterInput' });
export type CounterInput = z.infer<typeof CounterInputSchema>;

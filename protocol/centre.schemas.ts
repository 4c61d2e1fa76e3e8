import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from './common.schemas.ts';

/**
 * How a service (lĩnh vực) numbers its tickets. Both styles are common in Vietnamese centres:
 * a letter prefix (A001, A002 …) or a numeric band (1001–1999 for the first service …).
 */
export const NumberingSchema = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('prefix'),
      prefix: z.string().regex(/^[A-Z]{1,2}$/),
      digits: z.number().int().min(1).max(5),
    }),
    z.object({
      mode: z.literal('band'),
      start: z.number().int().min(1).max(999_999),
      end: z.number().int().min(1).max(999_999),
    }),
  ])
  .meta({ id: 'Numbering' });
export type Numbering = z.infer<typeof NumberingSchema>;

export const CallOrderSchema = z.enum(['fifo', 'ordered', 'weighted']);
export type CallOrder = z.infer<typeof CallOrderSchema>;

export const CentreSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    /** IANA zone; the business day and every local time are computed in it. */
    timeZone: z.string().min(1),
    /**
     * Postal address, one line as the centre writes it ("Số 1 Lê Duẩn, phường Bến Nghé, …"):
     * an address is a proper name, not translated (issue #13). Absent when none was given.
     */
    address: z.string().max(300).optional(),
  })
  .meta({ id: 'Centre' });
export type Centre = z.infer<typeof CentreSchema>;

export const ServiceSchema = z
  .object({
    id: IdSchema,
    centreId: IdSchema,
    name: LocalizedTextSchema,
    numbering: NumberingSchema,
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'Service' });
export type Service = z.infer<typeof ServiceSchema>;

export const CounterSchema = z
  .object({
    id: IdSchema,
    centreId: IdSchema,
    /** The number citizens see: "Quầy số 3". */
    number: z.number().int().min(1).max(999),
    /** Services this counter calls, in the counter's order. */
    serviceIds: z.array(IdSchema),
    /**
     * fifo: oldest ticket across its services; ordered: its first service with anyone waiting
     * (backup counters); weighted: by `weights` (e.g. 2 from A for each from B).
     */
    callOrder: CallOrderSchema,
    /** Weight per service id for `weighted`; missing → 1. */
    weights: z.record(z.string(), z.number().int().min(1).max(10)),
    active: z.boolean(),
  })
  .meta({ id: 'Counter' });
export type Counter = z.infer<typeof CounterSchema>;

/** closed: nobody at it; open: an officer holds it; paused: the officer is on a break. */
export const CounterStatusSchema = z.enum(['closed', 'open', 'paused']);
export type CounterStatus = z.infer<typeof CounterStatusSchema>;

/** Who holds a counter right now. */
export const CounterStateSchema = z
  .object({ status: CounterStatusSchema, staffId: IdSchema.nullable(), openedAt: z.iso.datetime().nullable() })
  .meta({ id: 'CounterState' });
export type CounterState = z.infer<typeof CounterStateSchema>;

export const StaffSchema = z.object({ id: IdSchema, centreId: IdSchema, name: z.string().min(1).max(120) }).meta({ id: 'Staff' });
export type Staff = z.infer<typeof StaffSchema>;

import { z } from 'zod';
import { IdSchema, InstantSchema, LocalizedTextSchema } from './common.schemas.ts';

/**
 * The officer's console (issue #15): which numbers wait for this counter, in the order it would
 * call them — not only how many per service. server/counters/counter-waiting.usecases.ts answers
 * it with the calling policy itself (docs/calling.md), so the first item is what "Gọi số tiếp
 * theo" calls now.
 */

/** How many items the console asks for by default, and the most one request may ask for. */
export const COUNTER_WAITING_DEFAULT_LIMIT = 20;
export const COUNTER_WAITING_MAX_LIMIT = 100;

export const CounterWaitingQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(COUNTER_WAITING_MAX_LIMIT).default(COUNTER_WAITING_DEFAULT_LIMIT),
});
export type CounterWaitingQuery = z.infer<typeof CounterWaitingQuerySchema>;

/** A waiting ticket's marks: why it stands where it does, and what the officer should know before calling it. */
export const WaitingMarksSchema = z
  .object({
    /** Its priority group (đối tượng ưu tiên), with the centre's name for it; null for an ordinary ticket. */
    priority: z.object({ groupId: IdSchema, name: LocalizedTextSchema }).nullable(),
    /** Checked in for an appointment: the slot's start, which is its place (rule 2b); null otherwise. */
    appointmentAt: InstantSchema.nullable(),
    /**
     * Sent back to waiting by a transfer (place kept): from which service and counter, and whether it
     * was sent to this counter in particular. Null when it was never transferred.
     */
    transferred: z.object({ fromServiceId: IdSchema.nullable(), fromCounterId: IdSchema.nullable(), toThisCounter: z.boolean() }).nullable(),
    /** Back in its queue because its counter was force-closed while attending it (place kept). */
    returned: z.boolean(),
    /** Waited past the centre's `maxWaitMinutes`: rule 2 puts it first, before priority and order. */
    overdue: z.boolean(),
    /** A result-return ticket's dossier code, masked as on public screens (maskDossierCode). */
    dossierCode: z.string().max(64).optional(),
  })
  .meta({ id: 'WaitingMarks' });
export type WaitingMarks = z.infer<typeof WaitingMarksSchema>;

export const WaitingItemSchema = z
  .object({
    ticketId: IdSchema,
    number: z.string(),
    serviceId: IdSchema,
    serviceName: LocalizedTextSchema,
    issuedAt: InstantSchema,
    /** Whole minutes since the ticket was issued, at `at`. */
    waitedMinutes: z.number().int().min(0),
    marks: WaitingMarksSchema,
  })
  .meta({ id: 'WaitingItem' });
export type WaitingItem = z.infer<typeof WaitingItemSchema>;

export const CounterWaitingSchema = z
  .object({
    counterId: IdSchema,
    /** The instant the order was worked out for (the server's clock). */
    at: InstantSchema,
    /** Every waiting ticket this counter may call (its services' queues and tickets sent to it), listed or not. */
    total: z.number().int().min(0),
    /** At most `limit`, in call order: the first is what call-next would call at `at`. */
    items: z.array(WaitingItemSchema),
  })
  .meta({ id: 'CounterWaiting' });
export type CounterWaiting = z.infer<typeof CounterWaitingSchema>;

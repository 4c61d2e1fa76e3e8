import { z } from 'zod';
import { BusinessDaySchema, IdSchema, InstantSchema } from './common.schemas.ts';

export const TicketStateSchema = z.enum(['waiting', 'called', 'serving', 'done', 'no_show']);
export type TicketState = z.infer<typeof TicketStateSchema>;

export const TicketSchema = z
  .object({
    /** Unique and unguessable; the display number is not the identity (it restarts daily). */
    id: IdSchema,
    centreId: IdSchema,
    serviceId: IdSchema,
    businessDay: BusinessDaySchema,
    /** 1-based order of issue within the service and business day. */
    seq: z.number().int().min(1),
    /** What the citizen reads: "A025" or "1025". */
    number: z.string(),
    state: TicketStateSchema,
    issuedAt: InstantSchema,
    calledAt: InstantSchema.nullable(),
    servingAt: InstantSchema.nullable(),
    finishedAt: InstantSchema.nullable(),
    counterId: IdSchema.nullable(),
    staffId: IdSchema.nullable(),
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof TicketSchema>;

export const IssueTicketBodySchema = z
  .object({ serviceId: IdSchema })
  .strict()
  .meta({ id: 'IssueTicketBody' });
export type IssueTicketBody = z.infer<typeof IssueTicketBodySchema>;

/** A ticket with where it stands in its queue: what the kiosk, the ticket and the status page show. */
export const TicketStatusSchema = z
  .object({
    ticket: TicketSchema,
    /** Waiting tickets of the same service issued before this one (0 once called). */
    peopleAhead: z.number().int().min(0),
  })
  .meta({ id: 'TicketStatus' });
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** Optional guard: the console names the ticket it means, so a stale screen cannot finish another. */
export const CounterActionBodySchema = z
  .object({ staffId: IdSchema.optional(), ticketId: IdSchema.optional() })
  .strict()
  .meta({ id: 'CounterActionBody' });
export type CounterActionBody = z.infer<typeof CounterActionBodySchema>;

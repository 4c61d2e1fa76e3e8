import { z } from 'zod';
import { BusinessDaySchema, IdSchema, InstantSchema } from './common.schemas.ts';

/**
 * waiting → called → serving → done; called → no_show (or after the last recall);
 * called/serving → parked (citizen went to fetch a document) → called again on resume;
 * called/serving → waiting on transfer (place kept); unserved at day end → expired.
 */
export const TicketStateSchema = z.enum(['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'expired']);
export type TicketState = z.infer<typeof TicketStateSchema>;
/** States in which a ticket occupies its counter (the rule server/queue/ticket.models.ts applies; screens import it from here). */
export const AT_COUNTER: readonly TicketState[] = ['called', 'serving'];

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
    /** Priority group (đối tượng ưu tiên) chosen at the kiosk or granted by staff. */
    priorityGroupId: IdSchema.nullable(),
    /** How many times the current call was repeated. */
    recallCount: z.number().int().min(0),
    /** Set by a transfer to a specific counter: only that counter may call the ticket. */
    targetCounterId: IdSchema.nullable(),
    /** Result return (issue #14): the dossier code the ticket is for (absent on other tickets). */
    dossierCode: z.string().max(64).optional(),
    /** The code was not found and the centre issues anyway ("chưa tra được hồ sơ"). */
    dossierUnverified: z.boolean().optional(),
    /** Appointments (issue #14): the appointment the ticket was issued for at check-in (absent: none). */
    appointmentId: IdSchema.optional(),
    /** The appointment's slot start when checked in within its window: the ticket's place (calling-policy.ts). */
    appointmentAt: InstantSchema.optional(),
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof TicketSchema>;

export const IssueTicketBodySchema = z.object({ serviceId: IdSchema, priorityGroupId: IdSchema.optional() }).strict().meta({ id: 'IssueTicketBody' });
export type IssueTicketBody = z.infer<typeof IssueTicketBodySchema>;

/** A ticket with where it stands in its queue: what the kiosk, the ticket and the status page show. */
export const TicketStatusSchema = z
  .object({
    ticket: TicketSchema,
    /** Waiting tickets of the same service issued before this one (0 once called). */
    peopleAhead: z.number().int().min(0),
    /** Minutes; null when no open counter serves the service (see docs/architecture.md). */
    estimatedWaitMinutes: z.number().int().min(0).nullable(),
  })
  .meta({ id: 'TicketStatus' });
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** Optional guard: the console names the ticket it means, so a stale screen cannot finish another. */
export const CounterActionBodySchema = z.object({ ticketId: IdSchema.optional() }).strict().meta({ id: 'CounterActionBody' });
export type CounterActionBody = z.infer<typeof CounterActionBodySchema>;

/** Call one ticket by its display number today (e.g. "A025") or by id. */
export const CallTicketBodySchema = z
  .object({ number: z.string().min(1).max(16).optional(), ticketId: IdSchema.optional() })
  .strict()
  .refine((b) => (b.number === undefined) !== (b.ticketId === undefined), 'give exactly one of number or ticketId')
  .meta({ id: 'CallTicketBody' });
export type CallTicketBody = z.infer<typeof CallTicketBodySchema>;

/** Send the counter's current ticket to another service and/or counter, keeping its place. */
export const TransferTicketBodySchema = z
  .object({ ticketId: IdSchema.optional(), toServiceId: IdSchema.optional(), toCounterId: IdSchema.optional() })
  .strict()
  .refine((b) => b.toServiceId !== undefined || b.toCounterId !== undefined, 'give toServiceId, toCounterId or both')
  .meta({ id: 'TransferTicketBody' });
export type TransferTicketBody = z.infer<typeof TransferTicketBodySchema>;

export const ResumeTicketBodySchema = z.object({ ticketId: IdSchema }).strict().meta({ id: 'ResumeTicketBody' });
export type ResumeTicketBody = z.infer<typeof ResumeTicketBodySchema>;

/** Staff grant a priority group to a waiting ticket (by id or today's number); the reason is audited. */
export const GrantPriorityBodySchema = z
  .object({
    ticketId: IdSchema.optional(),
    number: z.string().min(1).max(16).optional(),
    priorityGroupId: IdSchema,
    reason: z.string().trim().min(3).max(300),
  })
  .strict()
  .refine((b) => (b.number === undefined) !== (b.ticketId === undefined), 'give exactly one of number or ticketId')
  .meta({ id: 'GrantPriorityBody' });
export type GrantPriorityBody = z.infer<typeof GrantPriorityBodySchema>;

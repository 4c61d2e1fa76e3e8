import { z } from 'zod';
import { BusinessDaySchema, IdSchema, InstantSchema, LocalizedTextSchema } from './common.schemas.ts';
import { PrintJobStatusSchema } from './print.schemas.ts';
import { RatingGradeSchema, RatingSourceSchema } from './rating.schemas.ts';
import { TicketStateSchema } from './ticket.schemas.ts';

/**
 * A ticket's history (issue #14, ISO 9001 records; docs/reports.md "Ticket history"): every
 * stored transition of the ticket (its audit trail), its print jobs and its rating, in time
 * order, with the names a reader needs already resolved. Read-only: `getTicketHistory`.
 */

/**
 * What an entry records. Ticket transitions: issued … expired (`changed`: a transition no rule
 * names, kept rather than hidden). Print jobs: created (a reprint too), claimed by the bridge
 * right before printing, and how it ended. `rated`: the citizen's rating.
 */
export const TicketHistoryKindSchema = z
  .enum([
    'issued',
    'called',
    'recalled',
    'serving',
    'parked',
    'resumed',
    'transferred',
    'requeued',
    'priority_granted',
    'finished',
    'no_show',
    'expired',
    'changed',
    'print_created',
    'print_claimed',
    'print_printed',
    'print_failed',
    'print_abandoned',
    'rated',
  ])
  .meta({ id: 'TicketHistoryKind' });
export type TicketHistoryKind = z.infer<typeof TicketHistoryKindSchema>;

/**
 * Who did it: an officer (name and username, null when the account is gone or has no login), a
 * kiosk (its device name), or the system (day end). Ids are as stored, whatever they look like.
 */
export const HistoryActorSchema = z
  .object({
    kind: z.enum(['staff', 'kiosk', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
    username: z.string().nullable(),
  })
  .meta({ id: 'HistoryActor' });
export type HistoryActor = z.infer<typeof HistoryActorSchema>;

/** A counter as the citizen knows it (its number); number null when it was deleted since. */
export const HistoryCounterSchema = z.object({ id: z.string(), number: z.number().int().nullable() }).meta({ id: 'HistoryCounter' });
export type HistoryCounter = z.infer<typeof HistoryCounterSchema>;

/** A service (or priority group) with its names; name null when it no longer exists. */
export const HistoryNamedSchema = z.object({ id: z.string(), name: LocalizedTextSchema.nullable() }).meta({ id: 'HistoryNamed' });
export type HistoryNamed = z.infer<typeof HistoryNamedSchema>;

export const TicketHistoryEntrySchema = z
  .object({
    at: InstantSchema,
    kind: TicketHistoryKindSchema,
    /** Transitions only: the ticket's state before (null for its issue) and after. */
    fromState: TicketStateSchema.nullable(),
    toState: TicketStateSchema.nullable(),
    actor: HistoryActorSchema.nullable(),
    /** Where it happened (the counter a print or rating came from, for those). */
    counter: HistoryCounterSchema.nullable(),
    /** The ticket's queue after a transition. */
    service: HistoryNamedSchema.nullable(),
    /** Called by its number (not as the next in line). */
    calledByNumber: z.boolean().optional(),
    transfer: z.object({ from: HistoryNamedSchema, to: HistoryNamedSchema, toCounter: HistoryCounterSchema.nullable() }).optional(),
    /** `recalled`: which recall this is (1, 2 …); `no_show`: how many recalls went before. */
    recall: z.object({ count: z.number().int().min(0) }).optional(),
    priority: z.object({ group: HistoryNamedSchema, previous: HistoryNamedSchema.nullable(), reason: z.string().nullable() }).optional(),
    print: z
      .object({
        jobId: z.string(),
        printerId: z.string(),
        kiosk: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
        reprint: z.boolean(),
        /** The job's status now (a created entry of a job still under way says pending or sent). */
        status: PrintJobStatusSchema,
        attempts: z.number().int().min(0),
        /** A PrintErrorCode (print.schemas.ts) with the printer's or the server's words. */
        error: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
      })
      .optional(),
    rating: z
      .object({ level: z.number().int(), scale: z.number().int(), grade: RatingGradeSchema, satisfied: z.boolean(), source: RatingSourceSchema })
      .optional(),
  })
  .meta({ id: 'TicketHistoryEntry' });
export type TicketHistoryEntry = z.infer<typeof TicketHistoryEntrySchema>;

export const TicketHistorySchema = z
  .object({
    centreId: IdSchema,
    timeZone: z.string(),
    ticket: z.object({
      id: IdSchema,
      number: z.string(),
      businessDay: BusinessDaySchema,
      state: TicketStateSchema,
      issuedService: HistoryNamedSchema,
      service: HistoryNamedSchema,
      priorityGroup: HistoryNamedSchema.nullable(),
      recallCount: z.number().int().min(0),
    }),
    /** Oldest first; entries of one instant keep the order they were written in. */
    entries: z.array(TicketHistoryEntrySchema),
  })
  .meta({ id: 'TicketHistory' });
export type TicketHistory = z.infer<typeof TicketHistorySchema>;

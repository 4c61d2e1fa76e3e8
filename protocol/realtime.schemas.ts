import { z } from 'zod';
import { CentreSchema, CounterSchema, CounterStateSchema, ServiceSchema } from './centre.schemas.ts';
import { DisplaySettingsSchema } from './display.schemas.ts';
import { KioskClosedServicesSchema, PriorityGroupSchema } from './settings.schemas.ts';
import { BusinessDaySchema, IdSchema, InstantSchema } from './common.schemas.ts';
import { TicketSchema } from './ticket.schemas.ts';
import { AlertViewSchema } from './alerts.schemas.ts';

/** Per-centre, strictly increasing, persisted: a client that sees a gap asks for a snapshot. */
export const SeqSchema = z.number().int().min(0);

/** Waiting tickets per service id, today. */
export const WaitingCountsSchema = z.record(z.string(), z.number().int().min(0));
export type WaitingCounts = z.infer<typeof WaitingCountsSchema>;

/** Estimated wait in minutes for a new ticket, per service id; null: no open counter serves it. */
export const EstimatesSchema = z.record(z.string(), z.number().int().min(0).nullable());
export type Estimates = z.infer<typeof EstimatesSchema>;

export const CallSchema = z
  .object({
    ticketId: IdSchema,
    number: z.string(),
    serviceId: IdSchema,
    counterId: IdSchema,
    counterNumber: z.number().int(),
    calledAt: InstantSchema,
    /** A repeated call of the same ticket (announce it again). */
    recall: z.boolean(),
    /** Result return (issue #14): the ticket's dossier code, already masked for public screens (maskDossierCode). */
    dossierCode: z.string().optional(),
  })
  .meta({ id: 'Call' });
export type Call = z.infer<typeof CallSchema>;

export const CounterViewSchema = z
  .object({
    counter: CounterSchema,
    state: CounterStateSchema,
    current: TicketSchema.nullable(),
    /** The name of the officer holding the counter (counter displays show it); absent when nobody does. */
    officerName: z.string().optional(),
  })
  .meta({ id: 'CounterView' });
export type CounterView = z.infer<typeof CounterViewSchema>;

export const SnapshotSchema = z
  .object({
    seq: SeqSchema,
    businessDay: BusinessDaySchema,
    centre: CentreSchema,
    services: z.array(ServiceSchema),
    counters: z.array(CounterViewSchema),
    waiting: WaitingCountsSchema,
    estimates: EstimatesSchema,
    /** Active priority groups, for the kiosk's priority button. */
    priorityGroups: z.array(PriorityGroupSchema),
    /** What the kiosk does with a service no open counter serves (settings `kioskClosedServices`); absent from older servers: warn. */
    kioskClosedServices: KioskClosedServicesSchema.optional(),
    /** Large print on the kiosk's screens (settings `largePrint`, issue #15); absent from older servers: off. */
    largePrint: z.boolean().optional(),
    /** The kiosk offers appointment check-in (settings `appointments.enabled`); absent from older servers: offered. */
    appointmentCheckIn: z.boolean().optional(),
    /** Recalls allowed (settings `maxRecalls`): the console warns before the one that records a no-show. */
    maxRecalls: z.number().int().min(0).optional(),
    /** Newest first. */
    recentCalls: z.array(CallSchema),
    /** Tickets set aside while the citizen fetches a document (any counter may resume them). */
    parked: z.array(TicketSchema),
    /** What hall and counter displays show and say (the centre's display settings). */
    display: DisplaySettingsSchema,
    /** The centre's active SLA alerts (protocol/alerts.schemas.ts); absent when no alert rule is set. */
    alerts: z.array(AlertViewSchema).optional(),
  })
  .meta({ id: 'Snapshot' });
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** Queue figures every fact carries, so a client never computes them itself. */
const queueFigures = { waiting: WaitingCountsSchema, estimates: EstimatesSchema };

export const TicketIssuedEventSchema = z.object({ seq: SeqSchema, ticket: TicketSchema, ...queueFigures });
export const TicketCalledEventSchema = z.object({ seq: SeqSchema, ticket: TicketSchema, call: CallSchema, ...queueFigures });
export const TicketUpdatedEventSchema = z.object({ seq: SeqSchema, ticket: TicketSchema, ...queueFigures });
/** A counter opened, closed, paused or resumed (also when its config changes). */
export const CounterUpdatedEventSchema = z.object({ seq: SeqSchema, view: CounterViewSchema, ...queueFigures });
export type CounterUpdatedEvent = z.infer<typeof CounterUpdatedEventSchema>;
export type TicketIssuedEvent = z.infer<typeof TicketIssuedEventSchema>;
export type TicketCalledEvent = z.infer<typeof TicketCalledEventSchema>;
export type TicketUpdatedEvent = z.infer<typeof TicketUpdatedEventSchema>;

/**
 * Handshake of the `/centre` namespace. `token` is a device token (`luot_<id>.<secret>`); staff
 * pages send none, their browser sends the session cookie.
 */
export const CentreHandshakeSchema = z.object({ centreId: IdSchema, token: z.string().min(1).max(300).optional() });

/** What a citizen's phone shows on /t/<ticket id>: nothing personal, only the queue. */
export const TicketViewSchema = z
  .object({
    ticket: TicketSchema,
    peopleAhead: z.number().int().min(0),
    estimatedWaitMinutes: z.number().int().min(0).nullable(),
    centreName: z.object({ vi: z.string(), en: z.string() }),
    timeZone: z.string(),
    serviceName: z.object({ vi: z.string(), en: z.string() }),
    /** The counter the ticket is called to, when called or being served. */
    counterNumber: z.number().int().nullable(),
  })
  .meta({ id: 'TicketView' });
export type TicketView = z.infer<typeof TicketViewSchema>;

/** Handshake of the public `/ticket` namespace: the unguessable ticket id is the only key. */
export const TicketHandshakeSchema = z.object({ ticketId: IdSchema });

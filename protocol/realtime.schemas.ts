import { z } from 'zod';
import { CentreSchema, CounterSchema, ServiceSchema } from './centre.schemas.ts';
import { BusinessDaySchema, IdSchema, InstantSchema } from './common.schemas.ts';
import { TicketSchema } from './ticket.schemas.ts';

/** Per-centre, strictly increasing, persisted: a client that sees a gap asks for a snapshot. */
export const SeqSchema = z.number().int().min(0);

/** Waiting tickets per service id, today. */
export const WaitingCountsSchema = z.record(z.string(), z.number().int().min(0));
export type WaitingCounts = z.infer<typeof WaitingCountsSchema>;

export const CallSchema = z
  .object({
    ticketId: IdSchema,
    number: z.string(),
    serviceId: IdSchema,
    counterId: IdSchema,
    counterNumber: z.number().int(),
    calledAt: InstantSchema,
  })
  .meta({ id: 'Call' });
export type Call = z.infer<typeof CallSchema>;

export const CounterViewSchema = z
  .object({ counter: CounterSchema, current: TicketSchema.nullable() })
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
    /** Newest first. */
    recentCalls: z.array(CallSchema),
  })
  .meta({ id: 'Snapshot' });
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const TicketIssuedEventSchema = z.object({
  seq: SeqSchema,
  ticket: TicketSchema,
  waiting: WaitingCountsSchema,
});
export const TicketCalledEventSchema = z.object({
  seq: SeqSchema,
  ticket: TicketSchema,
  call: CallSchema,
  waiting: WaitingCountsSchema,
});
export const TicketUpdatedEventSchema = z.object({
  seq: SeqSchema,
  ticket: TicketSchema,
  waiting: WaitingCountsSchema,
});
export type TicketIssuedEvent = z.infer<typeof TicketIssuedEventSchema>;
export type TicketCalledEvent = z.infer<typeof TicketCalledEventSchema>;
export type TicketUpdatedEvent = z.infer<typeof TicketUpdatedEventSchema>;

/** Handshake of the `/centre` namespace. */
export const CentreHandshakeSchema = z.object({ centreId: IdSchema });

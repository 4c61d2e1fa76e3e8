import { z } from 'zod';
import { PrinterErrorCodeSchema, DeviceStatusSchema } from './bridge.schemas.ts';
import { IdSchema, InstantSchema } from './common.schemas.ts';
import { TicketStatusSchema } from './ticket.schemas.ts';

/** Print jobs and bridge devices as the API and the `/centre` facts show them (issue #4). */

/**
 * pending: stored, not yet handed to a bridge; sent: handed over, no answer yet; printed: the
 * bridge says it came out; failed: the printer said why not; abandoned: no answer in time (no
 * bridge, or none in the timeout) — never printed later, staff may reprint.
 */
export const PrintJobStatusSchema = z.enum(['pending', 'sent', 'printed', 'failed', 'abandoned']).meta({ id: 'PrintJobStatus' });
export type PrintJobStatus = z.infer<typeof PrintJobStatusSchema>;

/** Why a job failed: a printer's own code, or the server's reasons. */
export const PrintErrorCodeSchema = z.enum([...PrinterErrorCodeSchema.options, 'print.timeout', 'print.no_bridge']);
export type PrintErrorCode = z.infer<typeof PrintErrorCodeSchema>;

/** A print job as the API and the `print:status` fact show it. Nothing personal: a number. */
export const PrintJobViewSchema = z
  .object({
    id: IdSchema,
    centreId: IdSchema,
    ticketId: IdSchema,
    /** The ticket's display number, for the console's list. */
    number: z.string(),
    kioskId: IdSchema.nullable(),
    printerId: IdSchema,
    status: PrintJobStatusSchema,
    reprint: z.boolean(),
    attempts: z.number().int().min(0),
    error: z.object({ code: PrintErrorCodeSchema, message: z.string() }).nullable(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'PrintJob' });
export type PrintJobView = z.infer<typeof PrintJobViewSchema>;

/** Finished: the kiosk stops waiting. */
export const isFinalPrintStatus = (s: PrintJobStatus): boolean => s === 'printed' || s === 'failed' || s === 'abandoned';

/** A device a bridge announced, with its last known status (listDevices, `device:updated`). */
export const DeviceViewSchema = z
  .object({
    centreId: IdSchema,
    bridgeId: IdSchema,
    deviceId: IdSchema,
    kind: z.enum(['printer', 'keypad']),
    kioskId: IdSchema.nullable(),
    status: DeviceStatusSchema,
    detail: z.string().nullable(),
    /** The bridge is connected now. */
    connected: z.boolean(),
    lastSeenAt: InstantSchema,
  })
  .meta({ id: 'Device' });
export type DeviceView = z.infer<typeof DeviceViewSchema>;

/** Staff reprint a ticket, on its own kiosk's printer or on another kiosk's. */
export const ReprintTicketBodySchema = z.object({ kioskId: IdSchema.optional() }).strict().meta({ id: 'ReprintTicketBody' });
export type ReprintTicketBody = z.infer<typeof ReprintTicketBodySchema>;

export const ListPrintJobsQuerySchema = z.object({
  status: PrintJobStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** What issuing answers: the ticket, and the print job when the kiosk has a printer (null: none). */
export const IssuedTicketSchema = TicketStatusSchema.extend({
  printJob: z.object({ id: IdSchema, status: PrintJobStatusSchema }).nullable().optional(),
}).meta({ id: 'IssuedTicket' });
export type IssuedTicket = z.infer<typeof IssuedTicketSchema>;

import { z } from 'zod';
import { IdSchema, InstantSchema, LocalizedTextSchema } from './common.schemas.ts';

/**
 * The firmware bridge (firmware-bridge/): a process beside the kiosk PC's printer and the
 * counters' rating keypads, connected to the server on the `/bridge` namespace with a bridge
 * device token. Everything it sends is validated with these schemas; everything the server
 * sends it (print jobs) too, on the bridge's side.
 */

/**
 * What a device reports. ok: ready; paper_low: prints, but the roll is near its end;
 * paper_out / cover_open: cannot print until someone acts; offline: not reachable (unplugged,
 * switched off, or its bridge is disconnected); error: anything else (cutter jam, …) — `detail`.
 */
export const DeviceStatusSchema = z.enum(['ok', 'paper_low', 'paper_out', 'cover_open', 'offline', 'error']).meta({ id: 'DeviceStatus' });
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

const detail = z.string().max(300);

/** A ticket printer and the kiosk (device id of its kiosk token) it prints for. */
export const BridgePrinterSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('printer'),
    /** The kiosk device this printer serves; null: a spare printer, no kiosk prints on it. */
    kioskId: IdSchema.nullable(),
    status: DeviceStatusSchema,
    detail: detail.optional(),
  })
  .strict();

/** A rating keypad (issue #5 fills in what it serves). */
export const BridgeKeypadSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('keypad'),
    counterId: IdSchema.nullable().optional(),
    status: DeviceStatusSchema,
    detail: detail.optional(),
  })
  .strict();

export const BridgeDeviceSchema = z.discriminatedUnion('kind', [BridgePrinterSchema, BridgeKeypadSchema]);
export type BridgeDevice = z.infer<typeof BridgeDeviceSchema>;

/** bridge → server, first thing after connecting: who I am and what I drive. */
export const BridgeHelloSchema = z
  .object({
    bridgeVersion: z.string().min(1).max(40),
    devices: z.array(BridgeDeviceSchema).max(64),
  })
  .strict()
  .refine((h) => new Set(h.devices.map((d) => d.id)).size === h.devices.length, 'device ids must be unique');
export type BridgeHello = z.infer<typeof BridgeHelloSchema>;

/** The server's answer to a hello: what the bridge should use. */
export const BridgeWelcomeSchema = z.object({
  /** Send a heartbeat this often. */
  heartbeatMs: z.number().int().min(1000),
  /** Devices the server now knows for this bridge. */
  devices: z.number().int().min(0),
});
export type BridgeWelcome = z.infer<typeof BridgeWelcomeSchema>;

/** bridge → server, whenever a device's status changes. */
export const DeviceStatusReportSchema = z.object({ deviceId: IdSchema, status: DeviceStatusSchema, detail: detail.optional() }).strict();
export type DeviceStatusReport = z.infer<typeof DeviceStatusReportSchema>;

/** bridge → server, every `heartbeatMs`: I am alive, and this is how each device is. */
export const BridgeHeartbeatSchema = z.object({ devices: z.array(DeviceStatusReportSchema).max(64) }).strict();
export type BridgeHeartbeat = z.infer<typeof BridgeHeartbeatSchema>;

/** What a printed ticket shows (DOMAIN.md "What a ticket shows"); the bridge lays it out. */
export const PrintTicketSchema = z.object({
  centreName: LocalizedTextSchema,
  serviceName: LocalizedTextSchema,
  /** "A025" or "1025". */
  number: z.string().min(1).max(16),
  issuedAt: InstantSchema,
  /** The centre's IANA zone: the ticket shows the local date and time. */
  timeZone: z.string().min(1),
  peopleAhead: z.number().int().min(0),
  /** null: no open counter serves the service yet ("chưa xác định"). */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  /** The status page /t/<ticket id>, printed as a QR code. ASCII only (a QR payload). */
  statusUrl: z
    .url()
    .max(300)
    .regex(/^[\x20-\x7e]+$/, 'ASCII only'),
  priorityGroupName: LocalizedTextSchema.nullable(),
  /** Appointments (issue #14): the slot's start when the ticket keeps an appointment's place ("Lịch hẹn HH:MM"). */
  appointmentAt: InstantSchema.optional(),
  /** The centre's own footer; null: the printer's template decides ("Vui lòng chờ đến lượt"). */
  footer: LocalizedTextSchema.nullable(),
  /**
   * Large print (issue #15, settings `largePrint`): every line but the number one size up
   * (double width and height in text modes, a bigger font in raster). Absent (an older server): off.
   * Like every field here, unknown to an older bridge, which strips it and prints as before.
   */
  largePrint: z.boolean().optional(),
  /**
   * Copies in this one job (settings `ticketCopies`): 2 prints the citizen's ticket, a cut, then
   * the desk's copy ("Liên lưu tại quầy", no QR code). One job id, one journal entry: a retry
   * never prints a third copy. Absent (an older server): 1.
   */
  copies: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type PrintTicket = z.infer<typeof PrintTicketSchema>;

/** server → bridge: print this ticket on this printer, once. */
export const PrintJobSchema = z.object({
  jobId: IdSchema,
  ticketId: IdSchema,
  printerId: IdSchema,
  /** A staff reprint: the layout marks it "Bản in lại". */
  reprint: z.boolean(),
  /**
   * How long the server still waits for the answer, ms. The bridge does not start printing
   * after that (relative, so a wrong clock on the bridge PC cannot matter): a job the server has
   * given up on must not come out of the printer later.
   */
  deadlineMs: z.number().int().min(0),
  ticket: PrintTicketSchema,
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

/** Why a printer did not print; also the `error` of a failed print job. */
export const PrinterErrorCodeSchema = z.enum(['printer.paper_out', 'printer.offline', 'printer.cover_open', 'printer.error']);
export type PrinterErrorCode = z.infer<typeof PrinterErrorCodeSchema>;

/** The bridge's answer to a print job (a socket.io acknowledgement). */
export const PrintAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.object({ printed: z.literal(true) }) }),
  z.object({ ok: z.literal(false), error: z.object({ code: PrinterErrorCodeSchema, message: z.string().max(500) }) }),
]);
export type PrintAck = z.infer<typeof PrintAckSchema>;

/**
 * bridge → server, right before the first byte of a job goes to the printer (after the status
 * read and the layout): may I still print it? The server says yes only while the job is live
 * and before its deadline, and from then on does not abandon it while the bytes go out; no (or
 * no answer) and the bridge does not print. So "abandoned" is final: the server's decision wins.
 */
export const PrintClaimSchema = z.object({ jobId: IdSchema }).strict();
export type PrintClaim = z.infer<typeof PrintClaimSchema>;
export const PrintClaimAnswerSchema = z.object({ print: z.boolean(), reason: z.string().max(300).optional() });
export type PrintClaimAnswer = z.infer<typeof PrintClaimAnswerSchema>;

/** server → bridge: the server gave up on this job (abandoned): never print it. */
export const PrintCancelSchema = z.object({ jobId: IdSchema, reason: z.string().max(300) }).strict();
export type PrintCancel = z.infer<typeof PrintCancelSchema>;

/** Handshake of the `/bridge` namespace: the bridge's device token (`luot_<id>.<secret>`). */
export const BridgeHandshakeSchema = z.object({ token: z.string().min(1).max(300) });

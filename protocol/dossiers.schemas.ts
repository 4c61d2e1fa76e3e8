import { z } from 'zod';
import { BusinessDaySchema, IdSchema, InstantSchema } from './common.schemas.ts';
import { IssuedTicketSchema } from './print.schemas.ts';
import { TicketStateSchema } from './ticket.schemas.ts';

/**
 * Dossiers and result return (issue #14, docs/dossiers.md). A dossier code (mã hồ sơ) comes from
 * the province's dossier system; its format differs by province, so it is an opaque string of
 * letters, digits, dots, dashes and underscores, compared upper-cased (a scanner and a keypad
 * give the same code whatever the case).
 */
export const DOSSIER_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{2,63}$/;

export const DossierCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(DOSSIER_CODE_PATTERN, '3 to 64 letters, digits, ".", "-" or "_", starting with a letter or digit')
  .meta({ id: 'DossierCode', example: 'H12.34-240101-0123' });

/** received → in_progress → ready → returned (the dossier system may also jump; a returned dossier stays returned). */
export const DossierStateSchema = z.enum(['received', 'in_progress', 'ready', 'returned']).meta({ id: 'DossierState' });
export type DossierState = z.infer<typeof DossierStateSchema>;

/** What the dossier system says about one dossier (PUT …/dossiers/{code}). Absent optional fields are stored as null. */
export const DossierUpsertBodySchema = z
  .object({
    state: DossierStateSchema,
    /** The lĩnh vực the dossier belongs to (a service id of the centre). */
    serviceId: IdSchema.nullable().optional(),
    /** The date written on the slip (giấy hẹn trả kết quả), in the centre's calendar. */
    dueDate: BusinessDaySchema.nullable().optional(),
    /** Who returns the result once ready: one counter (its queue is the return service's) … */
    returnCounterId: IdSchema.nullable().optional(),
    /** … or a service's queue (default: the centre's `dossierReturnServiceId`). */
    returnServiceId: IdSchema.nullable().optional(),
    /** Optional; shown masked on public screens (N. V. An). */
    citizenName: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .strict()
  .meta({ id: 'DossierUpsertBody' });
export type DossierUpsertBody = z.infer<typeof DossierUpsertBodySchema>;

export const DossierUpsertItemSchema = DossierUpsertBodySchema.extend({ code: DossierCodeSchema }).strict().meta({ id: 'DossierUpsertItem' });
export type DossierUpsertItem = z.infer<typeof DossierUpsertItemSchema>;

/** A batch is all or nothing: one bad row and nothing is written (the error names every bad row). */
export const DossierBatchBodySchema = z
  .object({ dossiers: z.array(DossierUpsertItemSchema).min(1).max(1000) })
  .strict()
  .meta({ id: 'DossierBatchBody' });
export type DossierBatchBody = z.infer<typeof DossierBatchBodySchema>;

export const DossierSchema = z
  .object({
    centreId: IdSchema,
    code: z.string(),
    state: DossierStateSchema,
    serviceId: IdSchema.nullable(),
    dueDate: BusinessDaySchema.nullable(),
    returnCounterId: IdSchema.nullable(),
    returnServiceId: IdSchema.nullable(),
    citizenName: z.string().nullable(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    /** When and by which officer (staff id) the result was handed over. */
    returnedAt: InstantSchema.nullable(),
    returnedBy: z.string().nullable(),
  })
  .meta({ id: 'Dossier' });
export type Dossier = z.infer<typeof DossierSchema>;

export const DossierBatchResultSchema = z
  .object({ created: z.number().int().min(0), updated: z.number().int().min(0), dossiers: z.array(DossierSchema) })
  .meta({ id: 'DossierBatchResult' });
export type DossierBatchResult = z.infer<typeof DossierBatchResultSchema>;

/** The admin page's CSV import (docs/dossiers.md "CSV format"); valid lines are written, bad ones listed. */
export const DossierCsvImportBodySchema = z
  .object({ csv: z.string().min(1).max(1_000_000) })
  .strict()
  .meta({ id: 'DossierCsvImportBody' });
export const DossierCsvImportResultSchema = z
  .object({
    accepted: z.number().int().min(0),
    rejected: z.array(z.object({ line: z.number().int().min(1), code: z.string().nullable(), message: z.string() })),
  })
  .meta({ id: 'DossierCsvImportResult' });
export type DossierCsvImportResult = z.infer<typeof DossierCsvImportResultSchema>;

/** The kiosk's "Nhận kết quả": the code scanned or typed. */
export const DossierReturnBodySchema = z.object({ code: DossierCodeSchema }).strict().meta({ id: 'DossierReturnBody' });
export type DossierReturnBody = z.infer<typeof DossierReturnBodySchema>;

/** What the kiosk may show of a dossier: the code masked, the name masked (public screen). */
export const DossierPublicSchema = z
  .object({ maskedCode: z.string(), maskedName: z.string().nullable(), dueDate: BusinessDaySchema.nullable() })
  .meta({ id: 'DossierPublic' });

/**
 * The outcome of a return request; every one is an answer (200), not an error:
 * `issued` (ready, or unknown under `issue-flagged`: `unverified`), `not_ready` (no ticket, the due
 * date), `already_returned`, `unknown` (refused under `refuse`).
 */
export const DossierReturnResultSchema = z
  .discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('issued'), issued: IssuedTicketSchema, unverified: z.boolean(), dossier: DossierPublicSchema.nullable() }),
    z.object({ outcome: z.literal('not_ready'), dossier: DossierPublicSchema, state: DossierStateSchema }),
    z.object({ outcome: z.literal('already_returned'), dossier: DossierPublicSchema, returnedAt: InstantSchema.nullable() }),
    z.object({ outcome: z.literal('unknown') }),
    /** A ticket carrying this code is still open: its number, no second ticket. */
    z.object({ outcome: z.literal('already_queued'), number: z.string(), state: TicketStateSchema }),
  ])
  .meta({ id: 'DossierReturnResult' });
export type DossierReturnResult = z.infer<typeof DossierReturnResultSchema>;

/** The officer hands the result over: the console names the ticket it means (optional guard). */
export const MarkDossierReturnedBodySchema = z.object({ ticketId: IdSchema.optional() }).strict().meta({ id: 'MarkDossierReturnedBody' });
export type MarkDossierReturnedBody = z.infer<typeof MarkDossierReturnedBodySchema>;

/** The body of the `dossier.returned` webhook (signed; docs/dossiers.md "Webhook"). */
export const DossierReturnedWebhookSchema = z
  .object({ event: z.literal('dossier.returned'), centreId: IdSchema, occurredAt: InstantSchema, dossier: DossierSchema })
  .meta({ id: 'DossierReturnedWebhook' });
export type DossierReturnedWebhook = z.infer<typeof DossierReturnedWebhookSchema>;

/**
 * How a dossier code shows on public screens (hall display, kiosk): the agency part before the
 * first dash and the last 4 characters stay, what lies between (the date, most of the sequence)
 * becomes `****`. H12.34-240101-0123 → H12.34-****-0123; H12.34-2401010123 → H12.34-****0123;
 * a code without dashes keeps only its last 4 characters (2 when shorter than 8): ****0123.
 * The officer's console shows the whole code. docs/dossiers.md states the same rule.
 */
export function maskDossierCode(code: string): string {
  const parts = code.split('-');
  const last = parts[parts.length - 1] ?? '';
  const tail = (s: string, n: number) => s.slice(Math.max(0, s.length - n));
  if (parts.length >= 3) return `${parts[0]}-****-${tail(last, 4)}`;
  if (parts.length === 2) return `${parts[0]}-****${tail(last, last.length > 4 ? 4 : Math.min(2, last.length - 1))}`;
  return `****${tail(code, code.length >= 8 ? 4 : 2)}`;
}

/** A citizen's name on a public screen: initials, then the given name (last word): Nguyễn Văn An → N. V. An. */
export function maskCitizenName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return `${Array.from(words[0]!)[0]}.`;
  return [...words.slice(0, -1).map((w) => `${Array.from(w)[0]!.toUpperCase()}.`), words[words.length - 1]].join(' ');
}

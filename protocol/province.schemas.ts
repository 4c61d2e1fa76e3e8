import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from './common.schemas.ts';

/**
 * Centre management by a province administrator (issue #13, docs/admin.md "Centres"): a new
 * centre copies the services, counters and settings of a template centre; an edit changes its
 * name, address and time zone.
 */

/** Does this runtime know `zone` as an IANA time zone? (Intl is in every browser and in Node.) */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `Asia/Ho_Chi_Minh` (every Vietnamese centre: UTC+7, no DST). */
export const TimeZoneSchema = z.string().trim().min(1).max(64).refine(isTimeZone, 'an IANA time zone, e.g. Asia/Ho_Chi_Minh');

/** A centre's id: a slug, as in its pages' addresses and every API path (`xa-tan-phu`). */
export const CentreSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'lower-case letters, digits and "-", e.g. xa-tan-phu');

/** One line, as the centre writes it; empty for none. Not translated: an address is a name. */
export const CentreAddressSchema = z.string().trim().max(300);

/** createCentre: services, counters and settings come from `templateCentreId`; no staff, tickets or devices. */
export const CreateCentreBodySchema = z
  .object({
    id: CentreSlugSchema,
    name: LocalizedTextSchema,
    address: CentreAddressSchema.default(''),
    timeZone: TimeZoneSchema.default('Asia/Ho_Chi_Minh'),
    templateCentreId: IdSchema,
  })
  .strict()
  .meta({ id: 'CreateCentreBody' });
export type CreateCentreBody = z.infer<typeof CreateCentreBodySchema>;
/** What a client sends: address and time zone may be left out. */
export type CreateCentreRequest = z.input<typeof CreateCentreBodySchema>;

/** updateCentre replaces these three; the id never changes (it is in every address and record). */
export const UpdateCentreBodySchema = z
  .object({ name: LocalizedTextSchema, address: CentreAddressSchema, timeZone: TimeZoneSchema })
  .strict()
  .meta({ id: 'UpdateCentreBody' });
export type UpdateCentreBody = z.infer<typeof UpdateCentreBodySchema>;

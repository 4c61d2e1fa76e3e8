import { z } from 'zod';

/** Ids are short, URL-safe strings: slugs for configuration, random for tickets. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');

/** Every user-facing label exists in Vietnamese (default) and English. */
export const LocalizedTextSchema = z.object({ vi: z.string().min(1).max(200), en: z.string().min(1).max(200) }).meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A calendar day in the centre's own time zone, e.g. 2026-11-22. */
export const BusinessDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An instant, always UTC ISO-8601; front-ends format it in the centre's time zone. */
export const InstantSchema = z.iso.datetime();

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'ticket.not_found' }),
      message: z.string(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

export const LanguageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.schemas.ts';

/**
 * Citizen satisfaction ratings (mức độ hài lòng, issue #5): a keypad at the counter, or the same
 * buttons on a customer-facing screen, rates the ticket just finished there. DOMAIN.md "Rating";
 * the rules are server/queue/rating.models.ts, the keypad's serial protocol docs/keypad-protocol.md.
 */

/** Levels on the centre's scale: 4 (Rất hài lòng, Hài lòng, Bình thường, Không hài lòng) or 3 (no Bình thường). */
export const RatingScaleSchema = z.union([z.literal(3), z.literal(4)]).meta({ id: 'RatingScale' });
export type RatingScale = z.infer<typeof RatingScaleSchema>;

/** What a level means, whatever the scale. "Satisfied" is the top two (DOMAIN.md). */
export const RatingGradeSchema = z.enum(['very_satisfied', 'satisfied', 'neutral', 'dissatisfied']).meta({ id: 'RatingGrade' });
export type RatingGrade = z.infer<typeof RatingGradeSchema>;

/** The button: 1 is the leftmost, "Rất hài lòng"; the last one on the scale is "Không hài lòng". */
export const RatingLevelSchema = z.number().int().min(1).max(4);

export const RatingSourceSchema = z.enum(['keypad', 'screen', 'api']).meta({ id: 'RatingSource' });
export type RatingSource = z.infer<typeof RatingSourceSchema>;

/**
 * What became of one press. accepted: it is the ticket's rating. rejected_disarmed: nothing was
 * armed at that counter. rejected_late: after the window of the ticket last finished there.
 * rejected_already_rated: that ticket has its rating (a second press). rejected_invalid: a level
 * the centre's scale does not have (button 4 on a 3-level scale). duplicate: the same press
 * delivered again (same idempotency key); answered with the first delivery's outcome.
 */
export const PressOutcomeSchema = z
  .enum(['accepted', 'rejected_disarmed', 'rejected_late', 'rejected_already_rated', 'rejected_invalid', 'duplicate'])
  .meta({ id: 'PressOutcome' });
export type PressOutcome = z.infer<typeof PressOutcomeSchema>;

export const RatingViewSchema = z
  .object({
    id: IdSchema,
    centreId: IdSchema,
    ticketId: IdSchema,
    /** The ticket's display number. */
    number: z.string(),
    counterId: IdSchema,
    /** The officer who finished the ticket. */
    staffId: IdSchema.nullable(),
    /** The ticket's service (lĩnh vực) when it was finished. */
    serviceId: IdSchema,
    level: RatingLevelSchema,
    scale: RatingScaleSchema,
    grade: RatingGradeSchema,
    satisfied: z.boolean(),
    source: RatingSourceSchema,
    createdAt: InstantSchema,
  })
  .meta({ id: 'Rating' });
export type RatingView = z.infer<typeof RatingViewSchema>;

/** The answer to a press, from any source. */
export const PressResultSchema = z
  .object({
    /** For a duplicate delivery: the outcome the first delivery got. */
    outcome: PressOutcomeSchema.exclude(['duplicate']),
    duplicate: z.boolean(),
    /** The ticket's rating when this press is (or, for a duplicate, was) accepted. */
    rating: RatingViewSchema.nullable(),
  })
  .meta({ id: 'PressResult' });
export type PressResult = z.infer<typeof PressResultSchema>;

/** An idempotency key chosen by the caller: the same key is the same press, counted once. */
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, '8–128 letters, digits, "_", ".", ":" or "-"');

/** recordRating: the customer-facing screen (screen) or an integration (api). */
export const RecordRatingBodySchema = z
  .object({
    counterId: IdSchema,
    level: RatingLevelSchema,
    idempotencyKey: IdempotencyKeySchema,
    source: z.enum(['screen', 'api']).default('api'),
  })
  .strict()
  .meta({ id: 'RecordRatingBody' });
export type RecordRatingBody = z.infer<typeof RecordRatingBodySchema>;

/** Is a counter's keypad (and rating screen) armed now, and for which ticket. */
export const RatingArmViewSchema = z
  .object({
    centreId: IdSchema,
    counterId: IdSchema,
    armed: z.boolean(),
    ticketId: IdSchema.nullable(),
    number: z.string().nullable(),
    scale: RatingScaleSchema,
    /** When armed: how long the window is still open, ms (relative: a screen's clock may be off). */
    remainingMs: z.number().int().min(0),
    closesAt: InstantSchema.nullable(),
  })
  .meta({ id: 'RatingArm' });
export type RatingArmView = z.infer<typeof RatingArmViewSchema>;

// ---- The firmware bridge's part (`/bridge` namespace) ----

/** A keypad's boot id: 1–8 hex digits, new at every power-up (docs/keypad-protocol.md). */
export const BootIdSchema = z.string().regex(/^[0-9A-F]{1,8}$/, '1–8 upper-case hex digits');
export const PressSeqSchema = z.number().int().min(1).max(999_999);

/** bridge → server `rating:press` (acked with Result<PressResult>): one press, from the bridge's outbox. */
export const KeypadPressSchema = z
  .object({
    keypadId: IdSchema,
    /** The counter the bridge's config maps this keypad to. */
    counterId: IdSchema,
    bootId: BootIdSchema,
    seq: PressSeqSchema,
    level: RatingLevelSchema,
    /**
     * How long ago the button was pressed, ms, measured by the bridge when it sends (relative, so
     * a wrong clock on the bridge PC cannot matter); a press kept through an outage is judged by
     * when it was pressed, not when it arrived. At most 7 days.
     */
    ageMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400_000),
  })
  .strict();
export type KeypadPress = z.infer<typeof KeypadPressSchema>;

/** server → bridge `keypad:arm`: a ticket was finished at this counter; light its keypad. */
export const KeypadArmSchema = z
  .object({
    counterId: IdSchema,
    ticketId: IdSchema,
    /** Shown by keypads with a display: "A025". ASCII only on the wire (the bridge strips the rest). */
    number: z.string().min(1).max(16),
    counterNumber: z.number().int().min(1).max(999),
    /** How long the keypad stays lit, s (what is left of the window). */
    seconds: z.number().int().min(1).max(3600),
    scale: RatingScaleSchema,
  })
  .strict();
export type KeypadArm = z.infer<typeof KeypadArmSchema>;

/** server → bridge `keypad:disarm`: the ticket has its rating (or the window was replaced). */
export const KeypadDisarmSchema = z.object({ counterId: IdSchema, ticketId: IdSchema.nullable() }).strict();
export type KeypadDisarm = z.infer<typeof KeypadDisarmSchema>;

/** `/centre` fact `rating:recorded`: a ticket got its rating (consoles, the rating screen). */
export const RatingRecordedEventSchema = z.object({ rating: RatingViewSchema });
export type RatingRecordedEvent = z.infer<typeof RatingRecordedEventSchema>;

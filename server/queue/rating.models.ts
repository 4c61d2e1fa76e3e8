import type { PressOutcome, RatingGrade, RatingScale } from '../../protocol/index.ts';

/**
 * The rating rules (DOMAIN.md "Rating", issue #5), pure: time arrives as epoch ms.
 *
 * A counter's keypad (and its rating screen) is armed when a ticket is finished there, for the
 * centre's window (ratingWindowSeconds). A press belongs to the arm that was the latest at the
 * moment of the press — the citizen in front of the counter then — and:
 * - no arm before it at that counter: rejected_disarmed (nobody had just been served);
 * - a button the scale does not have: rejected_invalid;
 * - that ticket already has its rating: rejected_already_rated (one rating per ticket);
 * - after the window (plus a short grace for the keypad's own timer): rejected_late;
 * - otherwise accepted: it becomes the ticket's rating, and the arm is spent.
 * Rejected presses are recorded too (anti-gaming reports) and never become ratings.
 */

/** What each button means on each scale; button 1 is the leftmost. */
export const GRADES: Readonly<Record<RatingScale, readonly RatingGrade[]>> = {
  4: ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'],
  // Three levels: no "Bình thường" — the third button is "Không hài lòng".
  3: ['very_satisfied', 'satisfied', 'dissatisfied'],
};

/** Vietnamese and English names, for logs and screens. */
export const GRADE_NAMES: Readonly<Record<RatingGrade, { vi: string; en: string }>> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  neutral: { vi: 'Bình thường', en: 'Neutral' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
};

/**
 * A keypad's lights go out by its own timer, which started when the ARM reached it — a moment
 * after the server armed it — and a press travels a moment before the server can date it.
 */
export const LATE_GRACE_MS = 2000;

export function gradeOf(level: number, scale: RatingScale): RatingGrade | null {
  return Number.isInteger(level) && level >= 1 ? (GRADES[scale][level - 1] ?? null) : null;
}

/** "Satisfied" means the top two levels (DOMAIN.md), whatever the scale. */
export const isSatisfied = (grade: RatingGrade): boolean => grade === 'very_satisfied' || grade === 'satisfied';

/** The window opened by finishing a ticket at `finishedAtMs`. */
export function ratingWindow(finishedAtMs: number, windowSeconds: number): { armedAtMs: number; closesAtMs: number } {
  return { armedAtMs: finishedAtMs, closesAtMs: finishedAtMs + windowSeconds * 1000 };
}

/** The part of an arm the decision reads. */
export interface ArmState {
  armedAtMs: number;
  closesAtMs: number;
  /** When the ticket got its rating; null: not yet. */
  ratedAtMs: number | null;
  scale: RatingScale;
}

export type Decision = Exclude<PressOutcome, 'duplicate'>;

/**
 * What a press at `pressedAtMs` is, given the counter's latest arm at that moment (null: none).
 * A duplicate delivery (same idempotency key) is decided before this, by the store.
 */
export function decidePress(press: { pressedAtMs: number; level: number }, arm: ArmState | null): { outcome: Decision; grade: RatingGrade | null } {
  if (!arm || press.pressedAtMs < arm.armedAtMs) return { outcome: 'rejected_disarmed', grade: null };
  const grade = gradeOf(press.level, arm.scale);
  if (grade === null) return { outcome: 'rejected_invalid', grade: null };
  if (arm.ratedAtMs !== null) return { outcome: 'rejected_already_rated', grade };
  if (press.pressedAtMs > arm.closesAtMs + LATE_GRACE_MS) return { outcome: 'rejected_late', grade };
  return { outcome: 'accepted', grade };
}

/** Armed right now: neither spent nor run out. */
export function isArmed(arm: ArmState | null, nowMs: number): boolean {
  return arm !== null && arm.ratedAtMs === null && nowMs >= arm.armedAtMs && nowMs < arm.closesAtMs;
}

/** What is left of the window, ms (0 when not armed). */
export const remainingMs = (arm: ArmState | null, nowMs: number): number => (arm && isArmed(arm, nowMs) ? arm.closesAtMs - nowMs : 0);

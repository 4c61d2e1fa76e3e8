import type { PressOutcome, RatingGrade, RatingScale, RatingSource } from '../../protocol/index.ts';

/**
 * Ratings: the store's part for issue #5 (migration 0005 documents every column). Like
 * printing.port.ts, the Store and every write transaction carry it, so a ticket's finish and the
 * arming of its counter's keypad are one transaction.
 */
export interface RatingArmRecord {
  id: string;
  centreId: string;
  counterId: string;
  ticketId: string;
  /** The ticket's display number (read with the arm). */
  number: string;
  staffId: string | null;
  serviceId: string;
  businessDay: string;
  scale: RatingScale;
  armedAtMs: number;
  closesAtMs: number;
  ratedAtMs: number | null;
}

export type NewRatingArm = Omit<RatingArmRecord, 'number' | 'ratedAtMs'>;

export interface RatingRecord {
  id: string;
  centreId: string;
  ticketId: string;
  number: string;
  counterId: string;
  staffId: string | null;
  serviceId: string;
  businessDay: string;
  level: number;
  scale: RatingScale;
  grade: RatingGrade;
  satisfied: boolean;
  source: RatingSource;
  idempotencyKey: string;
  pressedAtMs: number;
  createdAtMs: number;
}

export type NewRating = Omit<RatingRecord, 'number'>;

export interface PressRecord {
  id: string;
  centreId: string;
  counterId: string;
  keypadId: string | null;
  bridgeId: string | null;
  ticketId: string | null;
  staffId: string | null;
  source: RatingSource;
  level: number;
  outcome: PressOutcome;
  idempotencyKey: string;
  ratingId: string | null;
  pressedAtMs: number;
  receivedAtMs: number;
}

export interface RatingStore {
  insertRatingArm(arm: NewRatingArm): Promise<void>;
  /** The counter's latest arm at `atMs` (armed at or before it), whether spent or run out. */
  armAt(centreId: string, counterId: string, atMs: number): Promise<RatingArmRecord | null>;
  /** Each counter's latest arm when it is still open at `nowMs` (not rated, not run out). */
  openArms(centreId: string, nowMs: number): Promise<RatingArmRecord[]>;
  markArmRated(armId: string, atMs: number): Promise<boolean>;
  insertRating(rating: NewRating): Promise<void>;
  getRating(ratingId: string): Promise<RatingRecord | null>;
  getRatingOfTicket(ticketId: string): Promise<RatingRecord | null>;
  insertPress(press: PressRecord): Promise<void>;
  /** The decided (non-duplicate) press with this key, if any. */
  findPress(centreId: string, idempotencyKey: string): Promise<PressRecord | null>;
  /** A counter's presses, newest first (tests, reports). */
  listPresses(centreId: string, options?: { counterId?: string; limit?: number }): Promise<PressRecord[]>;
  /** A centre's ratings, newest first. */
  listRatings(centreId: string, options?: { limit?: number }): Promise<RatingRecord[]>;
}

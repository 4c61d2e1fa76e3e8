import type { RatingGrade, TicketState } from '../../protocol/index.ts';
import type { RatingCount, RejectedOutcome, ServedCount } from './rating-summary.models.ts';
import type { HourlyDelta, RollupKey } from './rollup.models.ts';
import type { MinuteHistogram } from './stats.models.ts';
import type { DailyRollupRow, HourlyRow } from './time-summary.models.ts';
import type { TicketHistoryStore } from './ticket-history.port.ts';

/**
 * The store's part for reports (issue #6): the daily rollups, the first-call columns of tickets,
 * and the ticket log. Kept apart like printing.port.ts; the Store and every write transaction
 * carry it, so a ticket change and its rollup increments commit together.
 */

/** Where and when a ticket was first called from a queue (its waiting time ends there). */
export interface FirstCall {
  atMs: number;
  serviceId: string;
  counterId: string | null;
  staffId: string | null;
}

/** What rebuilding the rollups needs of one ticket (and the ticket log shows). */
export interface TicketFacts {
  id: string;
  /** The service that issued the number. */
  issuedServiceId: string;
  /** The queue it is in (or ended in). */
  serviceId: string;
  businessDay: string;
  number: string;
  state: TicketState;
  issuedAtMs: number;
  calledAtMs: number | null;
  servingAtMs: number | null;
  finishedAtMs: number | null;
  counterId: string | null;
  staffId: string | null;
  priorityGroupId: string | null;
  firstCall: FirstCall | null;
  transferCount: number;
}

/** A transfer as the audit trail has it: the service, counter and officer the ticket left. */
export interface TransferFact {
  ticketId: string;
  businessDay: string;
  fromServiceId: string;
  counterId: string | null;
  staffId: string | null;
}

export interface TicketLogFilter {
  centreId: string;
  from: string;
  to: string;
  serviceId?: string;
  counterId?: string;
  staffId?: string;
  state?: TicketState;
  /** Keyset: continue after (older than) this ticket. */
  after?: { businessDay: string; issuedAtMs: number; id: string };
  limit: number;
}

/** The minute histograms a daily rollup row holds (stored as JSON text). */
export interface RollupHistograms {
  wait: MinuteHistogram;
  service: MinuteHistogram;
}

/** A press that did not become a rating, with the arm it was judged against (if any). */
export interface RejectedPress {
  pressedAtMs: number;
  counterId: string;
  staffId: string | null;
  serviceId: string | null;
  outcome: RejectedOutcome;
}

/** With ticket history's reads (issue #14, ticket-history.port.ts). */
export interface ReportStore extends TicketHistoryStore {
  /** Records the ticket's first call; false (and nothing written) when it had one already. */
  recordFirstCall(ticketId: string, call: FirstCall): Promise<boolean>;
  countTransfer(ticketId: string): Promise<void>;
  /** The stored histograms of one daily rollup row; null when the row does not exist yet. */
  rollupHistograms(centreId: string, key: RollupKey): Promise<RollupHistograms | null>;
  /**
   * Adds increments to the rollups (rows are created on first use): counts and duration sums are
   * added, the larger maximum kept. A row's wait (service) histogram is replaced by the
   * increment's when the increment has wait (service) durations: the use case merged the stored
   * one into it (rollupHistograms, rollup-increments.models.ts).
   */
  addToRollups(centreId: string, daily: readonly DailyRollupRow[], hourly: readonly HourlyDelta[]): Promise<void>;
  /** Replaces the rollups of the days from `from` to `to` with freshly computed rows (a rebuild). */
  replaceRollups(centreId: string, from: string, to: string, daily: readonly DailyRollupRow[], hourly: readonly HourlyRow[]): Promise<void>;
  rollupsBuiltAt(centreId: string): Promise<number | null>;
  markRollupsBuilt(centreId: string, atMs: number): Promise<void>;

  readDailyRollups(centreId: string, from: string, to: string): Promise<DailyRollupRow[]>;
  readHourlyRollups(centreId: string, from: string, to: string): Promise<HourlyRow[]>;
  /** Tickets served per day, service, counter and officer (the rollups' counts, without durations). */
  servedCounts(centreId: string, from: string, to: string): Promise<ServedCount[]>;
  /** First and last business day with a ticket; null when the centre has none. */
  ticketDayRange(centreId: string): Promise<{ from: string; to: string } | null>;
  /** Every ticket of the days from `from` to `to`, for a rebuild. */
  ticketFacts(centreId: string, from: string, to: string): Promise<TicketFacts[]>;
  /** Transfers of tickets of those days (only tickets with a transfer are looked at). */
  transferFacts(centreId: string, from: string, to: string): Promise<TransferFact[]>;
  /** A page of the ticket log, newest first. */
  ticketLog(filter: TicketLogFilter): Promise<TicketFacts[]>;
  /** How many tickets the log's filter holds (an export's expected rows, issue #15): no keyset, no limit. */
  ticketLogCount(filter: Omit<TicketLogFilter, 'after' | 'limit'>): Promise<number>;

  /** Ratings of tickets of the days from `from` to `to`, counted per day, officer, counter, service and grade. */
  ratingCounts(centreId: string, from: string, to: string): Promise<RatingCount[]>;
  /**
   * Presses refused between two instants (epoch ms, end excluded); duplicates are not presses.
   * `withService`: also the service of the ticket each was judged against (else null).
   */
  rejectedPresses(centreId: string, fromMs: number, toMs: number, withService: boolean): Promise<RejectedPress[]>;
  /** The last business day whose ratings are summed in the rating rollup; null: none yet. */
  ratingsRolledThrough(centreId: string): Promise<string | null>;
  /** Sums the ratings of the days after `after` (all when null) up to `through` into the rollup. */
  rollUpRatings(centreId: string, after: string | null, through: string): Promise<void>;
  /** Forgets the rating rollup of a centre (a rebuild sums it again). */
  clearRatingRollup(centreId: string): Promise<void>;
  /** Rating counts of the days from `from` to `to` from the rollup (settled days only). */
  rolledRatingCounts(centreId: string, from: string, to: string): Promise<RatingCount[]>;
  /** The grade of each rated ticket among `ticketIds`. */
  ratingGrades(ticketIds: readonly string[]): Promise<Map<string, RatingGrade>>;
}

/**
 * The store's part for ticket history (issue #14): the stored rows of tickets' audit trails,
 * print jobs and ratings, as they are (no rules here: ticket-history.models.ts turns them into
 * history entries), read for one ticket or a page of the ticket log at once.
 */

/** One row of ticket_events. */
export interface HistoryEventRow {
  ticketId: string;
  seq: number;
  atMs: number;
  actorKind: string;
  actorId: string | null;
  fromState: string | null;
  toState: string;
  counterId: string | null;
  serviceId: string | null;
  detail: Record<string, unknown> | null;
}

/** One row of print_jobs (a ticket's print, or a reprint). */
export interface HistoryPrintRow {
  id: string;
  ticketId: string;
  kioskId: string | null;
  printerId: string;
  status: string;
  reprint: boolean;
  requestedBy: string | null;
  attempts: number;
  error: string | null;
  errorMessage: string | null;
  createdAtMs: number;
  updatedAtMs: number;
  claimedUntilMs: number | null;
}

/** The rating of a ticket (ratings: one per ticket). */
export interface HistoryRatingRow {
  ticketId: string;
  counterId: string;
  staffId: string | null;
  level: number;
  scale: number;
  grade: string;
  satisfied: boolean;
  source: string;
  pressedAtMs: number;
}

export interface HistoryRecords {
  events: HistoryEventRow[];
  printJobs: HistoryPrintRow[];
  ratings: HistoryRatingRow[];
}

/** Who may appear as an actor in a centre's histories: its officers (with usernames) and devices. */
export interface HistoryPeople {
  staff: { id: string; name: string; username: string | null }[];
  devices: { id: string; name: string; kind: string }[];
}

/** The most ticket ids one `ticketHistoryRecords` call takes (a bound on its statements' parameters). */
export const HISTORY_BATCH = 500;

export interface TicketHistoryStore {
  /**
   * The audit events, print jobs and rating of the centre's tickets among `ticketIds` (at most
   * HISTORY_BATCH): events in the order they were written (seq), jobs by creation.
   */
  ticketHistoryRecords(centreId: string, ticketIds: readonly string[]): Promise<HistoryRecords>;
  /** The centre's officers and device tokens (revoked ones too: history names them). */
  historyPeople(centreId: string): Promise<HistoryPeople>;
}

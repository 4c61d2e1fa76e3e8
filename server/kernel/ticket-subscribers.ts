import type { CentreSettings, Counter, IssuedTicket, Ticket } from '../../protocol/index.ts';
import type { ActorKind, StoreWriteTx } from './store.port.ts';

/** One change of one ticket, as `commitChange` (changes.ts) writes it and subscribers see it. */
export interface Change {
  centreId: string;
  /** The ticket as read in this transaction; null for a new ticket. */
  before: Ticket | null;
  after: Ticket;
  at: Date;
  actorKind: ActorKind;
  actorId: string | null;
  counterId: string | null;
  detail?: Record<string, unknown>;
}

/** A ticket just issued, as its subscribers see it. */
export interface Issued {
  ticket: Ticket;
  /** The kiosk (device) that asked; null when staff issued it. */
  kioskId: string | null;
  at: Date;
}

/** A ticket just finished at a counter, as its subscribers see it. */
export interface Finished {
  ticket: Ticket;
  counter: Counter;
  settings: CentreSettings;
  at: Date;
  day: string;
}

/** What a subscriber may add to the answer of an issue (the kiosk's print job). */
export type IssueExtras = Pick<IssuedTicket, 'printJob'>;

/**
 * A module's work that follows ticket changes. Each callback runs inside the transaction of the
 * change, so its writes exist exactly when the change does; work for after the commit (handing a
 * print job to a bridge, lighting a keypad) is registered with `tx.afterCommit`, never done
 * directly, because the store may run the transaction again.
 *
 * Modules list their subscriber in server/modules.ts; the use cases call them here, so reading
 * `issueTicket` or `commitChange` leads to this file and from it to every subscriber.
 */
export interface TicketSubscriber {
  /** Who subscribes (a log line names it when it fails). */
  name: string;
  /** Every ticket change, after its audit event (reports' rollups). */
  changed?(tx: StoreWriteTx, change: Change): Promise<void>;
  /** A ticket just issued (printing: the kiosk's print job). */
  issued?(tx: StoreWriteTx, issued: Issued): Promise<IssueExtras | void>;
  /** A ticket finished at a counter (ratings: the counter's keypad is armed for it). */
  finished?(tx: StoreWriteTx, finished: Finished): Promise<void>;
}

type Subscribed = { subscribers?: readonly TicketSubscriber[] };

export async function tellChanged(deps: Subscribed, tx: StoreWriteTx, change: Change): Promise<void> {
  for (const s of deps.subscribers ?? []) await s.changed?.(tx, change);
}

export async function tellIssued(deps: Subscribed, tx: StoreWriteTx, issued: Issued): Promise<IssueExtras> {
  let extras: IssueExtras = {};
  for (const s of deps.subscribers ?? []) {
    const added = await s.issued?.(tx, issued);
    if (added) extras = { ...extras, ...added };
  }
  return extras;
}

export async function tellFinished(deps: Subscribed, tx: StoreWriteTx, finished: Finished): Promise<void> {
  for (const s of deps.subscribers ?? []) await s.finished?.(tx, finished);
}

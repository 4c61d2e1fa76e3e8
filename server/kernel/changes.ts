import { AppError } from '../../protocol/index.ts';
import type { Deps } from './ports.ts';
import type { StoreWriteTx } from './store.port.ts';
import { tellChanged, type Change } from './ticket-subscribers.ts';

export type { Change };

/**
 * Writes a ticket change the one way every change is written: the row (only if nobody changed it
 * meanwhile), the centre's next sequence number, and an append-only audit event; then tells the
 * modules' subscribers (ticket-subscribers.ts `changed`). Returns the seq.
 */
export async function commitChange(deps: Deps, tx: StoreWriteTx, change: Change): Promise<number> {
  const { before, after } = change;
  if (before === null) await tx.insertTicket(after);
  else if (!(await tx.updateTicket(after, before.state))) {
    throw new AppError('ticket.invalid_transition', `Ticket ${before.number} changed meanwhile.`);
  }
  const seq = await tx.bumpSeq(change.centreId);
  await tx.appendEvent({
    id: deps.ids.newId(),
    centreId: change.centreId,
    ticketId: after.id,
    seq,
    at: change.at.toISOString(),
    actorKind: change.actorKind,
    actorId: change.actorId,
    fromState: before?.state ?? null,
    toState: after.state,
    counterId: change.counterId,
    serviceId: after.serviceId,
    detail: change.detail ?? null,
  });
  await tellChanged(deps, tx, change);
  return seq;
}

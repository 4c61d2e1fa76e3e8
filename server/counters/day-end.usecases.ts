import { commitChange } from '../kernel/changes.ts';
import { queueFigures } from '../tickets/queue-figures.ts';
import type { Deps } from '../kernel/ports.ts';
import { businessDay } from '../queue/business-day.ts';
import { applyAction } from '../queue/ticket.models.ts';

/**
 * Day end, per centre at its own local midnight: tickets of earlier days that were never served
 * expire. With carry-over, waiting tickets stay in the queue for the next day; tickets that were
 * called, served or parked still expire (the citizen has gone home). Safe to run at any time and
 * as often as wanted: it only touches tickets of days that are over.
 */
export async function expireStaleTickets(deps: Deps): Promise<number> {
  let expired = 0;
  for (const centre of await deps.store.listCentres()) {
    const settings = await deps.store.getSettings(centre.id);
    const facts = await deps.store.runInTx({ centreId: centre.id }, async (tx) => {
      const now = deps.clock.now();
      const today = businessDay(now, centre.timeZone);
      const stale = (await tx.listUnfinishedBefore(centre.id, today)).filter((t) => !(settings.carryOver && t.state === 'waiting'));
      const out = [];
      for (const ticket of stale) {
        const after = applyAction(ticket, 'expire', { at: now, counterId: ticket.counterId, staffId: ticket.staffId })!;
        const seq = await commitChange(deps, tx, {
          centreId: centre.id,
          before: ticket,
          after,
          at: now,
          actorKind: 'system',
          actorId: null,
          counterId: ticket.counterId,
          detail: { dayEnd: ticket.businessDay },
        });
        out.push({ seq, ticket: after });
      }
      const figures = out.length ? await queueFigures(tx, centre, settings, today) : null;
      return out.map((f) => ({ ...f, ...figures! }));
    });
    for (const payload of facts) deps.notifier.publish({ type: 'ticket:updated', centreId: centre.id, payload });
    expired += facts.length;
  }
  return expired;
}

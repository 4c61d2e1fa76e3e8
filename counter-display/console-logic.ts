/**
 * The counter console's decisions, kept out of the element so they are tested in node.
 * Mirrors the ticket life cycle of server/queue/ticket.models.ts; the server still checks.
 */
import type { Counter, Ticket } from '../protocol/index.ts';
import type { CounterAction } from '../web-shared/api.ts';

export type AllowedActions = Record<CounterAction, boolean>;

/** Which buttons make sense for the ticket the counter is attending (null: none). */
export function allowedActions(current: Ticket | null): AllowedActions {
  return {
    'call-next': current === null,
    'start-serving': current?.state === 'called',
    finish: current?.state === 'called' || current?.state === 'serving',
  };
}

/** localStorage key of the counter a console PC was set to, per centre. */
export const counterStorageKey = (centreId: string) => `luot.console.counter.${centreId}`;

/**
 * The remembered counter if it still exists and is in use; otherwise none, so the officer
 * chooses explicitly rather than calling citizens to somebody else's counter.
 */
export function pickCounter(counters: readonly Counter[], remembered: string | null): string | null {
  return counters.find((c) => c.id === remembered && c.active)?.id ?? null;
}

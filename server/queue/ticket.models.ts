import type { Ticket, TicketState } from '../../protocol/index.ts';

/**
 * The ticket life cycle. A ticket is "at the counter" once called; starting service is an
 * optional step that marks when the citizen actually sat down (service time is measured from it
 * when present, from the call otherwise).
 */
export type TicketAction = 'call' | 'startServing' | 'finish' | 'noShow';

const allowed: Record<TicketAction, readonly TicketState[]> = {
  call: ['waiting'],
  startServing: ['called'],
  finish: ['called', 'serving'],
  noShow: ['called'],
};

const target: Record<TicketAction, TicketState> = {
  call: 'called',
  startServing: 'serving',
  finish: 'done',
  noShow: 'no_show',
};

export const AT_COUNTER: readonly TicketState[] = ['called', 'serving'];

export function canApply(state: TicketState, action: TicketAction): boolean {
  return allowed[action].includes(state);
}

export interface TransitionContext {
  at: Date;
  counterId: string;
  staffId: string | null;
}

/** The ticket after `action`, or null when the action is not allowed from its state. */
export function applyAction(ticket: Ticket, action: TicketAction, ctx: TransitionContext): Ticket | null {
  if (!canApply(ticket.state, action)) return null;
  const at = ctx.at.toISOString();
  const next: Ticket = { ...ticket, state: target[action] };
  switch (action) {
    case 'call':
      return { ...next, calledAt: at, counterId: ctx.counterId, staffId: ctx.staffId };
    case 'startServing':
      return { ...next, servingAt: at };
    case 'finish':
    case 'noShow':
      return { ...next, finishedAt: at };
  }
}

import { AT_COUNTER, type Service, type Ticket, type TicketState } from '../../protocol/index.ts';
import { displayNumber } from './numbering.ts';

export { AT_COUNTER };

/**
 * The ticket life cycle. A ticket is "at the counter" once called; starting service is an
 * optional step that marks when the citizen actually sat down (service time is measured from it
 * when present, from the call otherwise).
 *
 *   waiting ─call─▶ called ─startServing─▶ serving ─finish─▶ done
 *   called ─recall─▶ called (recallCount + 1)     called ─noShow─▶ no_show
 *   called|serving ─park─▶ parked ─resume─▶ called   (citizen fetches a document)
 *   called|serving ─transfer / requeue─▶ waiting     (place kept: issuedAt is unchanged)
 *   waiting|called|serving|parked ─expire─▶ expired  (day end)
 */
export type TicketAction = 'call' | 'recall' | 'startServing' | 'finish' | 'noShow' | 'park' | 'resume' | 'transfer' | 'requeue' | 'expire';

const allowed: Record<TicketAction, readonly TicketState[]> = {
  call: ['waiting'],
  recall: ['called'],
  startServing: ['called'],
  finish: ['called', 'serving'],
  noShow: ['called'],
  park: ['called', 'serving'],
  resume: ['parked'],
  transfer: ['called', 'serving'],
  requeue: ['called', 'serving'],
  expire: ['waiting', 'called', 'serving', 'parked'],
};

const target: Record<TicketAction, TicketState> = {
  call: 'called',
  recall: 'called',
  startServing: 'serving',
  finish: 'done',
  noShow: 'no_show',
  park: 'parked',
  resume: 'called',
  transfer: 'waiting',
  requeue: 'waiting',
  expire: 'expired',
};

export function canApply(state: TicketState, action: TicketAction): boolean {
  return allowed[action].includes(state);
}

export interface TransitionContext {
  at: Date;
  counterId: string | null;
  staffId: string | null;
  /** For `transfer`: where the ticket goes. */
  toServiceId?: string;
  toCounterId?: string | null;
}

/** A ticket just issued: waiting in its service's queue with the number its sequence gives. */
export function newTicket(t: {
  id: string;
  centreId: string;
  service: Pick<Service, 'id' | 'numbering'>;
  day: string;
  seq: number;
  at: Date;
  priorityGroupId: string | null;
}): Ticket {
  return {
    id: t.id,
    centreId: t.centreId,
    serviceId: t.service.id,
    businessDay: t.day,
    seq: t.seq,
    number: displayNumber(t.service.numbering, t.seq),
    state: 'waiting',
    issuedAt: t.at.toISOString(),
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counterId: null,
    staffId: null,
    priorityGroupId: t.priorityGroupId,
    recallCount: 0,
    targetCounterId: null,
  };
}

/** The ticket after `action`, or null when the action is not allowed from its state. */
export function applyAction(ticket: Ticket, action: TicketAction, ctx: TransitionContext): Ticket | null {
  if (!canApply(ticket.state, action)) return null;
  const at = ctx.at.toISOString();
  const next: Ticket = { ...ticket, state: target[action] };
  switch (action) {
    case 'call':
    case 'resume':
      return {
        ...next,
        calledAt: at,
        servingAt: null,
        counterId: ctx.counterId,
        staffId: ctx.staffId,
        recallCount: 0,
        targetCounterId: null,
      };
    case 'recall':
      return { ...next, calledAt: at, recallCount: ticket.recallCount + 1 };
    case 'startServing':
      return { ...next, servingAt: at };
    case 'finish':
    case 'noShow':
    case 'expire':
      return { ...next, finishedAt: at };
    case 'park':
      return next;
    case 'transfer':
    case 'requeue':
      // Back in a queue with its issue time, so its place is kept; the number stays on the paper.
      return {
        ...next,
        serviceId: ctx.toServiceId ?? ticket.serviceId,
        targetCounterId: action === 'transfer' ? (ctx.toCounterId ?? null) : ticket.targetCounterId,
        calledAt: null,
        servingAt: null,
        counterId: null,
        staffId: null,
        recallCount: 0,
      };
  }
}

/** Recalls past the centre's limit make the ticket a no-show instead of calling it again. */
export function recallOrNoShow(ticket: Ticket, maxRecalls: number): 'recall' | 'noShow' {
  return ticket.recallCount >= maxRecalls ? 'noShow' : 'recall';
}

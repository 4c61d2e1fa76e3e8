import type { CounterState, ErrorCode } from '../../protocol/index.ts';

/**
 * Who holds a counter. One officer holds one counter at a time and acts only there; opening a
 * counter someone else holds is refused (`counter.busy`), never a silent takeover — only an
 * admin's force-close frees it.
 */
export type CounterCommand = 'open' | 'close' | 'pause' | 'resume';

export interface CounterFacts {
  state: CounterState;
  /** The officer asking. */
  staffId: string;
  /** The counter this officer already holds elsewhere, if any. */
  heldElsewhere: string | null;
  /** The counter is attending a ticket (called or serving). */
  hasCurrentTicket: boolean;
  at: Date;
}

export type CounterOutcome = { ok: true; state: CounterState } | { ok: false; code: ErrorCode };

const refuse = (code: ErrorCode): CounterOutcome => ({ ok: false, code });

/** Holding check shared by every counter action: the asking officer must hold this counter. */
export function holdCheck(state: CounterState, staffId: string): ErrorCode | null {
  if (state.status === 'closed') return 'counter.closed';
  if (state.staffId !== staffId) return 'counter.not_held';
  return null;
}

/** May the holder call a ticket now? */
export function callCheck(state: CounterState, staffId: string): ErrorCode | null {
  return holdCheck(state, staffId) ?? (state.status === 'paused' ? 'counter.paused' : null);
}

export function decideCounter(command: CounterCommand, f: CounterFacts): CounterOutcome {
  const { state, staffId } = f;
  switch (command) {
    case 'open':
      if (state.status !== 'closed') {
        // Opening again by the holder is harmless (a reloaded console); by anyone else it is refused.
        return state.staffId === staffId ? { ok: true, state } : refuse('counter.busy');
      }
      if (f.heldElsewhere) return refuse('staff.holds_other_counter');
      return { ok: true, state: { status: 'open', staffId, openedAt: f.at.toISOString() } };
    case 'close': {
      const held = holdCheck(state, staffId);
      if (held) return refuse(held);
      if (f.hasCurrentTicket) return refuse('counter.has_current_ticket');
      return { ok: true, state: { status: 'closed', staffId: null, openedAt: null } };
    }
    case 'pause': {
      const held = holdCheck(state, staffId);
      if (held) return refuse(held);
      if (state.status === 'paused') return { ok: true, state };
      if (f.hasCurrentTicket) return refuse('counter.has_current_ticket');
      return { ok: true, state: { ...state, status: 'paused' } };
    }
    case 'resume': {
      const held = holdCheck(state, staffId);
      if (held) return refuse(held);
      if (state.status !== 'paused') return refuse('counter.not_paused');
      return { ok: true, state: { ...state, status: 'open' } };
    }
  }
}

/** Admin force-close: always possible; a ticket being attended goes back to the queue. */
export const CLOSED: CounterState = { status: 'closed', staffId: null, openedAt: null };

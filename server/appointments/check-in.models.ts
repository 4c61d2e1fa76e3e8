import type { AppointmentSettings, CheckInKind } from '../../protocol/index.ts';

/**
 * Check-in at the kiosk (issue #14): what a citizen with an appointment gets, by the arrival window
 * around the slot's start (`arriveEarlyMinutes` before … `arriveLateMinutes` after, both included)
 * and the centre's choices for too early and too late. Pure: the caller gives the instants.
 *
 * - In the window: a ticket in the appointment's place (`checked_in`).
 * - Too early, the same business day: `come_back` says when the window opens; `walk_in` issues an
 *   ordinary ticket at once. On an earlier day: always come back (a walk-in ticket today would
 *   spend tomorrow's appointment).
 * - Too late: `walk_in` issues an ordinary ticket; `refuse` issues none.
 */
export type CheckInDecision =
  | { outcome: 'checked_in' }
  | { outcome: 'walk_in'; reason: 'too_early' | 'too_late' }
  | { outcome: 'too_early'; comeBackAtMs: number }
  | { outcome: 'too_late' };

const MINUTE = 60_000;

export interface ArrivalWindow {
  opensAtMs: number;
  closesAtMs: number;
}

export function arrivalWindow(slotAtMs: number, settings: Pick<AppointmentSettings, 'arriveEarlyMinutes' | 'arriveLateMinutes'>): ArrivalWindow {
  return { opensAtMs: slotAtMs - settings.arriveEarlyMinutes * MINUTE, closesAtMs: slotAtMs + settings.arriveLateMinutes * MINUTE };
}

export interface CheckInInput {
  slotAtMs: number;
  nowMs: number;
  /** The appointment's day is today's business day. */
  sameDay: boolean;
  settings: Pick<AppointmentSettings, 'arriveEarlyMinutes' | 'arriveLateMinutes' | 'tooEarly' | 'tooLate'>;
}

export function decideCheckIn({ slotAtMs, nowMs, sameDay, settings }: CheckInInput): CheckInDecision {
  const window = arrivalWindow(slotAtMs, settings);
  if (nowMs < window.opensAtMs) {
    if (sameDay && settings.tooEarly === 'walk_in') return { outcome: 'walk_in', reason: 'too_early' };
    return { outcome: 'too_early', comeBackAtMs: window.opensAtMs };
  }
  if (nowMs > window.closesAtMs) return settings.tooLate === 'walk_in' ? { outcome: 'walk_in', reason: 'too_late' } : { outcome: 'too_late' };
  return { outcome: 'checked_in' };
}

/** How an issued check-in is recorded (the report counts early walk-ins as arrived, late ones apart). */
export function checkInKindOf(decision: CheckInDecision): CheckInKind | null {
  switch (decision.outcome) {
    case 'checked_in':
      return 'on_time';
    case 'walk_in':
      return decision.reason === 'too_early' ? 'early_walk_in' : 'late_walk_in';
    case 'too_early':
    case 'too_late':
      return null;
  }
}

/** A no-show: still booked (never checked in, not cancelled) once its arrival window has closed. Computed, never stored. */
export function isNoShow(
  appointment: { state: string; slotAtMs: number },
  nowMs: number,
  settings: Pick<AppointmentSettings, 'arriveEarlyMinutes' | 'arriveLateMinutes'>,
): boolean {
  return appointment.state === 'booked' && nowMs > arrivalWindow(appointment.slotAtMs, settings).closesAtMs;
}

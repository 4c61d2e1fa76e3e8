import type { PriorityPolicy } from './calling-policy.ts';

/**
 * Estimated wait for a service, shown at the kiosk, on the ticket and on the status page.
 *
 *   wait = ceil(peopleAhead × averageServiceMinutes ÷ openCounters)
 *
 * - averageServiceMinutes: mean of the most recent finished services of that service (from the
 *   call, or from "start serving" when recorded, to finish), clamped to [1, 60] minutes so one
 *   forgotten "finish" cannot make the estimate absurd; the centre's default when there is no
 *   history yet.
 * - openCounters: counters that are open, not paused, and call this service. None open → no
 *   estimate (null): the kiosk says "chưa xác định" rather than a made-up number.
 * - A counter shared by several services is counted for each: the estimate errs short, which is
 *   what citizens in a hall prefer to an estimate that errs long and sends them away.
 */
export interface WaitInputs {
  peopleAhead: number;
  /** Recent service durations of this service, in milliseconds. */
  recentServiceMs: readonly number[];
  openCounters: number;
  defaultServiceMinutes: number;
}

export const MIN_SERVICE_MINUTES = 1;
export const MAX_SERVICE_MINUTES = 60;

export function averageServiceMinutes(recentServiceMs: readonly number[], defaultMinutes: number): number {
  if (recentServiceMs.length === 0) return defaultMinutes;
  const mean = recentServiceMs.reduce((a, b) => a + b, 0) / recentServiceMs.length / 60_000;
  return Math.min(MAX_SERVICE_MINUTES, Math.max(MIN_SERVICE_MINUTES, mean));
}

/** Minutes, or null when no open counter serves the service. */
export function estimateWaitMinutes(inputs: WaitInputs): number | null {
  if (inputs.openCounters <= 0) return null;
  if (inputs.peopleAhead <= 0) return 0;
  const avg = averageServiceMinutes(inputs.recentServiceMs, inputs.defaultServiceMinutes);
  return Math.ceil((inputs.peopleAhead * avg) / inputs.openCounters);
}

/**
 * The people really ahead of a priority ticket (issue #15: it printed "2 people ahead, about 16
 * min" though it would be called first). Under `strict` priority only the priority tickets waiting
 * before it; under `interleaved` those too, and before each of their calls and its own up to
 * `normalPerPriority` ordinary tickets, as many as wait (an upper bound: the counter may already be
 * owed a priority call). A ticket waiting past the centre's maximum wait can still go first; that
 * is not foreseen here.
 */
export function priorityPeopleAhead(policy: PriorityPolicy, counts: { priorityEarlier: number; normalWaiting: number }): number {
  if (policy.mode === 'strict') return counts.priorityEarlier;
  return counts.priorityEarlier + Math.min(counts.normalWaiting, policy.normalPerPriority * (counts.priorityEarlier + 1));
}

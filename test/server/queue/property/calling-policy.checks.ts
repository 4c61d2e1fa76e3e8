import type { Ticket } from '../../../../protocol/index.ts';
import type { CallObservation, Run, SimCentre } from './simulator.ts';
import { eligibleAt, policyEligible } from './simulator.ts';

/**
 * The rules of DOMAIN.md "Calling", each judged independently of the policy's code: from the
 * queue as it stood at one callNext and the simulator's own record of issue times and transfers.
 * A check returns the first broken case, described, or null.
 */
export type Check = (run: Run, centre: SimCentre) => string | null;

const isPriority = (t: Ticket) => t.priorityGroupId !== null;
const sameClass = (a: Ticket, b: Ticket) => isPriority(a) === isPriority(b);

/** What one call looked like, with the facts every rule needs. */
function facts(run: Run, centre: SimCentre, call: CallObservation) {
  const eligible = eligibleAt(call);
  const issued = (t: Ticket) => run.issuedAtMs.get(t.id)!;
  const overdue = eligible.filter((t) => call.nowMs - issued(t) >= centre.policy.maxWaitMs);
  let normalSince = 0;
  for (const past of call.history) {
    if (past.priority) break;
    normalSince++;
  }
  return { eligible, issued, overdue, normalSince, picked: call.picked };
}

const describe = (call: CallObservation, what: string) =>
  `${what} — at ${call.counter.counterId} (${call.counter.callOrder} over ${call.counter.serviceIds.join(',')}), ` +
  `t=${(call.nowMs - Date.parse('2026-03-16T01:00:00.000Z')) / 60_000} min`;

function firstBroken(run: Run, centre: SimCentre, rule: (call: CallObservation, f: ReturnType<typeof facts>) => string | null) {
  for (const call of run.calls) {
    const broken = rule(call, facts(run, centre, call));
    if (broken) return describe(call, broken);
  }
  return null;
}

/** No ticket is at two counters, called from a final state, or served twice. */
export const neverCalledTwice: Check = (run) => (run.integrity.length ? run.integrity[0]! : null);

/** The policy calls only what the counter may call, and something whenever it may. */
export const onlyEligible: Check = (run, centre) =>
  firstBroken(run, centre, (call, { eligible, picked }) => {
    if (eligible.length > 0 && !picked) return `nothing called while ${eligible.map((t) => t.id).join(',')} waited`;
    if (picked && !eligible.some((t) => t.id === picked.id)) return `called ${picked.id}, not eligible here`;
    const mine = policyEligible(call).map((t) => t.id);
    if (mine.join() !== eligible.map((t) => t.id).join()) return `isEligible disagrees: ${mine} vs ${eligible.map((t) => t.id)}`;
    return null;
  });

/** Strict: no normal ticket while an eligible priority one waits, unless something is overdue. */
export const strictPriority: Check = (run, centre) =>
  centre.policy.priority.mode !== 'strict'
    ? null
    : firstBroken(run, centre, (_call, { eligible, overdue, picked }) => {
        if (!picked || isPriority(picked) || overdue.length > 0) return null;
        const waitingPriority = eligible.find(isPriority);
        return waitingPriority ? `called normal ${picked.id} while priority ${waitingPriority.id} waited` : null;
      });

/** Nobody waits forever: once overdue, no younger ticket is called before it where it is eligible. */
export const noStarvation: Check = (run, centre) =>
  firstBroken(run, centre, (_call, { overdue, issued, picked }) => {
    if (overdue.length === 0) return null;
    if (!picked) return `nothing called while ${overdue[0]!.id} was overdue`;
    const older = overdue.find((t) => issued(t) < issued(picked));
    return older ? `called ${picked.id} (issued ${issued(picked)}) before overdue ${older.id} (issued ${issued(older)})` : null;
  });

/**
 * Transfer keeps the place: absent overdue tickets, a transferred ticket is not overtaken by a
 * ticket of its class issued after it, neither in its new service nor at the counter it was sent to.
 */
export const transferKeepsPlace: Check = (run, centre) =>
  firstBroken(run, centre, (call, { eligible, overdue, issued, picked }) => {
    if (!picked || overdue.length > 0) return null;
    const overtaken = eligible.find(
      (x) =>
        x.id !== picked.id &&
        run.transferred.has(x.id) &&
        sameClass(x, picked) &&
        (x.targetCounterId === call.counter.counterId || (x.targetCounterId === null && x.serviceId === picked.serviceId)) &&
        issued(x) < issued(picked),
    );
    return overtaken
      ? `called ${picked.id} (${picked.serviceId}, issued ${issued(picked)}${picked.targetCounterId ? `, sent to ${picked.targetCounterId}` : ''}) ` +
          `before transferred ${overtaken.id} (${overtaken.serviceId}, issued ${issued(overtaken)}${overtaken.targetCounterId ? `, sent to ${overtaken.targetCounterId}` : ''})`
      : null;
  });

/** Interleaved: between two priority calls at a counter, at least N normal ones while normal tickets wait. */
export const interleavedSpacing: Check = (run, centre) => {
  const policy = centre.policy.priority;
  if (policy.mode !== 'interleaved') return null;
  return firstBroken(run, centre, (_call, { eligible, overdue, normalSince, picked }) => {
    if (!picked || !isPriority(picked) || overdue.length > 0 || !eligible.some((t) => !isPriority(t))) return null;
    return normalSince < policy.normalPerPriority
      ? `priority ${picked.id} after only ${normalSince} normal call(s) (N = ${policy.normalPerPriority}) while normal tickets waited`
      : null;
  });
};

/** Interleaved: once N normal calls were made (or no normal ticket waits), priority's turn is honoured. */
export const interleavedTurn: Check = (run, centre) => {
  const policy = centre.policy.priority;
  if (policy.mode !== 'interleaved') return null;
  return firstBroken(run, centre, (_call, { eligible, overdue, normalSince, picked }) => {
    if (!picked || isPriority(picked) || overdue.length > 0 || !eligible.some(isPriority)) return null;
    const noNormal = !eligible.some((t) => !isPriority(t));
    return noNormal || normalSince >= policy.normalPerPriority
      ? `normal ${picked.id} after ${normalSince} normal call(s) (N = ${policy.normalPerPriority}) while priority waited`
      : null;
  });
};

/** fifo counters: the oldest ticket of the class being served, across the counter's services. */
export const fifoOrder: Check = (run, centre) =>
  firstBroken(run, centre, (call, { eligible, overdue, issued, picked }) => {
    if (call.counter.callOrder !== 'fifo' || !picked || overdue.length > 0) return null;
    const older = eligible.find((x) => sameClass(x, picked) && issued(x) < issued(picked));
    return older ? `fifo called ${picked.id} before older ${older.id}` : null;
  });

/** ordered counters: the first of the counter's services that has anyone of the class waiting. */
export const orderedOrder: Check = (run, centre) =>
  firstBroken(run, centre, (call, { eligible, overdue, picked }) => {
    if (call.counter.callOrder !== 'ordered' || !picked || overdue.length > 0 || picked.targetCounterId !== null) return null;
    // A ticket sent here may make its own (older) service queue go first: transfer keeps the place.
    const sentHere = (x: Ticket) => x.targetCounterId === call.counter.counterId && sameClass(x, picked) && x.serviceId === picked.serviceId;
    if (eligible.some(sentHere)) return null;
    const first = call.counter.serviceIds.find((s) => eligible.some((x) => x.targetCounterId === null && x.serviceId === s && sameClass(x, picked)));
    return first !== picked.serviceId ? `ordered called ${picked.id} (${picked.serviceId}) while ${first} had someone waiting` : null;
  });

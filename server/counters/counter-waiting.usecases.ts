import { AppError, type CounterWaiting, type LocalizedText } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { businessDay } from '../queue/business-day.ts';
import { appointmentDue, callableDay, callsOfDay, isEligible, needsHistory } from '../queue/calling-policy.ts';
import { startOfLocalDay } from '../reports/periods.models.ts';
import { CALL_HISTORY, callOrder, policiesOf, waitingItem, waitingTotal } from './counter-waiting.models.ts';

const PRIORITY_FALLBACK: LocalizedText = { vi: 'Ưu tiên', en: 'Priority' };

/**
 * The console's waiting list (issue #15): the tickets this counter could call, in the order it
 * would call them (counter-waiting.models.ts), the first being exactly what call-next calls now.
 * One read transaction, so the list and its total are of the same moment; it reads the queues'
 * heads `limit` deep, the counter's recent calls when the policy needs them (as call-next does),
 * one count on the waiting index and the listed tickets' transfer rows: the same cost with a
 * year of history and with thousands waiting (test/server/counters/counter-waiting.plans.int.test.ts).
 */
export function counterWaiting(deps: Deps, input: { centreId: string; counterId: string; limit: number }): Promise<CounterWaiting> {
  return deps.store.consistentRead(async (reads) => {
    const config = await reads.centreConfig(input.centreId);
    if (!config) throw new AppError('centre.not_found', `No centre "${input.centreId}".`);
    const counter = config.counters.find((c) => c.id === input.counterId);
    if (!counter) throw new AppError('counter.not_found', `No counter "${input.counterId}" in centre "${input.centreId}".`);
    if (!counter.active) throw new AppError('counter.inactive', `Counter ${counter.number} is not in use.`);
    const { centre, settings } = config;
    const now = deps.clock.now();
    const nowMs = now.getTime();
    const today = businessDay(now, centre.timeZone);
    const day = callableDay(settings.carryOver, today);
    const policy = policiesOf(counter, settings);

    const { tickets, queueCounts } = await reads.counterQueue(centre.id, {
      counterId: counter.id,
      serviceIds: counter.serviceIds,
      day,
      dayStartMs: day === null ? null : startOfLocalDay(day, centre.timeZone),
      perQueue: input.limit,
    });
    const candidates = tickets.map((w) => w.ticket).filter((t) => isEligible(t, policy.counter));
    // The counter's past calls, when the rules count them: what call-next reads, the same way.
    const history =
      needsHistory(policy.counter, policy.centre) || appointmentDue(candidates, nowMs)
        ? callsOfDay(await reads.recentCallsAt(centre.id, counter.id, nowMs - 36 * 3_600_000, CALL_HISTORY), today, centre.timeZone)
        : [];
    const order = callOrder(candidates, policy.counter, policy.centre, history, nowMs, input.limit);
    const back = await reads.backToWaiting(
      centre.id,
      order.map((t) => t.id),
    );

    const byId = new Map(tickets.map((w) => [w.ticket.id, w]));
    const services = new Map(config.services.map((s) => [s.id, s.name]));
    const groups = new Map(settings.priorityGroups.map((g) => [g.id, g.name]));
    const ctx = {
      nowMs,
      counterId: counter.id,
      maxWaitMs: policy.centre.maxWaitMs,
      serviceName: (id: string) => services.get(id) ?? { vi: id, en: id },
      groupName: (id: string) => groups.get(id) ?? PRIORITY_FALLBACK,
    };
    return {
      counterId: counter.id,
      at: now.toISOString(),
      total: waitingTotal(
        policy.counter,
        queueCounts,
        tickets.filter((w) => w.ticket.targetCounterId !== null).map((w) => w.ticket),
      ),
      items: order.map((t) => waitingItem(byId.get(t.id)!, back[t.id], ctx)),
    };
  });
}

import { describe, expect, it } from 'vitest';
import { pickNext, priorityTurn, type PastCall } from '../../../server/queue/calling-policy.ts';
import { callInARow, centre, counter, MINUTE, T0, waiting } from './calling-policy.helpers.ts';

const ELDER = 'nguoi-cao-tuoi';
const prio = (id: string, serviceId: string, m: number) => waiting(id, serviceId, m, { priorityGroupId: ELDER });
const normal = (serviceId = 'ho-tich'): PastCall => ({ serviceId, priority: false });
const priority = (serviceId = 'ho-tich'): PastCall => ({ serviceId, priority: true });
const NOW = T0 + 30 * MINUTE;

describe('strict priority', () => {
  it('calls every waiting priority ticket before any normal one, even younger', () => {
    const queue = [waiting('n1', 'ho-tich', 0), waiting('n2', 'ho-tich', 1), prio('p1', 'ho-tich', 5), prio('p2', 'ho-tich', 9)];
    expect(callInARow(queue, counter(['ho-tich']), centre(), 4, NOW)).toEqual(['p1', 'p2', 'n1', 'n2']);
  });

  it('only priority tickets the counter may call count', () => {
    const queue = [waiting('n1', 'ho-tich', 0), prio('elsewhere', 'dat-dai', 0), prio('sent-away', 'ho-tich', 0)];
    queue[2] = { ...queue[2]!, targetCounterId: 'quay-4' };
    expect(pickNext(queue, counter(['ho-tich']), centre(), [], NOW)?.id).toBe('n1');
  });

  it('among priority tickets, follows the counter’s order', () => {
    const queue = [prio('p-land', 'dat-dai', 0), prio('p-civil', 'ho-tich', 5), waiting('n', 'ho-tich', -5)];
    const ordered = counter(['ho-tich', 'dat-dai'], { callOrder: 'ordered' });
    expect(callInARow(queue, ordered, centre(), 3, NOW)).toEqual(['p-civil', 'p-land', 'n']);
    expect(callInARow(queue, counter(['ho-tich', 'dat-dai']), centre(), 3, NOW)).toEqual(['p-land', 'p-civil', 'n']);
  });

  it('is not limited by the history: strict is always priority’s turn', () => {
    expect(priorityTurn({ mode: 'strict' }, [])).toBe(true);
    expect(priorityTurn({ mode: 'strict' }, [priority(), priority(), priority()])).toBe(true);
  });
});

describe('interleaved priority: one priority ticket per N normal ones at this counter', () => {
  const policy = (n: number) => centre({ priority: { mode: 'interleaved', normalPerPriority: n } });

  it('priorityTurn counts the normal calls since the last priority call at this counter', () => {
    const p = { mode: 'interleaved', normalPerPriority: 2 } as const;
    expect(priorityTurn(p, [])).toBe(false);
    expect(priorityTurn(p, [normal()])).toBe(false);
    expect(priorityTurn(p, [normal(), normal()])).toBe(true);
    expect(priorityTurn(p, [normal(), normal(), normal()])).toBe(true);
    expect(priorityTurn(p, [priority(), normal(), normal()])).toBe(false);
    expect(priorityTurn(p, [normal(), priority(), normal(), normal()])).toBe(false);
    expect(priorityTurn(p, [normal(), normal(), priority()])).toBe(true);
  });

  it('N = 2: N N P N N P while both kinds wait', () => {
    const queue = [...[0, 1, 2, 3, 4, 5].map((m) => waiting(`n${m}`, 'ho-tich', m)), ...[0, 1, 2].map((m) => prio(`p${m}`, 'ho-tich', m))];
    expect(callInARow(queue, counter(['ho-tich']), policy(2), 9, NOW)).toEqual(['n0', 'n1', 'p0', 'n2', 'n3', 'p1', 'n4', 'n5', 'p2']);
  });

  it('N = 3 after a priority call earlier in the day: three normal ones first', () => {
    const queue = [...[0, 1, 2, 3].map((m) => waiting(`n${m}`, 'ho-tich', m)), prio('p', 'ho-tich', 0)];
    expect(callInARow(queue, counter(['ho-tich']), policy(3), 5, NOW, [priority()])).toEqual(['n0', 'n1', 'n2', 'p', 'n3']);
  });

  it('calls a priority ticket whenever no normal ticket waits, and that counts as a priority call', () => {
    const history: PastCall[] = [];
    expect(callInARow([prio('p1', 'ho-tich', 0)], counter(['ho-tich']), policy(2), 1, NOW, history)).toEqual(['p1']);
    // Then a normal and a priority one arrive: the counter just served priority, so normal first.
    const queue = [waiting('n1', 'ho-tich', 5), prio('p2', 'ho-tich', 1)];
    expect(callInARow(queue, counter(['ho-tich']), policy(2), 2, NOW, history)).toEqual(['n1', 'p2']);
  });

  it('counts calls per counter: another counter’s calls do not give this one priority’s turn', () => {
    const queue = [waiting('n1', 'ho-tich', 0), prio('p1', 'ho-tich', 1)];
    // This counter's history is empty; other counters' calls never appear in it.
    expect(pickNext(queue, counter(['ho-tich']), policy(1), [], NOW)?.id).toBe('n1');
    expect(pickNext(queue, counter(['ho-tich']), policy(1), [normal('dat-dai')], NOW)?.id).toBe('p1');
  });
});

describe('the maximum wait', () => {
  const max = (m: number) => ({ maxWaitMs: m * MINUTE });

  it('a ticket waiting the maximum goes before priority tickets (strict)', () => {
    const old = waiting('old', 'ho-tich', 0);
    const p = prio('p', 'ho-tich', 20);
    // At minute 59 nothing is overdue yet: priority first. At minute 60 the old ticket is.
    expect(pickNext([old, p], counter(['ho-tich']), centre(max(60)), [], T0 + 59 * MINUTE)?.id).toBe('p');
    expect(pickNext([old, p], counter(['ho-tich']), centre(max(60)), [], T0 + 60 * MINUTE)?.id).toBe('old');
  });

  it('an overdue ticket goes before the counter’s order (ordered: a later service)', () => {
    const c = counter(['tra-ket-qua', 'ho-tich'], { callOrder: 'ordered' });
    const queue = [waiting('result', 'tra-ket-qua', 50), waiting('civil', 'ho-tich', 0)];
    expect(pickNext(queue, c, centre(max(60)), [], T0 + 59 * MINUTE)?.id).toBe('result');
    expect(pickNext(queue, c, centre(max(60)), [], T0 + 61 * MINUTE)?.id).toBe('civil');
  });

  it('an overdue ticket goes before the weights', () => {
    const c = counter(['ho-tich', 'dat-dai'], { callOrder: 'weighted', weights: { 'ho-tich': 5 } });
    const queue = [waiting('h', 'ho-tich', 30), waiting('d', 'dat-dai', 0)];
    expect(pickNext(queue, c, centre(max(60)), [], T0 + 59 * MINUTE)?.id).toBe('h');
    expect(pickNext(queue, c, centre(max(60)), [], T0 + 60 * MINUTE)?.id).toBe('d');
  });

  it('an overdue ticket goes before interleaving says priority', () => {
    const policy = centre({ ...max(60), priority: { mode: 'interleaved', normalPerPriority: 1 } });
    const queue = [waiting('n', 'ho-tich', 0), prio('p', 'ho-tich', 30)];
    expect(pickNext(queue, counter(['ho-tich']), policy, [normal()], T0 + 50 * MINUTE)?.id).toBe('p');
    expect(pickNext(queue, counter(['ho-tich']), policy, [normal()], T0 + 60 * MINUTE)?.id).toBe('n');
  });

  it('several overdue tickets go oldest first, priority or not, whatever the service order', () => {
    const c = counter(['tra-ket-qua', 'ho-tich'], { callOrder: 'ordered' });
    const queue = [prio('p-old', 'tra-ket-qua', 5), waiting('n-older', 'ho-tich', 2), waiting('n-young', 'ho-tich', 100)];
    expect(callInARow(queue, c, centre(max(60)), 3, T0 + 120 * MINUTE)).toEqual(['n-older', 'p-old', 'n-young']);
  });

  it('only overdue tickets the counter may call count', () => {
    const queue = [waiting('far', 'dat-dai', 0), waiting('sent', 'ho-tich', 0, { targetCounterId: 'quay-4' }), prio('p', 'ho-tich', 50)];
    expect(pickNext(queue, counter(['ho-tich']), centre(max(60)), [], T0 + 90 * MINUTE)?.id).toBe('p');
  });

  it('an overdue ticket transferred to this counter goes first too', () => {
    const queue = [waiting('sent', 'dat-dai', 0, { targetCounterId: 'quay-1' }), prio('p', 'ho-tich', 50)];
    expect(pickNext(queue, counter(['ho-tich']), centre(max(60)), [], T0 + 60 * MINUTE)?.id).toBe('sent');
  });
});

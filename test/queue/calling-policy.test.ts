import { describe, expect, it } from 'vitest';
import { peopleAhead, pickNext } from '../../server/queue/calling-policy.ts';
import { makeTicket } from '../fixtures/tickets.ts';

const minute = (m: number) => new Date(Date.parse('2026-03-16T01:00:00.000Z') + m * 60_000).toISOString();

describe('pickNext', () => {
  it('returns null when nothing is waiting', () => {
    expect(pickNext([], { serviceIds: ['ho-tich'] })).toBeNull();
  });

  it('takes the oldest ticket first (FIFO) within a service, whatever the input order', () => {
    const t1 = makeTicket({ seq: 1, issuedAt: minute(1) });
    const t2 = makeTicket({ seq: 2, issuedAt: minute(2) });
    const t3 = makeTicket({ seq: 3, issuedAt: minute(3) });
    expect(pickNext([t3, t1, t2], { serviceIds: ['ho-tich'] })?.id).toBe(t1.id);
  });

  it('is first come, first served across every service the counter serves', () => {
    const landLate = makeTicket({ id: 'land-1', serviceId: 'dat-dai', seq: 1, number: '2001', issuedAt: minute(5) });
    const civilEarly = makeTicket({ id: 'civil-1', serviceId: 'ho-tich', seq: 1, issuedAt: minute(2) });
    // Even though the counter lists land first, the earlier civil-status ticket wins.
    expect(pickNext([landLate, civilEarly], { serviceIds: ['dat-dai', 'ho-tich'] })?.id).toBe('civil-1');
  });

  it('ignores services the counter does not serve, even when they are older', () => {
    const other = makeTicket({ id: 'other', serviceId: 'xay-dung', issuedAt: minute(0) });
    const mine = makeTicket({ id: 'mine', serviceId: 'ho-tich', issuedAt: minute(9) });
    expect(pickNext([other, mine], { serviceIds: ['ho-tich'] })?.id).toBe('mine');
    expect(pickNext([other], { serviceIds: ['ho-tich'] })).toBeNull();
  });

  it('ignores tickets that are not waiting, even when they are older', () => {
    const states = ['called', 'serving', 'done', 'no_show'] as const;
    const notWaiting = states.map((state, i) => makeTicket({ id: `x-${state}`, seq: i + 1, state, issuedAt: minute(i) }));
    const waiting = makeTicket({ id: 'w', seq: 9, issuedAt: minute(9) });
    expect(pickNext([...notWaiting, waiting], { serviceIds: ['ho-tich'] })?.id).toBe('w');
    expect(pickNext(notWaiting, { serviceIds: ['ho-tich'] })).toBeNull();
  });

  it('breaks a tie on issue time by the counter’s service order', () => {
    const same = minute(3);
    const civil = makeTicket({ id: 'civil', serviceId: 'ho-tich', seq: 4, issuedAt: same });
    const land = makeTicket({ id: 'land', serviceId: 'dat-dai', seq: 2, issuedAt: same });
    expect(pickNext([civil, land], { serviceIds: ['dat-dai', 'ho-tich'] })?.id).toBe('land');
    expect(pickNext([land, civil], { serviceIds: ['ho-tich', 'dat-dai'] })?.id).toBe('civil');
  });

  it('then by sequence within the same service', () => {
    const same = minute(3);
    const a7 = makeTicket({ id: 'a7', seq: 7, issuedAt: same });
    const a6 = makeTicket({ id: 'a6', seq: 6, issuedAt: same });
    expect(pickNext([a7, a6], { serviceIds: ['ho-tich'] })?.id).toBe('a6');
    expect(pickNext([a6, a7], { serviceIds: ['ho-tich'] })?.id).toBe('a6');
  });

  it('serves nothing for a counter with no services', () => {
    expect(pickNext([makeTicket()], { serviceIds: [] })).toBeNull();
  });
});

describe('peopleAhead', () => {
  const queue = [1, 2, 3, 4, 5].map((seq) => makeTicket({ seq }));

  it('counts waiting tickets of the service with a smaller sequence', () => {
    expect(peopleAhead(queue[0]!, queue)).toBe(0);
    expect(peopleAhead(queue[2]!, queue)).toBe(2);
    expect(peopleAhead(queue[4]!, queue)).toBe(4);
  });

  it('does not count tickets already called, served or gone', () => {
    const mixed = queue.map((t) => (t.seq === 1 ? { ...t, state: 'called' as const } : t.seq === 2 ? { ...t, state: 'done' as const } : t));
    expect(peopleAhead(mixed[4]!, mixed)).toBe(2);
  });

  it('does not count the ticket itself nor those behind it', () => {
    expect(peopleAhead(queue[2]!, [queue[2]!, queue[3]!, queue[4]!])).toBe(0);
  });
});

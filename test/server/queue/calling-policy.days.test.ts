import { describe, expect, it } from 'vitest';
import { callableDay, callsOfDay } from '../../../server/queue/calling-policy.ts';

describe('the days a counter calls from (calling-policy.ts rule 5)', () => {
  it("calls today's tickets only, or any day's waiting tickets with carry-over", () => {
    expect(callableDay(false, '2026-03-16')).toBe('2026-03-16');
    expect(callableDay(true, '2026-03-16')).toBeNull();
  });

  it("counts today's calls by the day of the call in the centre's zone, whatever day the ticket was issued", () => {
    const calls = [
      // 00:30 on the 16th in Hồ Chí Minh City is still the 15th in UTC.
      { serviceId: 'a', priority: false, at: '2026-03-15T17:30:00.000Z' },
      // 23:50 on the 15th there.
      { serviceId: 'b', priority: true, at: '2026-03-15T16:50:00.000Z' },
      { serviceId: 'c', priority: false, at: '2026-03-16T09:00:00.000Z' },
    ];
    expect(callsOfDay(calls, '2026-03-16', 'Asia/Ho_Chi_Minh').map((c) => c.serviceId)).toEqual(['a', 'c']);
    expect(callsOfDay(calls, '2026-03-15', 'UTC').map((c) => c.serviceId)).toEqual(['a', 'b']);
    expect(callsOfDay([], '2026-03-16', 'Asia/Ho_Chi_Minh')).toEqual([]);
  });
});

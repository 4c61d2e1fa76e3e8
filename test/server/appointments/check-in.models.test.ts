import { describe, expect, it } from 'vitest';
import type { AppointmentSettings } from '../../../protocol/index.ts';
import { arrivalWindow, checkInKindOf, decideCheckIn, isNoShow } from '../../../server/appointments/check-in.models.ts';

const MIN = 60_000;
const SLOT = Date.parse('2026-03-16T02:00:00.000Z'); // 09:00 in Hồ Chí Minh City
type Rules = Pick<AppointmentSettings, 'arriveEarlyMinutes' | 'arriveLateMinutes' | 'tooEarly' | 'tooLate'>;
const rules: Rules = { arriveEarlyMinutes: 15, arriveLateMinutes: 10, tooEarly: 'come_back', tooLate: 'walk_in' };
const decide = (offsetMin: number, extra: Partial<Rules> & { sameDay?: boolean } = {}) =>
  decideCheckIn({ slotAtMs: SLOT, nowMs: SLOT + offsetMin * MIN, sameDay: extra.sameDay ?? true, settings: { ...rules, ...extra } });

describe('the arrival window: 15 min before to 10 min after, both ends included', () => {
  it('checks in at the edges and inside', () => {
    expect(arrivalWindow(SLOT, rules)).toEqual({ opensAtMs: SLOT - 15 * MIN, closesAtMs: SLOT + 10 * MIN });
    for (const m of [-15, -1, 0, 9, 10]) expect(decide(m)).toEqual({ outcome: 'checked_in' });
  });

  it('too early: come back when the window opens, or a walk-in ticket at once (same day only)', () => {
    expect(decide(-16)).toEqual({ outcome: 'too_early', comeBackAtMs: SLOT - 15 * MIN });
    expect(decide(-16, { tooEarly: 'walk_in' })).toEqual({ outcome: 'walk_in', reason: 'too_early' });
    // A day early: never spend tomorrow's appointment on a walk-in ticket today.
    expect(decide(-24 * 60, { tooEarly: 'walk_in', sameDay: false })).toEqual({ outcome: 'too_early', comeBackAtMs: SLOT - 15 * MIN });
  });

  it('too late: an ordinary walk-in ticket, or refused, as the centre chooses', () => {
    expect(decide(11)).toEqual({ outcome: 'walk_in', reason: 'too_late' });
    expect(decide(11, { tooLate: 'refuse' })).toEqual({ outcome: 'too_late' });
  });

  it('records how the citizen arrived', () => {
    expect(checkInKindOf({ outcome: 'checked_in' })).toBe('on_time');
    expect(checkInKindOf({ outcome: 'walk_in', reason: 'too_early' })).toBe('early_walk_in');
    expect(checkInKindOf({ outcome: 'walk_in', reason: 'too_late' })).toBe('late_walk_in');
    expect(checkInKindOf({ outcome: 'too_late' })).toBeNull();
  });
});

describe('no-shows (computed)', () => {
  it('a booked appointment is a no-show once its window has closed; never a cancelled or checked-in one', () => {
    expect(isNoShow({ state: 'booked', slotAtMs: SLOT }, SLOT + 10 * MIN, rules)).toBe(false);
    expect(isNoShow({ state: 'booked', slotAtMs: SLOT }, SLOT + 10 * MIN + 1, rules)).toBe(true);
    expect(isNoShow({ state: 'cancelled', slotAtMs: SLOT }, SLOT + 60 * MIN, rules)).toBe(false);
    expect(isNoShow({ state: 'checked_in', slotAtMs: SLOT }, SLOT + 60 * MIN, rules)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { decidePress, gradeOf, isArmed, isSatisfied, LATE_GRACE_MS, ratingWindow, remainingMs, type ArmState } from '../../../server/queue/rating.models.ts';

const FINISHED = Date.parse('2026-11-23T02:00:00Z'); // 09:00 in Hà Nội
const arm = (over: Partial<ArmState> = {}): ArmState => ({ ...ratingWindow(FINISHED, 60), ratedAtMs: null, scale: 4, ...over });
const at = (seconds: number) => FINISHED + seconds * 1000;

describe('the rating window', () => {
  it('opens when the ticket is finished and lasts the centre’s window', () => {
    expect(ratingWindow(FINISHED, 60)).toEqual({ armedAtMs: FINISHED, closesAtMs: at(60) });
    expect(isArmed(arm(), at(0))).toBe(true);
    expect(isArmed(arm(), at(59.999))).toBe(true);
    expect(isArmed(arm(), at(60))).toBe(false);
    expect(isArmed(arm({ ratedAtMs: at(5) }), at(10))).toBe(false);
    expect(isArmed(null, at(1))).toBe(false);
    expect(remainingMs(arm(), at(15))).toBe(45_000);
    expect(remainingMs(arm(), at(61))).toBe(0);
  });

  it('accepts the first valid press inside the window', () => {
    expect(decidePress({ pressedAtMs: at(3), level: 1 }, arm())).toEqual({ outcome: 'accepted', grade: 'very_satisfied' });
    expect(decidePress({ pressedAtMs: at(60), level: 2 }, arm())).toEqual({ outcome: 'accepted', grade: 'satisfied' });
  });

  it('rejects a press after the window (a short grace covers the keypad’s own timer)', () => {
    expect(decidePress({ pressedAtMs: at(60) + LATE_GRACE_MS, level: 1 }, arm()).outcome).toBe('accepted');
    expect(decidePress({ pressedAtMs: at(60) + LATE_GRACE_MS + 1, level: 1 }, arm())).toEqual({ outcome: 'rejected_late', grade: 'very_satisfied' });
    expect(decidePress({ pressedAtMs: at(3600), level: 4 }, arm()).outcome).toBe('rejected_late');
  });

  it('rejects a second press for a ticket that has its rating (a double press)', () => {
    expect(decidePress({ pressedAtMs: at(4), level: 4 }, arm({ ratedAtMs: at(3) }))).toEqual({ outcome: 'rejected_already_rated', grade: 'dissatisfied' });
    // Even after the window: it is the double press that matters.
    expect(decidePress({ pressedAtMs: at(400), level: 4 }, arm({ ratedAtMs: at(3) })).outcome).toBe('rejected_already_rated');
  });

  it('rejects a press while disarmed: nothing finished there yet, or pressed before the finish', () => {
    expect(decidePress({ pressedAtMs: at(3), level: 1 }, null)).toEqual({ outcome: 'rejected_disarmed', grade: null });
    expect(decidePress({ pressedAtMs: at(-1), level: 1 }, arm()).outcome).toBe('rejected_disarmed');
  });
});

describe('the scales', () => {
  it('four levels: Rất hài lòng, Hài lòng, Bình thường, Không hài lòng', () => {
    expect([1, 2, 3, 4].map((l) => gradeOf(l, 4))).toEqual(['very_satisfied', 'satisfied', 'neutral', 'dissatisfied']);
  });

  it('three levels: no Bình thường; button 4 does not exist', () => {
    expect([1, 2, 3, 4].map((l) => gradeOf(l, 3))).toEqual(['very_satisfied', 'satisfied', 'dissatisfied', null]);
    expect(decidePress({ pressedAtMs: at(1), level: 4 }, arm({ scale: 3 }))).toEqual({ outcome: 'rejected_invalid', grade: null });
    expect(decidePress({ pressedAtMs: at(1), level: 3 }, arm({ scale: 3 }))).toEqual({ outcome: 'accepted', grade: 'dissatisfied' });
  });

  it('refuses levels outside any scale', () => {
    for (const level of [0, 5, -1, 1.5, Number.NaN]) expect(gradeOf(level, 4)).toBeNull();
  });

  it('counts the top two levels as satisfied', () => {
    expect(['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'].map((g) => isSatisfied(g as never))).toEqual([true, true, false, false]);
  });
});

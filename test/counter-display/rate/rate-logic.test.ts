import { describe, expect, it } from 'vitest';
import {
  buttonsOf,
  counterIdFromPath,
  initialPad,
  phaseOf,
  pressKey,
  secondsLeft,
  text,
  THANKS_MS,
  withArm,
  withPressResult,
  withRating,
} from '../../../counter-display/rate/rate-logic.ts';
import type { RatingArmView, RatingView } from '../../../protocol/index.ts';

const arm = (over: Partial<RatingArmView> = {}): RatingArmView => ({
  centreId: 'demo',
  counterId: 'quay-3',
  armed: true,
  ticketId: 't1',
  number: 'B012',
  scale: 4,
  remainingMs: 60_000,
  closesAt: '2026-11-23T02:01:00.000Z',
  ...over,
});
const rating = (over: Partial<RatingView> = {}): RatingView => ({
  id: 'r1',
  centreId: 'demo',
  ticketId: 't1',
  number: 'B012',
  counterId: 'quay-3',
  staffId: 'tuan',
  serviceId: 'dat-dai',
  level: 2,
  scale: 4,
  grade: 'satisfied',
  satisfied: true,
  source: 'keypad',
  createdAt: '2026-11-23T02:00:10.000Z',
  ...over,
});

describe('the rating screen', () => {
  it('shows the buttons for the rest of the window, by its own clock', () => {
    const s = withArm(initialPad(), arm({ remainingMs: 30_000 }), 1000);
    expect(phaseOf(s, 1000)).toBe('armed');
    expect(secondsLeft(s, 1000)).toBe(30);
    expect(phaseOf(s, 30_999)).toBe('armed');
    expect(phaseOf(s, 31_000)).toBe('idle');
    expect(phaseOf(withArm(s, arm({ armed: false, remainingMs: 0 }), 2000), 2000)).toBe('idle');
  });

  it('thanks the citizen after a rating at this counter, from the keypad or the screen', () => {
    const s = withRating(withArm(initialPad(), arm(), 0), rating(), 'quay-3', 5000);
    expect(phaseOf(s, 5000)).toBe('thanks');
    expect(phaseOf(s, 5000 + THANKS_MS)).toBe('idle');
    const fromScreen = withPressResult(
      withArm(initialPad(), arm(), 0),
      { outcome: 'accepted', duplicate: false, rating: rating({ source: 'screen' }) },
      'quay-3',
      10,
    );
    expect(phaseOf(fromScreen, 10)).toBe('thanks');
  });

  it('ignores ratings of other counters and of an older ticket, and disarms on a refusal', () => {
    const s = withArm(initialPad(), arm({ ticketId: 't2' }), 0);
    expect(withRating(s, rating({ counterId: 'quay-1' }), 'quay-3', 1)).toBe(s);
    expect(withRating(s, rating({ ticketId: 't1' }), 'quay-3', 1)).toBe(s);
    expect(phaseOf(withPressResult(s, { outcome: 'rejected_late', duplicate: false, rating: null }, 'quay-3', 1), 1)).toBe('idle');
  });

  it('has four buttons, or three without Bình thường', () => {
    expect(buttonsOf(4, 'vi').map((b) => [b.level, b.label])).toEqual([
      [1, 'Rất hài lòng'],
      [2, 'Hài lòng'],
      [3, 'Bình thường'],
      [4, 'Không hài lòng'],
    ]);
    expect(buttonsOf(3, 'en').map((b) => [b.level, b.grade])).toEqual([
      [1, 'very_satisfied'],
      [2, 'satisfied'],
      [3, 'dissatisfied'],
    ]);
  });

  it('reads its counter from the address and makes keys the API accepts', () => {
    expect(counterIdFromPath('/rate/quay-3')).toBe('quay-3');
    expect(counterIdFromPath('/rate/quay-3/')).toBe('quay-3');
    expect(counterIdFromPath('/rate/../x')).toBeNull();
    const key = pressKey((b) => b.fill(171), 1_700_000_000_000);
    expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect(key).toBe(`screen-${(1_700_000_000_000).toString(36)}-abababababababab`);
    expect(text('vi', 'prompt', { number: 'B012' })).toContain('B012');
    // A ticket number, not a dossier's (issue #15: "hồ sơ số A008").
    expect(text('vi', 'prompt', { number: 'B012' })).toBe('Ông/bà có hài lòng với việc phục vụ phiếu số B012?');
  });
});

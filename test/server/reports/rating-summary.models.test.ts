import { describe, expect, it } from 'vitest';
import {
  gradeOf,
  isSatisfied,
  gradesOf,
  summarizeRatings,
  type RatingCount,
  type RejectedCount,
  type ServedCount,
} from '../../../server/reports/rating-summary.models.ts';

const dims = { businessDay: '2026-03-16', staffId: 'lan', counterId: 'quay-1', serviceId: 'ho-tich' };

describe('rating scales', () => {
  it('has four levels, or three without Bình thường; satisfied is the top two of either', () => {
    expect(gradesOf(4)).toEqual(['very_satisfied', 'satisfied', 'neutral', 'dissatisfied']);
    expect(gradesOf(3)).toEqual(['very_satisfied', 'satisfied', 'dissatisfied']);
    expect(gradesOf(4).filter(isSatisfied)).toEqual(['very_satisfied', 'satisfied']);
    expect(gradesOf(3).filter(isSatisfied)).toEqual(['very_satisfied', 'satisfied']);
  });

  it('reads buttons from the left: 1 is Rất hài lòng, the last one Không hài lòng', () => {
    expect([1, 2, 3, 4].map((l) => gradeOf(l, 4))).toEqual(['very_satisfied', 'satisfied', 'neutral', 'dissatisfied']);
    expect([1, 2, 3, 4].map((l) => gradeOf(l, 3))).toEqual(['very_satisfied', 'satisfied', 'dissatisfied', null]);
  });
});

describe('summarizeRatings', () => {
  it('4-level: 5 very satisfied, 3 satisfied, 1 neutral, 1 dissatisfied of 16 served → 80 % satisfied, 62.5 % rated', () => {
    const ratings: RatingCount[] = [
      { ...dims, grade: 'very_satisfied', count: 5 },
      { ...dims, grade: 'satisfied', count: 3 },
      { ...dims, grade: 'neutral', count: 1 },
      { ...dims, grade: 'dissatisfied', count: 1 },
    ];
    const { totals } = summarizeRatings({ ratings, served: [{ ...dims, served: 16 }], rejected: [] }, 'staff');
    expect(totals).toMatchObject({ rated: 10, served: 16, satisfied: 8, satisfiedShare: 0.8, responseRate: 0.625, rejectedTotal: 0 });
  });

  it('3-level: 2 very satisfied, 2 satisfied, 2 dissatisfied → 2/3 satisfied; neutral stays 0', () => {
    const ratings: RatingCount[] = [
      { ...dims, grade: 'very_satisfied', count: 2 },
      { ...dims, grade: 'satisfied', count: 2 },
      { ...dims, grade: 'dissatisfied', count: 2 },
    ];
    const { totals } = summarizeRatings({ ratings, served: [{ ...dims, served: 6 }], rejected: [] }, 'counter');
    expect(totals.levels).toEqual({ very_satisfied: 2, satisfied: 2, neutral: 0, dissatisfied: 2 });
    expect(totals.satisfiedShare).toBe(0.6667);
    expect(totals.responseRate).toBe(1);
  });

  it('groups by officer, counter, service and period, with rejected presses beside', () => {
    const hung = { ...dims, staffId: 'hung', counterId: 'quay-2', businessDay: '2026-03-23' };
    const ratings: RatingCount[] = [
      { ...dims, grade: 'satisfied', count: 4 },
      { ...hung, grade: 'dissatisfied', count: 1 },
    ];
    const served: ServedCount[] = [
      { ...dims, served: 5 },
      { ...hung, served: 4 },
      { ...hung, staffId: '', served: 0 },
    ];
    const rejected: RejectedCount[] = [
      { ...dims, outcome: 'rejected_late', count: 2 },
      { ...hung, staffId: '', serviceId: '', outcome: 'rejected_disarmed', count: 7 },
    ];
    const byStaff = summarizeRatings({ ratings, served, rejected }, 'staff');
    expect(byStaff.groups.map((g) => [g.key, g.rated, g.served, g.satisfiedShare, g.responseRate, g.rejectedTotal])).toEqual([
      ['', 0, 0, null, null, 7],
      ['hung', 1, 4, 0, 0.25, 0],
      ['lan', 4, 5, 1, 0.8, 2],
    ]);
    const byCounter = summarizeRatings({ ratings, served, rejected }, 'counter');
    expect(byCounter.groups.map((g) => [g.key, g.rejected])).toEqual([
      ['quay-1', { rejected_disarmed: 0, rejected_late: 2, rejected_already_rated: 0, rejected_invalid: 0 }],
      ['quay-2', { rejected_disarmed: 7, rejected_late: 0, rejected_already_rated: 0, rejected_invalid: 0 }],
    ]);
    expect(summarizeRatings({ ratings, served, rejected }, 'week').groups.map((g) => g.key)).toEqual(['2026-W12', '2026-W13']);
    expect(byStaff.totals).toMatchObject({ rated: 5, served: 9, satisfied: 4, satisfiedShare: 0.8, responseRate: 0.5556, rejectedTotal: 9 });
  });

  it('has null shares with nothing rated or served', () => {
    const { totals, groups } = summarizeRatings({ ratings: [], served: [], rejected: [] }, 'day');
    expect(totals).toMatchObject({ rated: 0, served: 0, satisfiedShare: null, responseRate: null });
    expect(groups).toEqual([]);
  });
});

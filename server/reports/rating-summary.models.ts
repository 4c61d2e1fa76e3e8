/**
 * The satisfaction report (mức độ hài lòng): ratings per level, the share satisfied, the response
 * rate and the presses a keypad refused, grouped by officer, counter, service or period. Pure.
 *
 * Scales (DOMAIN.md, Rating): four levels — Rất hài lòng, Hài lòng, Bình thường, Không hài lòng —
 * or three, without Bình thường. "Satisfied" is the top two levels on either scale. Levels are
 * named here by their meaning, so a 3-level "Không hài lòng" and a 4-level one are the same column.
 */
import type { RatingGrade, RatingScale } from '../../protocol/rating.schemas.ts';
import { GRADE_NAMES, GRADES, gradeOf, isSatisfied } from '../queue/rating.models.ts';
import { periodKey, type Period } from './periods.models.ts';
import { share } from './stats.models.ts';

export type { RatingGrade, RatingScale };

/** Every level, best first: the columns of the report. */
export const RATING_GRADES: readonly RatingGrade[] = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'];

/** The levels a scale offers, best first: button 1 is the first (the rating rules of issue #5). */
export const gradesOf = (scale: RatingScale): readonly RatingGrade[] => GRADES[scale];

export { GRADE_NAMES, gradeOf, isSatisfied };

export type RatingGroupBy = 'staff' | 'counter' | 'service' | Period;

/** Where a count belongs: the rated ticket's business day, officer, counter and service. */
export interface RatingDims {
  businessDay: string;
  staffId: string;
  counterId: string;
  serviceId: string;
}

/** Ratings of one grade (already counted, e.g. by a GROUP BY). */
export interface RatingCount extends RatingDims {
  grade: RatingGrade;
  count: number;
}

/** Tickets served (the denominator of the response rate). */
export interface ServedCount extends RatingDims {
  served: number;
}

export type RejectedOutcome = 'rejected_disarmed' | 'rejected_late' | 'rejected_already_rated' | 'rejected_invalid';

/** Presses that did not become a rating; officer and service are '' when no ticket was armed. */
export interface RejectedCount extends RatingDims {
  outcome: RejectedOutcome;
  count: number;
}

export interface RatingFigures {
  /** Ratings per level, in RATING_GRADES order (a 3-level scale has 0 for `neutral`). */
  levels: Record<RatingGrade, number>;
  rated: number;
  served: number;
  satisfied: number;
  /** satisfied ÷ rated, 0–1; null with no rating. */
  satisfiedShare: number | null;
  /** rated ÷ served, 0–1; null with nothing served. */
  responseRate: number | null;
  rejected: Record<RejectedOutcome, number>;
  rejectedTotal: number;
}

export interface RatingGroup extends RatingFigures {
  key: string;
}

interface Acc {
  levels: Record<RatingGrade, number>;
  served: number;
  rejected: Record<RejectedOutcome, number>;
}

const emptyAcc = (): Acc => ({
  levels: { very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0 },
  served: 0,
  rejected: { rejected_disarmed: 0, rejected_late: 0, rejected_already_rated: 0, rejected_invalid: 0 },
});

function figures(a: Acc): RatingFigures {
  const rated = RATING_GRADES.reduce((n, l) => n + a.levels[l], 0);
  const satisfied = a.levels.very_satisfied + a.levels.satisfied;
  const rejectedTotal = Object.values(a.rejected).reduce((n, c) => n + c, 0);
  return {
    levels: { ...a.levels },
    rated,
    served: a.served,
    satisfied,
    satisfiedShare: share(satisfied, rated),
    responseRate: share(rated, a.served),
    rejected: { ...a.rejected },
    rejectedTotal,
  };
}

export function ratingKeyOf(d: RatingDims, by: RatingGroupBy): string {
  switch (by) {
    case 'staff':
      return d.staffId;
    case 'counter':
      return d.counterId;
    case 'service':
      return d.serviceId;
    default:
      return periodKey(d.businessDay, by);
  }
}

/** Totals and one group per key (key order). */
export function summarizeRatings(
  input: { ratings: readonly RatingCount[]; served: readonly ServedCount[]; rejected: readonly RejectedCount[] },
  by: RatingGroupBy,
): { totals: RatingFigures; groups: RatingGroup[] } {
  const total = emptyAcc();
  const groups = new Map<string, Acc>();
  const at = (d: RatingDims) => {
    const k = ratingKeyOf(d, by);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = emptyAcc()));
    return g;
  };
  for (const r of input.ratings) {
    total.levels[r.grade] += r.count;
    at(r).levels[r.grade] += r.count;
  }
  for (const s of input.served) {
    if (s.served === 0) continue;
    total.served += s.served;
    at(s).served += s.served;
  }
  for (const r of input.rejected) {
    total.rejected[r.outcome] += r.count;
    at(r).rejected[r.outcome] += r.count;
  }
  return {
    totals: figures(total),
    groups: [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, g]) => ({ key, ...figures(g) })),
  };
}

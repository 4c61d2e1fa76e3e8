/**
 * The province report (issue #13): every centre's figures side by side from its daily rollups and
 * its rating counts, ranked by one column. Pure (docs/reports.md, "The province report").
 *
 * A centre's figures are those of its own time and rating reports over the same days: issued,
 * served and no-show summed from the rollups; the satisfied share and the response rate as in the
 * rating summary; the mean and p90 of waits and services from the merged minute histograms. The
 * province total merges every centre's rows, so its p90 is the p90 of all citizens, not a mean of
 * the centres' p90s.
 */
import type { LocalizedText } from '../../protocol/index.ts';
import { PROVINCE_DEFAULT_ORDER, type ProvinceSort, type SortOrder } from '../../protocol/province-report.schemas.ts';
import type { RatingCount } from './rating-summary.models.ts';
import { durationStats, emptyDurations, mergeDurations, share, type DurationAccumulator } from './stats.models.ts';
import type { DailyRollupRow } from './time-summary.models.ts';

export interface ProvinceFigures {
  issued: number;
  served: number;
  noShow: number;
  rated: number;
  satisfied: number;
  satisfiedShare: number | null;
  responseRate: number | null;
  waitMeanMinutes: number | null;
  waitP90Minutes: number | null;
  serviceMeanMinutes: number | null;
  serviceP90Minutes: number | null;
}

/** What the store read for one centre over its resolved range. */
export interface CentreReportInput {
  centreId: string;
  centreName: LocalizedText;
  timeZone: string;
  from: string;
  to: string;
  rollups: readonly DailyRollupRow[];
  ratings: readonly RatingCount[];
}

export interface CentreRow extends ProvinceFigures {
  centreId: string;
  centreName: LocalizedText;
  timeZone: string;
  from: string;
  to: string;
}

export interface RankedCentreRow extends CentreRow {
  rank: number | null;
}

interface Acc {
  issued: number;
  served: number;
  noShow: number;
  rated: number;
  satisfied: number;
  wait: DurationAccumulator;
  service: DurationAccumulator;
}

const emptyAcc = (): Acc => ({ issued: 0, served: 0, noShow: 0, rated: 0, satisfied: 0, wait: emptyDurations(), service: emptyDurations() });

function addCentre(acc: Acc, input: Pick<CentreReportInput, 'rollups' | 'ratings'>): Acc {
  for (const r of input.rollups) {
    acc.issued += r.issued;
    acc.served += r.served;
    acc.noShow += r.noShow;
    mergeDurations(acc.wait, r.wait);
    mergeDurations(acc.service, r.service);
  }
  for (const r of input.ratings) {
    acc.rated += r.count;
    // "Satisfied" is the top two levels on either scale (DOMAIN.md, Rating).
    if (r.grade === 'very_satisfied' || r.grade === 'satisfied') acc.satisfied += r.count;
  }
  return acc;
}

function figuresOf(acc: Acc): ProvinceFigures {
  const wait = durationStats(acc.wait);
  const service = durationStats(acc.service);
  return {
    issued: acc.issued,
    served: acc.served,
    noShow: acc.noShow,
    rated: acc.rated,
    satisfied: acc.satisfied,
    satisfiedShare: share(acc.satisfied, acc.rated),
    responseRate: share(acc.rated, acc.served),
    waitMeanMinutes: wait.meanMinutes,
    waitP90Minutes: wait.p90Minutes,
    serviceMeanMinutes: service.meanMinutes,
    serviceP90Minutes: service.p90Minutes,
  };
}

/** One centre's figures over its range. */
export function centreFigures(input: Pick<CentreReportInput, 'rollups' | 'ratings'>): ProvinceFigures {
  return figuresOf(addCentre(emptyAcc(), input));
}

/** Every centre together: their rows merged, then the same figures. */
export function provinceTotals(inputs: readonly Pick<CentreReportInput, 'rollups' | 'ratings'>[]): ProvinceFigures {
  const acc = emptyAcc();
  for (const input of inputs) addCentre(acc, input);
  return figuresOf(acc);
}

/** Best first: the most tickets and the highest shares, the shortest times, names A–Z (the protocol's). */
export const DEFAULT_ORDER = PROVINCE_DEFAULT_ORDER;

/** The value a row is ranked by; null (no rating, nothing served, no wait) ranks after every value. */
export function sortValue(row: ProvinceFigures, sort: Exclude<ProvinceSort, 'name'>): number | null {
  switch (sort) {
    case 'waitMean':
      return row.waitMeanMinutes;
    case 'waitP90':
      return row.waitP90Minutes;
    case 'serviceMean':
      return row.serviceMeanMinutes;
    case 'serviceP90':
      return row.serviceP90Minutes;
    default:
      return row[sort];
  }
}

const byName = (a: CentreRow, b: CentreRow) =>
  a.centreName.vi.localeCompare(b.centreName.vi, 'vi') || (a.centreId < b.centreId ? -1 : a.centreId > b.centreId ? 1 : 0);

/**
 * The rows in the chosen order with their rank. Ties (equal values) are listed by the centres'
 * Vietnamese names and share a rank ("1, 2, 2, 4"); centres without a value for the column come
 * last, by name, with no rank. Sorting by name ranks by position.
 */
export function rankCentres(rows: readonly CentreRow[], sort: ProvinceSort, order: SortOrder): RankedCentreRow[] {
  if (sort === 'name') {
    const sorted = [...rows].sort(byName);
    if (order === 'desc') sorted.reverse();
    return sorted.map((r, i) => ({ ...r, rank: i + 1 }));
  }
  const sign = order === 'asc' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const va = sortValue(a, sort);
    const vb = sortValue(b, sort);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return (va - vb) * sign || byName(a, b);
  });
  const ranked: RankedCentreRow[] = [];
  sorted.forEach((r, i) => {
    const value = sortValue(r, sort);
    const previous = ranked[i - 1];
    const tied = previous !== undefined && value !== null && sortValue(previous, sort) === value;
    ranked.push({ ...r, rank: value === null ? null : tied ? previous.rank : i + 1 });
  });
  return ranked;
}

/** The report's rows and totals from what was read of each centre. */
export function provinceReport(inputs: readonly CentreReportInput[], sort: ProvinceSort, order: SortOrder) {
  const rows: CentreRow[] = inputs.map((c) => ({
    centreId: c.centreId,
    centreName: c.centreName,
    timeZone: c.timeZone,
    from: c.from,
    to: c.to,
    ...centreFigures(c),
  }));
  return { centres: rankCentres(rows, sort, order), totals: provinceTotals(inputs) };
}

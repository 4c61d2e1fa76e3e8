import { describe, expect, it } from 'vitest';
import { centreFigures, provinceReport, provinceTotals, rankCentres, type CentreRow } from '../../../server/reports/province-report.models.ts';
import type { RatingCount } from '../../../server/reports/rating-summary.models.ts';
import type { DailyRollupRow } from '../../../server/reports/time-summary.models.ts';
import { dailyRollup, durations } from '../../fixtures/rollups.ts';

const rollup = (over: Partial<DailyRollupRow>): DailyRollupRow => dailyRollup({ serviceId: 's1', ...over });
const rating = (grade: RatingCount['grade'], count: number): RatingCount => ({
  businessDay: '2026-03-16',
  staffId: 'lan',
  counterId: 'quay-1',
  serviceId: 's1',
  grade,
  count,
});

describe('a centre’s figures', () => {
  it('sums the rollups and the ratings; shares, means and nearest-rank p90 as the centre reports give them', () => {
    const f = centreFigures({
      rollups: [
        rollup({ issued: 5, served: 3, noShow: 1, transferred: 1, wait: durations(20, 16, 19), service: durations(8, 4) }),
        rollup({ businessDay: '2026-03-17', serviceId: 's2', issued: 2, served: 1, wait: durations(16), service: durations(10) }),
      ],
      ratings: [rating('very_satisfied', 2), rating('satisfied', 1), rating('neutral', 0), rating('dissatisfied', 1)],
    });
    expect(f).toEqual({
      issued: 7,
      served: 4,
      noShow: 1,
      rated: 4,
      satisfied: 3,
      satisfiedShare: 0.75,
      responseRate: 1,
      // (20 + 16 + 19 + 16) / 4 = 17.75 → 17.8; sorted 16 16 19 20: rank ⌈0.9·4⌉ = 4 → 20
      waitMeanMinutes: 17.8,
      waitP90Minutes: 20,
      // (8 + 4 + 10) / 3 = 7.33 → 7.3; sorted 4 8 10: rank 3 → 10
      serviceMeanMinutes: 7.3,
      serviceP90Minutes: 10,
    });
  });

  it('leaves shares and times empty when nothing was rated, served or waited', () => {
    expect(centreFigures({ rollups: [rollup({ issued: 3 })], ratings: [] })).toMatchObject({
      issued: 3,
      satisfiedShare: null,
      responseRate: null,
      waitMeanMinutes: null,
      waitP90Minutes: null,
      serviceP90Minutes: null,
    });
  });

  it('totals merge the centres’ rows: the p90 of every citizen, not a mean of the centres’ p90', () => {
    const a = { rollups: [rollup({ served: 9, wait: durations(1, 1, 1, 1, 1, 1, 1, 1, 1) })], ratings: [rating('satisfied', 9)] };
    const b = { rollups: [rollup({ served: 1, wait: durations(50) })], ratings: [rating('dissatisfied', 1)] };
    expect(centreFigures(b).waitP90Minutes).toBe(50);
    const t = provinceTotals([a, b]);
    expect(t).toMatchObject({ served: 10, rated: 10, satisfied: 9, satisfiedShare: 0.9, waitP90Minutes: 1, waitMeanMinutes: 5.9 });
  });
});

const row = (id: string, vi: string, over: Partial<CentreRow>): CentreRow => ({
  centreId: id,
  centreName: { vi, en: vi },
  timeZone: 'Asia/Ho_Chi_Minh',
  from: '2026-03-01',
  to: '2026-03-31',
  issued: 0,
  served: 0,
  noShow: 0,
  rated: 0,
  satisfied: 0,
  satisfiedShare: null,
  responseRate: null,
  waitMeanMinutes: null,
  waitP90Minutes: null,
  serviceMeanMinutes: null,
  serviceP90Minutes: null,
  ...over,
});

describe('ranking the centres', () => {
  const rows = [
    row('d', 'Trung tâm xã Đông Hòa', { satisfiedShare: 0.9, waitMeanMinutes: 12, issued: 40 }),
    row('a', 'Trung tâm xã An Phú', { satisfiedShare: 0.8, waitMeanMinutes: 5, issued: 40 }),
    row('b', 'Trung tâm xã Bình Minh', { satisfiedShare: 0.9, waitMeanMinutes: 7, issued: 10 }),
    row('z', 'Trung tâm xã Ân Thi', { satisfiedShare: null, waitMeanMinutes: null, issued: 0 }),
  ];
  const view = (ranked: ReturnType<typeof rankCentres>) => ranked.map((r) => [r.rank, r.centreId]);

  it('descending: ties share the rank and are listed by name; a centre without a value is last, unranked', () => {
    expect(view(rankCentres(rows, 'satisfiedShare', 'desc'))).toEqual([
      [1, 'b'],
      [1, 'd'],
      [3, 'a'],
      [null, 'z'],
    ]);
  });

  it('ascending keeps the empty ones last', () => {
    expect(view(rankCentres(rows, 'satisfiedShare', 'asc'))).toEqual([
      [1, 'a'],
      [2, 'b'],
      [2, 'd'],
      [null, 'z'],
    ]);
    expect(view(rankCentres(rows, 'waitMean', 'asc'))).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'd'],
      [null, 'z'],
    ]);
  });

  it('a zero is a value, not a missing one', () => {
    expect(view(rankCentres(rows, 'issued', 'asc'))).toEqual([
      [1, 'z'],
      [2, 'b'],
      [3, 'a'],
      [3, 'd'],
    ]);
  });

  it('by name in Vietnamese order (A, Â, B, Đ), either way', () => {
    const names = [row('1', 'Bình Minh', {}), row('2', 'Đông Hòa', {}), row('3', 'Ân Thi', {}), row('4', 'An Phú', {}), row('5', 'Dương Minh Châu', {})];
    expect(rankCentres(names, 'name', 'asc').map((r) => r.centreName.vi)).toEqual(['An Phú', 'Ân Thi', 'Bình Minh', 'Dương Minh Châu', 'Đông Hòa']);
    expect(rankCentres(names, 'name', 'desc').map((r) => [r.rank, r.centreName.vi])[0]).toEqual([1, 'Đông Hòa']);
  });

  it('provinceReport ranks the rows and totals the inputs', () => {
    const input = (id: string, vi: string, served: number, satisfied: number, rated: number) => ({
      centreId: id,
      centreName: { vi, en: vi },
      timeZone: 'Asia/Ho_Chi_Minh',
      from: '2026-03-01',
      to: '2026-03-31',
      rollups: [rollup({ issued: served, served })],
      ratings: [rating('very_satisfied', satisfied), rating('dissatisfied', rated - satisfied)],
    });
    const r = provinceReport([input('x', 'Xã X', 10, 4, 5), input('y', 'Xã Y', 20, 9, 10)], 'responseRate', 'desc');
    expect(r.centres.map((c) => [c.rank, c.centreId, c.responseRate, c.satisfiedShare])).toEqual([
      [1, 'x', 0.5, 0.8],
      [1, 'y', 0.5, 0.9],
    ]);
    expect(r.totals).toMatchObject({ served: 30, rated: 15, satisfied: 13, satisfiedShare: 0.8667, responseRate: 0.5 });
  });
});

/** The province report as an export table (table.models.ts): a row per centre in its rank order. Pure. */
import type { Language } from '../../protocol/index.ts';
import type { ProvinceReport, ProvinceSort } from '../../protocol/province-report.schemas.ts';
import { dmy, percent, type Cell, type Column, type ReportTable } from './table.models.ts';

const T = {
  vi: {
    title: 'Báo cáo toàn tỉnh – so sánh các trung tâm',
    centres: (n: number) => `${n} trung tâm`,
    range: (from: string, to: string) => `Từ ngày ${dmy(from)} đến ngày ${dmy(to)} (ngày làm việc theo giờ của từng trung tâm)`,
    sortedBy: (column: string, asc: boolean) => `Xếp hạng theo: ${column} (${asc ? 'tăng dần' : 'giảm dần'})`,
    rank: 'Hạng',
    total: 'Toàn tỉnh',
    columns: {
      name: 'Trung tâm',
      issued: 'Số phiếu cấp',
      served: 'Đã phục vụ',
      noShow: 'Vắng mặt',
      rated: 'Số đánh giá',
      satisfiedShare: 'Tỷ lệ hài lòng (%)',
      responseRate: 'Tỷ lệ đánh giá (%)',
      waitMean: 'Chờ TB (phút)',
      waitP90: 'Chờ p90 (phút)',
      serviceMean: 'Phục vụ TB (phút)',
      serviceP90: 'Phục vụ p90 (phút)',
    } satisfies Record<ProvinceSort, string>,
  },
  en: {
    title: 'Province report – centres compared',
    centres: (n: number) => `${n} centre${n === 1 ? '' : 's'}`,
    range: (from: string, to: string) => `From ${dmy(from)} to ${dmy(to)} (business days in each centre's time)`,
    sortedBy: (column: string, asc: boolean) => `Ranked by: ${column} (${asc ? 'ascending' : 'descending'})`,
    rank: 'Rank',
    total: 'Province',
    columns: {
      name: 'Centre',
      issued: 'Tickets issued',
      served: 'Served',
      noShow: 'No-show',
      rated: 'Ratings',
      satisfiedShare: 'Satisfied (%)',
      responseRate: 'Response rate (%)',
      waitMean: 'Wait mean (min)',
      waitP90: 'Wait p90 (min)',
      serviceMean: 'Service mean (min)',
      serviceP90: 'Service p90 (min)',
    } satisfies Record<ProvinceSort, string>,
  },
} as const;

type Figures = ProvinceReport['totals'];

const cells = (f: Figures): Cell[] => [
  f.issued,
  f.served,
  f.noShow,
  f.rated,
  percent(f.satisfiedShare),
  percent(f.responseRate),
  f.waitMeanMinutes,
  f.waitP90Minutes,
  f.serviceMeanMinutes,
  f.serviceP90Minutes,
];

export function provinceReportTable(r: ProvinceReport, lang: Language): ReportTable {
  const t = T[lang];
  const h = t.columns;
  const columns: Column[] = [
    { header: t.rank, kind: 'int', width: 8 },
    { header: h.name, kind: 'text', width: 40 },
    { header: h.issued, kind: 'int' },
    { header: h.served, kind: 'int' },
    { header: h.noShow, kind: 'int' },
    { header: h.rated, kind: 'int' },
    { header: h.satisfiedShare, kind: 'percent' },
    { header: h.responseRate, kind: 'percent' },
    { header: h.waitMean, kind: 'number' },
    { header: h.waitP90, kind: 'int' },
    { header: h.serviceMean, kind: 'number' },
    { header: h.serviceP90, kind: 'int' },
  ];
  return {
    title: t.title,
    caption: [t.centres(r.centres.length), t.range(r.from, r.to), t.sortedBy(h[r.sort], r.order === 'asc')],
    columns,
    rows: r.centres.map((c) => [c.rank, c.centreName[lang], ...cells(c)]),
    footer: [null, t.total, ...cells(r.totals)],
    fileName: `luot-province-centres-${r.sort}-${r.from}_${r.to}`,
  };
}

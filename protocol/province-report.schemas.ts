import { z } from 'zod';
import { rangeFields } from './reports.schemas.ts';
import { BusinessDaySchema, IdSchema, LocalizedTextSchema } from './common.schemas.ts';

/**
 * The province report (issue #13, docs/reports.md "The province report"): one row per centre the
 * caller may read reports of, ranked by one column. The sortable columns, in the order shown.
 */
export const PROVINCE_SORT_KEYS = [
  'name',
  'issued',
  'served',
  'noShow',
  'rated',
  'satisfiedShare',
  'responseRate',
  'waitMean',
  'waitP90',
  'serviceMean',
  'serviceP90',
] as const;
export const ProvinceSortSchema = z.enum(PROVINCE_SORT_KEYS);
export type ProvinceSort = z.infer<typeof ProvinceSortSchema>;
export const SortOrderSchema = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrderSchema>;

/** The order a column ranks in unless `order` says otherwise: best first. */
export const PROVINCE_DEFAULT_ORDER: Readonly<Record<ProvinceSort, SortOrder>> = {
  name: 'asc',
  issued: 'desc',
  served: 'desc',
  noShow: 'desc',
  rated: 'desc',
  satisfiedShare: 'desc',
  responseRate: 'desc',
  waitMean: 'asc',
  waitP90: 'asc',
  serviceMean: 'asc',
  serviceP90: 'asc',
};

export const ProvinceReportQuerySchema = z.object({
  ...rangeFields,
  /** The column that ranks the centres (default: the satisfied share). */
  sort: ProvinceSortSchema.default('satisfiedShare'),
  /** Default: best first — descending for counts and shares, ascending for times and names. */
  order: SortOrderSchema.optional(),
});
export type ProvinceReportQuery = z.infer<typeof ProvinceReportQuerySchema>;

const ProvinceFiguresShape = {
  issued: z.number().int().min(0),
  served: z.number().int().min(0),
  noShow: z.number().int().min(0),
  /** Ratings of the range's tickets, and those in the top two levels. */
  rated: z.number().int().min(0),
  satisfied: z.number().int().min(0),
  /** satisfied ÷ rated, 0–1; null with no rating. */
  satisfiedShare: z.number().nullable(),
  /** rated ÷ served, 0–1; null with nothing served. */
  responseRate: z.number().nullable(),
  /** Exact mean, one decimal; nearest-rank p90 in whole minutes; null with no wait (service). */
  waitMeanMinutes: z.number().nullable(),
  waitP90Minutes: z.number().int().nullable(),
  serviceMeanMinutes: z.number().nullable(),
  serviceP90Minutes: z.number().int().nullable(),
};

export const ProvinceCentreRowSchema = z
  .object({
    /** 1 = first in the chosen order; equal values share a rank; null when the column is empty for the centre. */
    rank: z.number().int().min(1).nullable(),
    centreId: IdSchema,
    centreName: LocalizedTextSchema,
    timeZone: z.string(),
    /** The range as resolved in the centre's own zone (the same days unless `to` was left to default). */
    from: BusinessDaySchema,
    to: BusinessDaySchema,
    ...ProvinceFiguresShape,
  })
  .meta({ id: 'ProvinceCentreRow' });
export type ProvinceCentreRow = z.infer<typeof ProvinceCentreRowSchema>;

export const ProvinceReportSchema = z
  .object({
    /** The earliest `from` and latest `to` of the rows. */
    from: BusinessDaySchema,
    to: BusinessDaySchema,
    sort: ProvinceSortSchema,
    order: SortOrderSchema,
    centres: z.array(ProvinceCentreRowSchema),
    /** Every listed centre together (shares and times over all their tickets, not a mean of centres). */
    totals: z.object(ProvinceFiguresShape),
  })
  .meta({ id: 'ProvinceReport' });
export type ProvinceReport = z.infer<typeof ProvinceReportSchema>;

import { z } from 'zod';
import { BusinessDaySchema, IdSchema, InstantSchema, LanguageSchema, LocalizedTextSchema, type LocalizedText } from './common.schemas.ts';
import { DeviceStatusSchema } from './bridge.schemas.ts';
import { CounterStatusSchema } from './centre.schemas.ts';
import { RatingGradeSchema, RatingScaleSchema } from './rating.schemas.ts';
import { TicketStateSchema, type TicketState } from './ticket.schemas.ts';

/**
 * Managers' reports (issue #6, docs/reports.md). Date ranges are LOCAL dates in the centre's
 * time zone (a ticket belongs to the business day it was issued on); every figure is defined in
 * docs/reports.md. `format=csv|xlsx` turns a report into a download of its table.
 */

export const ReportFormatSchema = z.enum(['json', 'csv', 'xlsx']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;
export const TimeGroupBySchema = z.enum(['service', 'counter', 'staff', 'day', 'week', 'month']);
export type TimeGroupBy = z.infer<typeof TimeGroupBySchema>;
export const RatingGroupBySchema = TimeGroupBySchema;

/** The longest range a summary (times, busiest hours, ratings) may cover: three years of days. */
export const MAX_REPORT_DAYS = 1096;
/** The longest range of the ticket log, the one report that lists every ticket: a (leap) year. */
export const MAX_TICKET_LOG_DAYS = 366;
/** Years a report date may name (issue #10): no queue ran before, and none needs planning past. */
export const REPORT_YEARS = { min: 2000, max: 2100 } as const;

/**
 * A real calendar day within REPORT_YEARS. The range rules (defaults, from ≤ to, the longest
 * span) are the reports core's: server/reports/periods.models.ts `resolveReportRange`.
 */
const day = BusinessDaySchema.refine((d) => {
  const year = Number(d.slice(0, 4));
  if (year < REPORT_YEARS.min || year > REPORT_YEARS.max) return false;
  // Month 13 or day 32 make an invalid Date (toISOString would throw); 02-30 rolls over to March.
  const noon = new Date(`${d}T12:00:00Z`);
  return !Number.isNaN(noon.getTime()) && noon.toISOString().startsWith(d);
}, `not a calendar day of the years ${REPORT_YEARS.min}–${REPORT_YEARS.max}`);

/** `from` and `to` of every report query (province-report.schemas.ts takes them too). */
export const rangeFields = {
  /** First local day (default: 29 days before `to`). */
  from: day.optional().meta({ example: '2026-03-01' }),
  /** Last local day, inclusive (default: today in the centre's zone, also when only `from` is given). */
  to: day.optional().meta({ example: '2026-03-31' }),
  format: ReportFormatSchema.default('json'),
  /** Language of an export's headers and labels. */
  lang: LanguageSchema.default('vi'),
};

export const TimeSummaryQuerySchema = z.object({ ...rangeFields, groupBy: TimeGroupBySchema.default('service') });
export type TimeSummaryQuery = z.infer<typeof TimeSummaryQuerySchema>;

export const RatingSummaryQuerySchema = z.object({ ...rangeFields, groupBy: RatingGroupBySchema.default('staff') });
export type RatingSummaryQuery = z.infer<typeof RatingSummaryQuerySchema>;

export const BusiestHoursQuerySchema = z.object(rangeFields);
export type BusiestHoursQuery = z.infer<typeof BusiestHoursQuerySchema>;

export const TicketLogQuerySchema = z.object({
  ...rangeFields,
  serviceId: IdSchema.optional(),
  counterId: IdSchema.optional(),
  staffId: IdSchema.optional(),
  state: TicketStateSchema.optional(),
  /** From the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TicketLogQuery = z.infer<typeof TicketLogQuerySchema>;

export const DurationStatsSchema = z
  .object({
    count: z.number().int().min(0),
    meanMinutes: z.number().nullable(),
    /** Nearest-rank percentile, whole minutes (7 = the value lies in [7, 8) min). */
    p50Minutes: z.number().int().nullable(),
    p90Minutes: z.number().int().nullable(),
    maxMinutes: z.number().nullable(),
    /** Counts per bucket of `distributionEdges`. */
    distribution: z.array(z.number().int().min(0)),
  })
  .meta({ id: 'DurationStats' });

const TimeFiguresShape = {
  /** Null when grouped by counter or officer: a ticket is issued before it meets either. */
  issued: z.number().int().min(0).nullable(),
  served: z.number().int().min(0),
  noShow: z.number().int().min(0),
  transferred: z.number().int().min(0),
  expired: z.number().int().min(0),
  wait: DurationStatsSchema,
  service: DurationStatsSchema,
};

export const TimeGroupSchema = z.object({ key: z.string(), name: LocalizedTextSchema, ...TimeFiguresShape }).meta({ id: 'TimeGroup' });
export type TimeGroup = z.infer<typeof TimeGroupSchema>;

const reportHead = {
  centreId: IdSchema,
  centreName: LocalizedTextSchema,
  timeZone: z.string(),
  from: BusinessDaySchema,
  to: BusinessDaySchema,
};

export const TimeSummarySchema = z
  .object({
    ...reportHead,
    groupBy: TimeGroupBySchema,
    /** Lower bounds (minutes) of the distribution buckets; the last one is open. */
    distributionEdges: z.array(z.number().int().min(0)),
    totals: z.object(TimeFiguresShape),
    groups: z.array(TimeGroupSchema),
  })
  .meta({ id: 'TimeSummary' });
export type TimeSummary = z.infer<typeof TimeSummarySchema>;

export const BusiestHoursSchema = z
  .object({
    ...reportHead,
    /** Local hour of issue; `byWeekday[0]` is Monday. */
    hours: z.array(
      z.object({
        hour: z.number().int().min(0).max(23),
        issued: z.number().int().min(0),
        perDay: z.number().nullable(),
        byWeekday: z.array(z.number().int().min(0)),
      }),
    ),
    weekdays: z.array(z.object({ weekday: z.number().int().min(1).max(7), issued: z.number().int().min(0), perDay: z.number().nullable() })),
    openDays: z.number().int().min(0),
  })
  .meta({ id: 'BusiestHours' });
export type BusiestHours = z.infer<typeof BusiestHoursSchema>;

const RatingFiguresShape = {
  levels: z.record(RatingGradeSchema, z.number().int().min(0)),
  rated: z.number().int().min(0),
  served: z.number().int().min(0),
  satisfied: z.number().int().min(0),
  /** satisfied ÷ rated, 0–1. */
  satisfiedShare: z.number().nullable(),
  /** rated ÷ served, 0–1. */
  responseRate: z.number().nullable(),
  rejected: z.object({
    rejected_disarmed: z.number().int(),
    rejected_late: z.number().int(),
    rejected_already_rated: z.number().int(),
    rejected_invalid: z.number().int(),
  }),
  rejectedTotal: z.number().int().min(0),
};

export const RatingGroupSchema = z.object({ key: z.string(), name: LocalizedTextSchema, ...RatingFiguresShape }).meta({ id: 'RatingGroup' });
export type RatingGroup = z.infer<typeof RatingGroupSchema>;

export const RatingSummarySchema = z
  .object({
    ...reportHead,
    groupBy: RatingGroupBySchema,
    /** The centre's scale now; a range may hold ratings of both (columns cover every level). */
    scale: RatingScaleSchema,
    levelNames: z.record(RatingGradeSchema, LocalizedTextSchema),
    totals: z.object(RatingFiguresShape),
    groups: z.array(RatingGroupSchema),
  })
  .meta({ id: 'RatingSummary' });
export type RatingSummary = z.infer<typeof RatingSummarySchema>;

export const TicketLogEntrySchema = z
  .object({
    id: IdSchema,
    number: z.string(),
    businessDay: BusinessDaySchema,
    /** The service that issued the number, and the one it is (or ended) in. */
    issuedServiceId: IdSchema,
    serviceId: IdSchema,
    state: TicketStateSchema,
    issuedAt: InstantSchema,
    firstCalledAt: InstantSchema.nullable(),
    servingAt: InstantSchema.nullable(),
    finishedAt: InstantSchema.nullable(),
    counterId: IdSchema.nullable(),
    staffId: IdSchema.nullable(),
    priorityGroupId: IdSchema.nullable(),
    transferCount: z.number().int().min(0),
    /** First call − issue, minutes with one decimal. */
    waitMinutes: z.number().nullable(),
    /** Finish − (start of service ?? last call), for served tickets. */
    serviceMinutes: z.number().nullable(),
    rating: RatingGradeSchema.nullable(),
  })
  .meta({ id: 'TicketLogEntry' });
export type TicketLogEntry = z.infer<typeof TicketLogEntrySchema>;

/**
 * What the reports call each state: the ticket-log page, its CSV/XLSX export and a ticket's
 * history read the same words (issue #15: the page said "Đã hoàn thành", the export "Đã xong").
 */
export const REPORT_STATE_NAMES: Record<TicketState, LocalizedText> = {
  waiting: { vi: 'Đang chờ', en: 'Waiting' },
  called: { vi: 'Đã gọi', en: 'Called' },
  serving: { vi: 'Đang phục vụ', en: 'Being served' },
  parked: { vi: 'Tạm gác', en: 'Set aside' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  no_show: { vi: 'Vắng mặt', en: 'No-show' },
  expired: { vi: 'Đã hết hạn', en: 'Expired' },
};

export const TicketLogSchema = z
  .object({
    ...reportHead,
    items: z.array(TicketLogEntrySchema),
    nextCursor: z.string().nullable(),
    /** Every officer of the centre (with or without an account), for names and the officer filter. */
    officers: z.array(z.object({ id: IdSchema, name: z.string() })),
    /** The centre's priority groups (đối tượng ưu tiên), for the priority column's names. */
    priorityGroups: z.array(z.object({ id: IdSchema, name: LocalizedTextSchema })),
  })
  .meta({ id: 'TicketLog' });
export type TicketLog = z.infer<typeof TicketLogSchema>;

export const LiveReportSchema = z
  .object({
    centreId: IdSchema,
    centreName: LocalizedTextSchema,
    timeZone: z.string(),
    businessDay: BusinessDaySchema,
    at: InstantSchema,
    services: z.array(
      z.object({
        serviceId: IdSchema,
        name: LocalizedTextSchema,
        waiting: z.number().int().min(0),
        /** Issue time of the ticket waiting longest; null when nobody waits. */
        oldestIssuedAt: InstantSchema.nullable(),
        longestWaitMinutes: z.number().int().min(0).nullable(),
      }),
    ),
    longestWait: z.object({ number: z.string(), serviceId: IdSchema, issuedAt: InstantSchema, minutes: z.number().int().min(0) }).nullable(),
    counters: z.array(
      z.object({
        counterId: IdSchema,
        number: z.number().int(),
        status: CounterStatusSchema,
        staffId: IdSchema.nullable(),
        staffName: z.string().nullable(),
        current: z.object({ number: z.string(), state: TicketStateSchema, serviceId: IdSchema, since: InstantSchema }).nullable(),
      }),
    ),
    pausedCounters: z.number().int().min(0),
    today: z.object({
      issued: z.number().int(),
      served: z.number().int(),
      noShow: z.number().int(),
      transferred: z.number().int(),
      waitP50Minutes: z.number().int().nullable(),
      waitP90Minutes: z.number().int().nullable(),
    }),
    devices: z.array(
      z.object({
        kind: z.enum(['kiosk', 'display', 'bridge', 'rating-screen', 'integration', 'printer', 'keypad']),
        id: z.string(),
        name: z.string(),
        /** Bridge devices report a status; paired pages (kiosk, display) only when they were last seen. */
        status: DeviceStatusSchema.nullable(),
        detail: z.string().nullable(),
        lastSeenAt: InstantSchema.nullable(),
      }),
    ),
    printFailuresToday: z.number().int().min(0),
  })
  .meta({ id: 'LiveReport' });
export type LiveReport = z.infer<typeof LiveReportSchema>;

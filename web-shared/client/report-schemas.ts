/**
 * The schema of each report's JSON answer (server/reports/reports.routes.ts declares the same),
 * by the report's path segment. Its own module, loaded by api.ts `getReport` on first use, so the
 * kiosk, displays and phones do not download the reports' schemas.
 */
import type { z } from 'zod';
import {
  BusiestHoursSchema,
  LiveReportSchema,
  RatingSummarySchema,
  TicketLogSchema,
  TimeSummarySchema,
  type BusiestHours,
  type LiveReport,
  type RatingSummary,
  type TicketLog,
  type TimeSummary,
} from '../../protocol/reports.schemas.ts';
import { ProvinceReportSchema, type ProvinceReport } from '../../protocol/province-report.schemas.ts';
import { AlertReportSchema, type AlertReport } from '../../protocol/alerts.schemas.ts';
import { TicketHistorySchema, type TicketHistory } from '../../protocol/ticket-history.schemas.ts';

/** What each report answers as JSON, by its path segment. */
export interface Reports {
  live: LiveReport;
  'time-summary': TimeSummary;
  'busiest-hours': BusiestHours;
  'rating-summary': RatingSummary;
  tickets: TicketLog;
  /** SLA alerts (issue #14, server/alerts/alerts.routes.ts). */
  alerts: AlertReport;
}
export type ReportName = keyof Reports;

export const REPORT_SCHEMAS: { [R in ReportName]: z.ZodType<Reports[R]> } = {
  live: LiveReportSchema,
  'time-summary': TimeSummarySchema,
  'busiest-hours': BusiestHoursSchema,
  'rating-summary': RatingSummarySchema,
  tickets: TicketLogSchema,
  alerts: AlertReportSchema,
};

/** The province report (issue #13): not under one centre, so not among the centre reports above. */
export const PROVINCE_REPORT_SCHEMA: z.ZodType<ProvinceReport> = ProvinceReportSchema;

/** One ticket's history (issue #14, `getTicketHistory`), opened from the ticket log. */
export const TICKET_HISTORY_SCHEMA: z.ZodType<TicketHistory> = TicketHistorySchema;

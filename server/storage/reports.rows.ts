/**
 * The tables the reports read and write (migrations 0005 and 0006), as stored: instants epoch ms,
 * histograms JSON text. Shared by reports.queries.ts and report-ratings.queries.ts.
 */
export interface ReportDailyRow {
  centre_id: string;
  business_day: string;
  service_id: string;
  counter_id: string;
  staff_id: string;
  issued: number;
  served: number;
  no_show: number;
  transferred: number;
  expired: number;
  wait_n: number;
  wait_sum_ms: number;
  wait_max_ms: number;
  wait_hist: string;
  service_n: number;
  service_sum_ms: number;
  service_max_ms: number;
  service_hist: string;
}
export interface ReportTicketRow {
  id: string;
  centre_id: string;
  service_id: string;
  queue_service_id: string;
  business_day: string;
  number: string;
  state: string;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  counter_id: string | null;
  staff_id: string | null;
  priority_group_id: string | null;
  first_called_at: number | null;
  first_counter_id: string | null;
  first_staff_id: string | null;
  first_service_id: string | null;
  transfer_count: number;
}
export interface RatingRow {
  centre_id: string;
  ticket_id: string;
  business_day: string;
  staff_id: string | null;
  counter_id: string;
  service_id: string;
  grade: string;
}
export interface PressRow {
  centre_id: string;
  counter_id: string;
  ticket_id: string | null;
  staff_id: string | null;
  outcome: string;
  pressed_at: number;
}
export interface ReportsDatabase {
  ratings: RatingRow;
  report_rating_daily: { centre_id: string; business_day: string; staff_id: string; counter_id: string; service_id: string; grade: string; ratings: number };
  report_rating_state: { centre_id: string; rolled_through: string };
  rating_presses: PressRow;
  rating_arms: { ticket_id: string; service_id: string };
  report_daily: ReportDailyRow;
  report_hourly: { centre_id: string; business_day: string; service_id: string; hour: number; issued: number };
  report_rollup_state: { centre_id: string; built_at: number };
  tickets: ReportTicketRow;
  ticket_events: { ticket_id: string; seq: number; from_state: string | null; to_state: string; counter_id: string | null; actor_id: string | null; detail: string | null };
}

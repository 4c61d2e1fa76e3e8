import type { Generated } from 'kysely';

/**
 * The one typed schema of the store: every table and column migrations/*.ts build, as stored.
 * Portable: instants are epoch milliseconds (bigint), booleans 0/1, JSON as text. A column with a
 * default is `Generated` (optional on insert). Row types for reads and writes derive from it
 * (`Selectable<Database['tickets']>`, `Insertable<…>`), never repeat it.
 */
export interface Database {
  centres: CentresTable;
  services: ServicesTable;
  counters: CountersTable;
  counter_services: CounterServicesTable;
  staff: StaffTable;
  number_sequences: NumberSequencesTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  counter_events: CounterEventsTable;
  sessions: SessionsTable;
  device_tokens: DeviceTokensTable;
  print_jobs: PrintJobsTable;
  device_status: DeviceStatusTable;
  rating_arms: RatingArmsTable;
  ratings: RatingsTable;
  rating_presses: RatingPressesTable;
  report_daily: ReportDailyTable;
  report_hourly: ReportHourlyTable;
  report_rating_daily: ReportRatingDailyTable;
  report_rating_state: ReportRatingStateTable;
  report_rollup_state: ReportRollupStateTable;
  security_events: SecurityEventsTable;
  login_throttles: LoginThrottlesTable;
  dossiers: DossiersTable;
  webhook_deliveries: WebhookDeliveriesTable;
  appointments: AppointmentsTable;
  alerts: AlertsTable;
  pairing_codes: PairingCodesTable;
}

// 0001_init, 0002_counter_workflow (settings), 0007_hot_path (config_version).
export interface CentresTable {
  id: string;
  name_vi: string;
  name_en: string;
  time_zone: string;
  event_seq: Generated<number>;
  /** Bumped with every change of the centre's configuration (0007_hot_path.ts). */
  config_version: Generated<number>;
  /** CentreSettings as JSON; missing keys take their defaults. */
  settings: Generated<string>;
  /** Postal address, one line; '' for none (0010_centre_address.ts, issue #13). */
  address: Generated<string>;
}
export interface ServicesTable {
  centre_id: string;
  id: string;
  name_vi: string;
  name_en: string;
  numbering: string;
  sort_order: Generated<number>;
  active: Generated<number>;
}
// 0001_init, 0002_counter_workflow (status, held_by, opened_at, call_order).
export interface CountersTable {
  centre_id: string;
  id: string;
  number: number;
  active: Generated<number>;
  status: Generated<string>;
  held_by: string | null;
  opened_at: number | null;
  call_order: Generated<string>;
}
export interface CounterServicesTable {
  centre_id: string;
  counter_id: string;
  service_id: string;
  position: number;
  weight: Generated<number>;
}
// 0001_init, 0003_accounts (a staff row becomes an account once it has a username).
export interface StaffTable {
  centre_id: string;
  id: string;
  name: string;
  username: string | null;
  password_hash: string | null;
  role: Generated<string>;
  active: Generated<number>;
  must_change_password: Generated<number>;
}
export interface NumberSequencesTable {
  centre_id: string;
  service_id: string;
  business_day: string;
  last_seq: number;
}
// 0001_init, 0002_counter_workflow, 0006_report_rollups (first_*, transfer_count), 0007_hot_path (is_priority).
export interface TicketsTable {
  id: string;
  centre_id: string;
  /** The service that issued the number (never changes; numbering is unique per it). */
  service_id: string;
  /** The service whose queue the ticket is in: Ticket.serviceId (a transfer changes it). */
  queue_service_id: Generated<string>;
  business_day: string;
  seq: number;
  number: string;
  state: string;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  counter_id: string | null;
  staff_id: string | null;
  priority_group_id: string | null;
  recall_count: Generated<number>;
  target_counter_id: string | null;
  /** 1 when priority_group_id is set: the queue heads' index key. */
  is_priority: Generated<number>;
  /** The first call from the queue (the reports' waiting time ends there) and where it was. */
  first_called_at: number | null;
  first_counter_id: string | null;
  first_staff_id: string | null;
  first_service_id: string | null;
  transfer_count: Generated<number>;
  /** 0012_dossiers: the dossier a result-return ticket is for; 1 when that code was not found (issue-flagged). */
  dossier_code: string | null;
  dossier_unverified: Generated<number>;
  /** 0013_appointments: the appointment checked in with this ticket, and its slot start when it keeps the appointment's place. */
  appointment_id: string | null;
  appointment_at: number | null;
}
export interface TicketEventsTable {
  id: string;
  centre_id: string;
  ticket_id: string;
  seq: number;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  from_state: string | null;
  to_state: string;
  counter_id: string | null;
  service_id: string | null;
  /** JSON: transfer from/to, priority grant reason, recall number… */
  detail: string | null;
}
// 0002_counter_workflow: append-only.
export interface CounterEventsTable {
  id: string;
  centre_id: string;
  counter_id: string;
  seq: number;
  at: number;
  actor_id: string | null;
  from_status: string;
  to_status: string;
  /** Who holds the counter after the change. */
  staff_id: string | null;
}

// 0003_accounts, 0008_rating_screens (device_tokens.counter_id).
export interface SessionsTable {
  /** sha256 of the cookie's random id. */
  id: string;
  centre_id: string;
  staff_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}
export interface DeviceTokensTable {
  id: string;
  centre_id: string;
  kind: string;
  name: string;
  secret_hash: string;
  created_at: number;
  created_by: string | null;
  revoked_at: number | null;
  last_seen_at: number | null;
  /** The counter a rating-screen token is bound to; null for every other kind. */
  counter_id: string | null;
}

// 0004_print_jobs.
export interface PrintJobsTable {
  id: string;
  centre_id: string;
  ticket_id: string;
  kiosk_id: string | null;
  bridge_id: string;
  printer_id: string;
  status: string;
  reprint: Generated<number>;
  requested_by: string | null;
  attempts: Generated<number>;
  error: string | null;
  error_message: string | null;
  created_at: number;
  updated_at: number;
  deadline_at: number;
  /** Until then its bridge's claim (print:claim) holds the sweep off; null: never claimed (0011_shared_claims). */
  claimed_until: number | null;
}
export interface DeviceStatusTable {
  centre_id: string;
  bridge_id: string;
  device_id: string;
  kind: string;
  kiosk_id: string | null;
  status: string;
  detail: string | null;
  connected: Generated<number>;
  last_seen_at: number;
}

// 0005_ratings: what every column means is written there.
export interface RatingArmsTable {
  id: string;
  centre_id: string;
  counter_id: string;
  ticket_id: string;
  staff_id: string | null;
  service_id: string;
  business_day: string;
  scale: number;
  armed_at: number;
  closes_at: number;
  rated_at: number | null;
}
export interface RatingsTable {
  id: string;
  centre_id: string;
  ticket_id: string;
  counter_id: string;
  staff_id: string | null;
  service_id: string;
  business_day: string;
  level: number;
  scale: number;
  grade: string;
  satisfied: number;
  source: string;
  idempotency_key: string;
  pressed_at: number;
  created_at: number;
}
export interface RatingPressesTable {
  id: string;
  centre_id: string;
  counter_id: string;
  keypad_id: string | null;
  bridge_id: string | null;
  ticket_id: string | null;
  staff_id: string | null;
  source: string;
  level: number;
  outcome: string;
  idempotency_key: string;
  rating_id: string | null;
  pressed_at: number;
  received_at: number;
}

// 0006_report_rollups: '' stands for "no counter" / "no officer"; histograms are JSON text.
export interface ReportDailyTable {
  centre_id: string;
  business_day: string;
  service_id: string;
  counter_id: string;
  staff_id: string;
  issued: Generated<number>;
  served: Generated<number>;
  no_show: Generated<number>;
  transferred: Generated<number>;
  expired: Generated<number>;
  wait_n: Generated<number>;
  wait_sum_ms: Generated<number>;
  wait_max_ms: Generated<number>;
  wait_hist: Generated<string>;
  service_n: Generated<number>;
  service_sum_ms: Generated<number>;
  service_max_ms: Generated<number>;
  service_hist: Generated<string>;
}
export interface ReportHourlyTable {
  centre_id: string;
  business_day: string;
  service_id: string;
  hour: number;
  issued: Generated<number>;
}
export interface ReportRatingDailyTable {
  centre_id: string;
  business_day: string;
  staff_id: string;
  counter_id: string;
  service_id: string;
  grade: string;
  ratings: number;
}
export interface ReportRatingStateTable {
  centre_id: string;
  rolled_through: string;
}
export interface ReportRollupStateTable {
  centre_id: string;
  built_at: number;
}

// 0009_security_events: centre_id null when no account has the username tried.
export interface SecurityEventsTable {
  id: string;
  centre_id: string | null;
  at: number;
  kind: string;
  subject: string;
  username: string;
  address: string;
  failures: number;
  lock_ms: number;
}

// 0011_shared_claims: failed logins and the lock of one throttle key (`user:<name>`, `addr:<address>`).
export interface LoginThrottlesTable {
  key: string;
  failures: number;
  locked_until: number;
  last_failure_at: number;
}

// 0012_dossiers (issue #14): dossiers from the province's dossier system; the webhook outbox.
export interface DossiersTable {
  centre_id: string;
  code: string;
  service_id: string | null;
  state: string;
  due_date: string | null;
  return_counter_id: string | null;
  return_service_id: string | null;
  citizen_name: string | null;
  created_at: number;
  updated_at: number;
  returned_at: number | null;
  returned_by: string | null;
}
export interface WebhookDeliveriesTable {
  id: string;
  centre_id: string;
  kind: string;
  url: string;
  body: string;
  attempts: Generated<number>;
  created_at: number;
  next_attempt_at: number;
  delivered_at: number | null;
  gave_up_at: number | null;
  last_error: string | null;
  claim_until: number | null;
  claim_by: string | null;
}

// 0013_appointments (issue #14): booked slots; the migration documents every column.
export interface AppointmentsTable {
  id: string;
  centre_id: string;
  code: string;
  service_id: string;
  day: string;
  time: string;
  slot_at: number;
  state: string;
  name: string | null;
  phone: string | null;
  check_in_kind: string | null;
  checked_in_at: number | null;
  ticket_id: string | null;
  created_at: number;
  cancelled_at: number | null;
}

// 0014_alerts (issue #14): SLA alerts; the migration documents every column.
export interface AlertsTable {
  id: string;
  centre_id: string;
  kind: string;
  subject: string;
  service_id: string | null;
  counter_id: string | null;
  threshold: number;
  value: number;
  peak_value: number;
  over_count: number | null;
  raised_at: number;
  cleared_at: number | null;
}

// 0015_pairing_codes (issue #15): short one-time pairing codes; the migration documents every column.
export interface PairingCodesTable {
  id: string;
  centre_id: string;
  device_id: string;
  code_hash: string;
  sealed_token: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

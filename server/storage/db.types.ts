/** Row shapes as stored. Instants are epoch milliseconds, booleans 0/1, JSON as text: portable. */
export interface CentresTable {
  id: string;
  name_vi: string;
  name_en: string;
  time_zone: string;
  event_seq: number;
  /** Bumped with every change of the centre's configuration (0007_hot_path.ts). */
  config_version: number;
  /** CentreSettings as JSON; missing keys take their defaults. */
  settings: string;
}
export interface ServicesTable {
  centre_id: string;
  id: string;
  name_vi: string;
  name_en: string;
  numbering: string;
  sort_order: number;
  active: number;
}
export interface CountersTable {
  centre_id: string;
  id: string;
  number: number;
  active: number;
  status: string;
  held_by: string | null;
  opened_at: number | null;
  call_order: string;
}
export interface CounterServicesTable {
  centre_id: string;
  counter_id: string;
  service_id: string;
  position: number;
  weight: number;
}
export interface StaffTable {
  centre_id: string;
  id: string;
  name: string;
}
export interface NumberSequencesTable {
  centre_id: string;
  service_id: string;
  business_day: string;
  last_seq: number;
}
export interface TicketsTable {
  id: string;
  centre_id: string;
  /** The service that issued the number (never changes; numbering is unique per it). */
  service_id: string;
  /** The service whose queue the ticket is in: Ticket.serviceId (a transfer changes it). */
  queue_service_id: string;
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
  recall_count: number;
  target_counter_id: string | null;
  /** 1 when priority_group_id is set: the queue heads' index key. */
  is_priority: number;
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

export interface Database {
  counter_events: CounterEventsTable;
  centres: CentresTable;
  services: ServicesTable;
  counters: CountersTable;
  counter_services: CounterServicesTable;
  staff: StaffTable;
  number_sequences: NumberSequencesTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
}

/** Row shapes as stored. Instants are epoch milliseconds, booleans 0/1, JSON as text: portable. */
export interface CentresTable {
  id: string;
  name_vi: string;
  name_en: string;
  time_zone: string;
  event_seq: number;
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
}
export interface CounterServicesTable {
  centre_id: string;
  counter_id: string;
  service_id: string;
  position: number;
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
  service_id: string;
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
}

export interface Database {
  centres: CentresTable;
  services: ServicesTable;
  counters: CountersTable;
  counter_services: CounterServicesTable;
  staff: StaffTable;
  number_sequences: NumberSequencesTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
}

import {
  CentreSettingsSchema,
  type CallOrder,
  type Centre,
  type CentreSettings,
  type Counter,
  type CounterState,
  type CounterStatus,
  type Numbering,
  type Service,
  type Staff,
  type Ticket,
  type TicketState,
} from '../../protocol/index.ts';
import type { TicketEvent, ActorKind } from '../kernel/store.port.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Database } from './db.types.ts';

type Row<T extends keyof Database> = Selectable<Database[T]>;
type NewRow<T extends keyof Database> = Insertable<Database[T]>;

/** Translation between stored rows and protocol objects; nothing else. */
const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));
const iso = (n: number | null): string | null => (n === null ? null : new Date(Number(n)).toISOString());

export const centreFromRow = (r: Row<'centres'>): Centre => ({
  id: r.id,
  name: { vi: r.name_vi, en: r.name_en },
  timeZone: r.time_zone,
  ...(r.address ? { address: r.address } : {}),
});
export const centreToRow = (c: Centre): NewRow<'centres'> => ({
  id: c.id,
  name_vi: c.name.vi,
  name_en: c.name.en,
  time_zone: c.timeZone,
  address: c.address ?? '',
});

export const serviceFromRow = (r: Row<'services'>): Service => ({
  id: r.id,
  centreId: r.centre_id,
  name: { vi: r.name_vi, en: r.name_en },
  numbering: JSON.parse(r.numbering) as Numbering,
  sortOrder: r.sort_order,
  active: r.active === 1,
});
export const serviceToRow = (s: Service): NewRow<'services'> => ({
  centre_id: s.centreId,
  id: s.id,
  name_vi: s.name.vi,
  name_en: s.name.en,
  numbering: JSON.stringify(s.numbering),
  sort_order: s.sortOrder,
  active: s.active ? 1 : 0,
});

export const counterFromRow = (r: Row<'counters'>, services: { service_id: string; weight: number }[]): Counter => ({
  id: r.id,
  centreId: r.centre_id,
  number: r.number,
  serviceIds: services.map((s) => s.service_id),
  callOrder: r.call_order as CallOrder,
  weights: Object.fromEntries(services.filter((s) => s.weight !== 1).map((s) => [s.service_id, s.weight])),
  active: r.active === 1,
});

export const counterStateFromRow = (r: Pick<Row<'counters'>, 'status' | 'held_by' | 'opened_at'>): CounterState => ({
  status: r.status as CounterStatus,
  staffId: r.held_by,
  openedAt: iso(r.opened_at),
});

/** Stored settings are parsed with defaults, so a row written by an older version stays valid. */
export const settingsFromRow = (json: string): CentreSettings => CentreSettingsSchema.parse(JSON.parse(json || '{}'));

export const staffFromRow = (r: Row<'staff'>): Staff => ({ id: r.id, centreId: r.centre_id, name: r.name });

export const ticketFromRow = (r: Row<'tickets'>): Ticket => ({
  id: r.id,
  centreId: r.centre_id,
  serviceId: r.queue_service_id,
  businessDay: r.business_day,
  seq: r.seq,
  number: r.number,
  state: r.state as TicketState,
  issuedAt: iso(r.issued_at)!,
  calledAt: iso(r.called_at),
  servingAt: iso(r.serving_at),
  finishedAt: iso(r.finished_at),
  counterId: r.counter_id,
  staffId: r.staff_id,
  priorityGroupId: r.priority_group_id,
  recallCount: r.recall_count,
  targetCounterId: r.target_counter_id,
  // Only result-return tickets carry them (issue #14).
  ...(!r.dossier_code ? {} : { dossierCode: r.dossier_code, dossierUnverified: r.dossier_unverified === 1 }),
  // Only tickets issued at an appointment's check-in carry them (issue #14).
  ...(r.appointment_id ? { appointmentId: r.appointment_id } : {}),
  ...(r.appointment_at !== null && r.appointment_at !== undefined ? { appointmentAt: iso(r.appointment_at)! } : {}),
});
export const ticketToRow = (t: Ticket): NewRow<'tickets'> => ({
  id: t.id,
  centre_id: t.centreId,
  service_id: t.serviceId,
  queue_service_id: t.serviceId,
  business_day: t.businessDay,
  seq: t.seq,
  number: t.number,
  state: t.state,
  issued_at: ms(t.issuedAt)!,
  called_at: ms(t.calledAt),
  serving_at: ms(t.servingAt),
  finished_at: ms(t.finishedAt),
  counter_id: t.counterId,
  staff_id: t.staffId,
  priority_group_id: t.priorityGroupId,
  recall_count: t.recallCount,
  target_counter_id: t.targetCounterId,
  is_priority: t.priorityGroupId === null ? 0 : 1,
  dossier_code: t.dossierCode ?? null,
  dossier_unverified: t.dossierUnverified ? 1 : 0,
  appointment_id: t.appointmentId ?? null,
  appointment_at: t.appointmentAt ? ms(t.appointmentAt) : null,
});

export const eventFromRow = (r: Row<'ticket_events'>): TicketEvent => ({
  id: r.id,
  centreId: r.centre_id,
  ticketId: r.ticket_id,
  seq: Number(r.seq),
  at: iso(r.at)!,
  actorKind: r.actor_kind as ActorKind,
  actorId: r.actor_id,
  fromState: r.from_state as TicketState | null,
  toState: r.to_state as TicketState,
  counterId: r.counter_id,
  serviceId: r.service_id,
  detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
});
export const eventToRow = (e: TicketEvent): NewRow<'ticket_events'> => ({
  id: e.id,
  centre_id: e.centreId,
  ticket_id: e.ticketId,
  seq: e.seq,
  at: ms(e.at)!,
  actor_kind: e.actorKind,
  actor_id: e.actorId,
  from_state: e.fromState,
  to_state: e.toState,
  counter_id: e.counterId,
  service_id: e.serviceId,
  detail: e.detail ? JSON.stringify(e.detail) : null,
});

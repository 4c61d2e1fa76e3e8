import type { CentreSettings, Counter, Dossier, DossierState, DossierUpsertItem, Service } from '../../protocol/index.ts';
import type { DossierRecord } from './dossiers.port.ts';

/**
 * The dossier rules (issue #14), pure: what the dossier system may change, what a code at the
 * kiosk leads to, where a return ticket goes, and when an officer may hand a result over.
 */

/** What the configuration offers the rules: the centre's services and counters. */
export interface DossierRefs {
  services: readonly Pick<Service, 'id' | 'active'>[];
  counters: readonly Pick<Counter, 'id' | 'active' | 'serviceIds'>[];
}

/** Why an upsert row is refused (null: it is fine), in the words the API's error message and the CSV import show. */
export function refsProblem(item: Omit<DossierUpsertItem, 'code' | 'state'>, refs: DossierRefs): string | null {
  const service = (id: string) => refs.services.some((s) => s.id === id);
  if (item.serviceId && !service(item.serviceId)) return `no service "${item.serviceId}" in this centre`;
  if (item.returnServiceId && !service(item.returnServiceId)) return `no service "${item.returnServiceId}" (returnServiceId) in this centre`;
  if (item.returnCounterId && !refs.counters.some((c) => c.id === item.returnCounterId)) return `no counter "${item.returnCounterId}" in this centre`;
  return null;
}

/**
 * The stored dossier after the dossier system's upsert, or why not. The dossier system is the
 * source of truth for every state but one: a result handed over at the counter (`returned`) is
 * never taken back by a later upsert (a late or replayed message must not reopen it).
 */
export function applyUpsert(existing: DossierRecord | null, item: DossierUpsertItem, centreId: string, nowMs: number): DossierRecord | { problem: string } {
  if (existing?.state === 'returned' && item.state !== 'returned')
    return { problem: `dossier ${item.code} was already returned; it cannot become ${item.state}` };
  const returned = item.state === 'returned';
  return {
    centreId,
    code: item.code,
    serviceId: item.serviceId ?? null,
    state: item.state,
    dueDate: item.dueDate ?? null,
    returnCounterId: item.returnCounterId ?? null,
    returnServiceId: item.returnServiceId ?? null,
    citizenName: item.citizenName ?? null,
    createdAtMs: existing?.createdAtMs ?? nowMs,
    updatedAtMs: nowMs,
    // Returned by the dossier system itself (by post, say): when it told us; kept if already known.
    returnedAtMs: returned ? (existing?.returnedAtMs ?? nowMs) : null,
    returnedBy: returned ? (existing?.returnedBy ?? null) : null,
  };
}

/** A code twice in one batch is refused: which of the two would win is not the caller's to guess. */
export function duplicateCodes(items: readonly { code: string }[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { code } of items) (seen.has(code) ? twice : seen).add(code);
  return [...twice];
}

/** What a code at the kiosk leads to. */
export type ReturnDecision =
  | { kind: 'issue'; unverified: false; dossier: DossierRecord }
  | { kind: 'issue'; unverified: true }
  | { kind: 'not_ready'; dossier: DossierRecord }
  | { kind: 'already_returned'; dossier: DossierRecord }
  | { kind: 'unknown' };

const NOT_READY: readonly DossierState[] = ['received', 'in_progress'];

export function decideReturn(dossier: DossierRecord | null, settings: Pick<CentreSettings, 'unknownDossier'>): ReturnDecision {
  if (!dossier) return settings.unknownDossier === 'issue-flagged' ? { kind: 'issue', unverified: true } : { kind: 'unknown' };
  if (NOT_READY.includes(dossier.state)) return { kind: 'not_ready', dossier };
  if (dossier.state === 'returned') return { kind: 'already_returned', dossier };
  return { kind: 'issue', unverified: false, dossier };
}

/**
 * The queue a return ticket joins: the dossier's return counter (the ticket is sent to it, so only
 * it calls the ticket) in the dossier's return service, else the centre's `dossierReturnServiceId`,
 * else the counter's first service; without a counter, the return service's queue. Null: no active
 * queue can take it (the kiosk says so; docs/dossiers.md).
 */
export function returnQueue(
  dossier: Pick<DossierRecord, 'returnCounterId' | 'returnServiceId'> | null,
  settings: Pick<CentreSettings, 'dossierReturnServiceId'>,
  refs: DossierRefs,
): { serviceId: string; targetCounterId: string | null } | null {
  const activeService = (id: string | null | undefined) => (id && refs.services.some((s) => s.id === id && s.active) ? id : null);
  const counter = dossier?.returnCounterId ? refs.counters.find((c) => c.id === dossier.returnCounterId && c.active) : undefined;
  const serviceId =
    activeService(dossier?.returnServiceId) ??
    activeService(settings.dossierReturnServiceId) ??
    (counter ? activeService(counter.serviceIds.find((id) => activeService(id))) : null);
  if (!serviceId) return null;
  return { serviceId, targetCounterId: counter?.id ?? null };
}

/** Whether an officer may hand the result over now, or the error code that says why not. */
export function returnRefusal(dossier: DossierRecord): 'dossier.already_returned' | 'dossier.not_ready' | null {
  if (dossier.state === 'returned') return 'dossier.already_returned';
  if (dossier.state !== 'ready') return 'dossier.not_ready';
  return null;
}

export function markReturned(dossier: DossierRecord, staffId: string, nowMs: number): DossierRecord {
  return { ...dossier, state: 'returned', returnedAtMs: nowMs, returnedBy: staffId, updatedAtMs: nowMs };
}

export const dossierView = (d: DossierRecord): Dossier => ({
  centreId: d.centreId,
  code: d.code,
  state: d.state,
  serviceId: d.serviceId,
  dueDate: d.dueDate,
  returnCounterId: d.returnCounterId,
  returnServiceId: d.returnServiceId,
  citizenName: d.citizenName,
  createdAt: new Date(d.createdAtMs).toISOString(),
  updatedAt: new Date(d.updatedAtMs).toISOString(),
  returnedAt: d.returnedAtMs === null ? null : new Date(d.returnedAtMs).toISOString(),
  returnedBy: d.returnedBy,
});

import { expect } from 'vitest';
import { AppError, errorStatus, type CentreSettings, type CounterState, type ErrorCode, type Ticket, type TicketState } from '../../../protocol/index.ts';
import { openCounter } from '../../../server/counters/counters.usecases.ts';
import type { StaffActor } from '../../../server/kernel/ports.ts';
import type { Store, TicketEvent } from '../../../server/kernel/store.port.ts';
import { HCM, LAN } from '../../fixtures/centres.ts';
import type { TestDeps } from '../../helpers/deps.ts';

export const ALL_STATES: TicketState[] = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'expired'];

/** The input of a counter action at `counterId` of `hcm`, by `actor` (Lan unless told). */
export const at = <T extends object = object>(counterId: string, actor: StaffActor = LAN, extra?: T) => ({
  centreId: HCM,
  counterId,
  actor,
  ...(extra ?? ({} as T)),
});

/** Opens the counters for their officers, in order: `[['quay-1', LAN], ['quay-4', HUNG]]`. */
export async function open(deps: TestDeps, ...pairs: [string, StaffActor][]): Promise<void> {
  for (const [counterId, actor] of pairs) await openCounter(deps, at(counterId, actor));
}

export async function setSettings(deps: TestDeps, change: Partial<CentreSettings>, centreId = HCM): Promise<void> {
  const settings = await deps.store.getSettings(centreId);
  await deps.store.runInTx({ centreId }, (tx) => tx.saveSettings(centreId, { ...settings, ...change }));
}

export interface FullState {
  seq: number;
  tickets: Ticket[];
  events: TicketEvent[];
  waiting: Record<string, number>;
  counters: Record<string, CounterState>;
  current: Record<string, Ticket | null>;
  settings: CentreSettings;
}

/** Everything the store can tell about a centre on the given days, in every ticket state. */
export async function fullState(store: Store, centreId: string, days: string[]): Promise<FullState> {
  const tickets = (await Promise.all(days.map((d) => store.listTickets(centreId, d, ALL_STATES)))).flat();
  const events = (await Promise.all(tickets.map((t) => store.listTicketEvents(t.id)))).flat().sort((a, b) => a.seq - b.seq);
  const current: Record<string, Ticket | null> = {};
  for (const c of await store.listCounters(centreId)) current[c.id] = await store.currentTicketAt(centreId, c.id);
  return {
    seq: await store.currentSeq(centreId),
    tickets,
    events,
    waiting: await store.waitingCounts(centreId),
    counters: await store.listCounterStates(centreId),
    current,
    settings: await store.getSettings(centreId),
  };
}

/**
 * Runs a request that must be refused and proves it changed nothing: tickets, audit trail,
 * sequence, waiting counts, counter states and settings of every named centre, nothing
 * published and no id drawn.
 */
export async function expectRejected(
  deps: TestDeps,
  run: () => Promise<unknown>,
  code: ErrorCode,
  scope: { centres?: string[]; days: string[] },
): Promise<AppError> {
  const centres = scope.centres ?? [HCM];
  const snap = () => Promise.all(centres.map((c) => fullState(deps.store, c, scope.days)));
  const before = await snap();
  const facts = deps.notifier.facts.length;
  const idsDrawn = deps.ids.issued.length;
  const error = await run().then(
    (value) => {
      throw new Error(`expected ${code}, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).status).toBe(errorStatus[code]);
  expect((error as AppError).message.length).toBeGreaterThan(0);
  expect(await snap()).toEqual(before);
  expect(deps.notifier.facts.length).toBe(facts);
  expect(deps.ids.issued.length).toBe(idsDrawn);
  return error as AppError;
}

/** Ids of the tickets that moved waiting → called, in the order the audit trail recorded it. */
export function callsInTrail(events: TicketEvent[]): string[] {
  return events.filter((e) => e.fromState === 'waiting' && e.toState === 'called').map((e) => e.ticketId);
}

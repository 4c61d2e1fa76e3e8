import type { Call, Counter, CounterState, CounterView, Service, Snapshot, Ticket } from '../../../protocol/index.ts';
import { DEFAULT_PRIORITY_GROUPS, defaultDisplaySettings } from '../../../protocol/index.ts';

/** Small, schema-valid centre data for the front-end logic tests. */
export const DAY = '2026-11-23';

const service = (id: string, prefix: string, sortOrder: number): Service => ({
  id,
  centreId: 'demo',
  name: { vi: `Lĩnh vực ${prefix}`, en: `Service ${prefix}` },
  numbering: { mode: 'prefix', prefix, digits: 3 },
  sortOrder,
  active: true,
});

const counter = (n: number, serviceIds: string[]): Counter => ({
  id: `quay-${n}`,
  centreId: 'demo',
  number: n,
  serviceIds,
  callOrder: 'fifo',
  weights: {},
  active: true,
});

export const services = [service('a', 'A', 1), service('b', 'B', 2)];
export const counters = [counter(1, ['a']), counter(2, ['a', 'b'])];

export function ticket(overrides: Partial<Ticket> & Pick<Ticket, 'id' | 'number'>): Ticket {
  return {
    centreId: 'demo',
    serviceId: 'a',
    businessDay: DAY,
    seq: 1,
    state: 'waiting',
    issuedAt: '2026-11-23T01:00:00.000Z',
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counterId: null,
    staffId: null,
    priorityGroupId: null,
    recallCount: 0,
    targetCounterId: null,
    ...overrides,
  };
}

/** The ticket as called to `counterNumber`, and the call the server publishes with it. */
export function called(t: Ticket, counterNumber: number, calledAt: string, recall = false): { ticket: Ticket; call: Call } {
  const counterId = `quay-${counterNumber}`;
  const next: Ticket = { ...t, state: 'called', calledAt, counterId, recallCount: recall ? t.recallCount + 1 : 0 };
  return {
    ticket: next,
    call: { ticketId: t.id, number: t.number, serviceId: t.serviceId, counterId, counterNumber, calledAt, recall },
  };
}

export const CLOSED: CounterState = { status: 'closed', staffId: null, openedAt: null };

/** A counter as held by `staffId` (open or paused since 08:00 local). */
export function held(n: number, staffId: string, status: 'open' | 'paused' = 'open', current: Ticket | null = null): CounterView {
  const c = counters.find((x) => x.number === n) ?? counter(n, ['a']);
  return { counter: c, state: { status, staffId, openedAt: '2026-11-23T01:00:00.000Z' }, current };
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 5,
    businessDay: DAY,
    centre: { id: 'demo', name: { vi: 'Trung tâm', en: 'Centre' }, timeZone: 'Asia/Ho_Chi_Minh' },
    services,
    counters: counters.map((c) => ({ counter: c, state: CLOSED, current: null })),
    waiting: { a: 2, b: 0 },
    estimates: { a: null, b: null },
    priorityGroups: DEFAULT_PRIORITY_GROUPS,
    recentCalls: [],
    parked: [],
    display: defaultDisplaySettings(),
    ...overrides,
  };
}

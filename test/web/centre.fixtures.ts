import type { Call, Counter, Service, Snapshot, Ticket } from '../../protocol/index.ts';

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
    ...overrides,
  };
}

/** The ticket as called to `counterNumber`, and the call the server publishes with it. */
export function called(t: Ticket, counterNumber: number, calledAt: string): { ticket: Ticket; call: Call } {
  const counterId = `quay-${counterNumber}`;
  const next: Ticket = { ...t, state: 'called', calledAt, counterId };
  return {
    ticket: next,
    call: { ticketId: t.id, number: t.number, serviceId: t.serviceId, counterId, counterNumber, calledAt },
  };
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 5,
    businessDay: DAY,
    centre: { id: 'demo', name: { vi: 'Trung tâm', en: 'Centre' }, timeZone: 'Asia/Ho_Chi_Minh' },
    services,
    counters: counters.map((c) => ({ counter: c, current: null })),
    waiting: { a: 2, b: 0 },
    recentCalls: [],
    ...overrides,
  };
}

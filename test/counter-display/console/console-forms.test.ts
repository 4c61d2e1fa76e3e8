import { describe, expect, it } from 'vitest';
import { grantBody, normalizeNumber, parkedForCounter, transferBody, transferCounters } from '../../../counter-display/console/console-forms.ts';
import { counters, ticket } from '../../web-shared/client/centre.fixtures.ts';

describe('normalizeNumber', () => {
  it('reads what an officer types as a printed number', () => {
    expect(normalizeNumber(' a025 ')).toBe('A025');
    expect(normalizeNumber('b 4')).toBe('B4');
    expect(normalizeNumber('1025')).toBe('1025');
  });
  it('refuses what cannot be a number', () => {
    for (const bad of ['', '  ', 'ABC1', 'A', 'A-1', '1234567']) expect(normalizeNumber(bad), bad).toBeNull();
  });
});

describe('transferBody', () => {
  const t = ticket({ id: 't1', number: 'A001', serviceId: 'a', state: 'serving', counterId: 'quay-1' });
  it('sends to another service, a counter, or both, naming the ticket', () => {
    expect(transferBody(t, 'b', null)).toEqual({ ticketId: 't1', toServiceId: 'b' });
    expect(transferBody(t, null, 'quay-2')).toEqual({ ticketId: 't1', toCounterId: 'quay-2' });
    expect(transferBody(t, 'b', 'quay-2')).toEqual({ ticketId: 't1', toServiceId: 'b', toCounterId: 'quay-2' });
  });
  it('refuses a transfer that changes nothing', () => {
    expect(transferBody(t, null, null)).toBeNull();
    expect(transferBody(t, 'a', null)).toBeNull();
    expect(transferBody(t, 'a', 'quay-2')).toEqual({ ticketId: 't1', toCounterId: 'quay-2' });
  });
});

describe('transferCounters', () => {
  it('lists counters in use that serve the service, not this one', () => {
    expect(transferCounters(counters, 'quay-1', 'a').map((c) => c.id)).toEqual(['quay-2']);
    expect(transferCounters(counters, 'quay-2', 'b')).toEqual([]);
    const off = counters.map((c) => ({ ...c, active: false }));
    expect(transferCounters(off, 'quay-9', 'a')).toEqual([]);
  });
});

describe('grantBody', () => {
  it('needs a number, a group and a reason of three characters or more', () => {
    expect(grantBody(' a7 ', 'nguoi-cao-tuoi', '  Cụ 80 tuổi ')).toEqual({ number: 'A7', priorityGroupId: 'nguoi-cao-tuoi', reason: 'Cụ 80 tuổi' });
    expect(grantBody('A7', 'nguoi-cao-tuoi', ' ab ')).toBeNull();
    expect(grantBody('A7', '', 'reason')).toBeNull();
    expect(grantBody('??', 'nguoi-cao-tuoi', 'reason')).toBeNull();
  });
});

describe('parkedForCounter', () => {
  it('lists the tickets parked here first, then its services, then the rest, oldest first', () => {
    const p = (id: string, serviceId: string, counterId: string, minute: number) =>
      ticket({ id, number: id, serviceId, counterId, state: 'parked', issuedAt: `2026-11-23T01:${String(minute).padStart(2, '0')}:00.000Z` });
    const list = [p('x', 'b', 'quay-2', 1), p('y', 'a', 'quay-2', 2), p('z', 'a', 'quay-1', 5), p('w', 'a', 'quay-1', 3)];
    expect(parkedForCounter(list, counters[0]!).map((t) => t.id)).toEqual(['w', 'z', 'y', 'x']);
  });
});

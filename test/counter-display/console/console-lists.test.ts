import { describe, expect, it } from 'vitest';
import { parkedRows, waitingRows, waitingTotal } from '../../../counter-display/console/console-lists.ts';
import { counters, services, ticket } from '../../web-shared/client/centre.fixtures.ts';

describe('waitingRows', () => {
  it('names each service with its count, zero when none wait, and adds them up', () => {
    expect(waitingRows(services, { b: 2 }, 'vi')).toEqual([
      { key: 'a', serviceId: 'a', label: 'Lĩnh vực A', figure: { kind: 'count', text: '0', testId: 'waiting-count' } },
      { key: 'b', serviceId: 'b', label: 'Lĩnh vực B', figure: { kind: 'count', text: '2', testId: 'waiting-count' } },
    ]);
    expect(waitingTotal(services, { a: 3, b: 2, other: 9 })).toBe(5);
    expect(waitingTotal([], { a: 3 })).toBe(0);
  });
});

describe('parkedRows', () => {
  const parked = ticket({ id: 'p1', number: 'A007', state: 'parked', counterId: 'quay-2' });

  it('shows the number, where it was set aside and a resume button naming the ticket', () => {
    expect(parkedRows([parked], services, counters, 'vi', true)).toEqual([
      {
        key: 'p1',
        testId: 'parked-ticket',
        ticketId: 'p1',
        number: 'A007',
        label: 'Lĩnh vực A · Quầy số 2',
        action: { name: 'resume-ticket', label: 'Tiếp tục', disabled: false },
      },
    ]);
  });

  it('disables the button when the counter may not resume, in either language', () => {
    expect(parkedRows([parked], services, counters, 'en', false)[0]!.action).toEqual({ name: 'resume-ticket', label: 'Resume', disabled: true });
  });

  it('leaves out what it cannot name', () => {
    const lost = { ...parked, serviceId: 'gone', counterId: 'quay-9' };
    expect(parkedRows([lost], services, counters, 'vi', true)[0]!.label).toBe('');
    expect(parkedRows([{ ...parked, serviceId: 'gone' }], services, counters, 'vi', true)[0]!.label).toBe('Quầy số 2');
  });
});

import { describe, expect, it } from 'vitest';
import type { Service } from '../../../protocol/index.ts';
import { previousCallRows, queueRows } from '../../../counter-display/display/display-lists.ts';
import { called, services, ticket } from '../../web-shared/client/centre.fixtures.ts';

describe('previousCallRows', () => {
  const a1 = called(ticket({ id: 't1', number: 'A001' }), 3, '2026-11-23T02:05:00.000Z').call;
  const b1 = called(ticket({ id: 't2', number: 'B001', serviceId: 'b' }), 1, '2026-11-23T02:07:00.000Z').call;

  it('shows each call as number, counter and the time in the centre’s zone, in the order given', () => {
    expect(previousCallRows([b1, a1], 'vi', 'Asia/Ho_Chi_Minh')).toEqual([
      { key: 't2@2026-11-23T02:07:00.000Z', testId: 'previous-call', number: 'B001', label: 'Quầy số 1', figure: { kind: 'time', text: '09:07' } },
      { key: 't1@2026-11-23T02:05:00.000Z', testId: 'previous-call', number: 'A001', label: 'Quầy số 3', figure: { kind: 'time', text: '09:05' } },
    ]);
    expect(previousCallRows([a1], 'en', 'UTC')[0]).toMatchObject({ label: 'Counter 3', figure: { text: '02:05' } });
  });

  it('keeps a recall of the same ticket apart from its first call', () => {
    const again = called(ticket({ id: 't1', number: 'A001' }), 3, '2026-11-23T02:09:00.000Z', true).call;
    const keys = previousCallRows([again, a1], 'vi', 'UTC').map((r) => r.key);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('queueRows', () => {
  it('gives each service its mark, name and count, zero when none wait', () => {
    expect(queueRows(services, { a: 4 }, 'vi')).toEqual([
      { key: 'a', testId: 'service-waiting', serviceId: 'a', number: 'A', label: 'Lĩnh vực A', figure: { kind: 'count', text: '4' } },
      { key: 'b', testId: 'service-waiting', serviceId: 'b', number: 'B', label: 'Lĩnh vực B', figure: { kind: 'count', text: '0' } },
    ]);
  });

  it('marks a numbered service by the start of its band and names it in the page’s language', () => {
    const band: Service = { ...services[0]!, id: 'so', numbering: { mode: 'band', start: 1001, end: 1999 } };
    expect(queueRows([band], {}, 'en')[0]).toMatchObject({ number: '1001…', label: 'Service A' });
  });
});

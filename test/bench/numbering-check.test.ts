import { describe, expect, it } from 'vitest';
import { checkNumbering } from './numbering-check.ts';

const t = (serviceId: string, seq: number, businessDay = '2025-07-01') => ({ serviceId, businessDay, seq, number: `${serviceId}${seq}` });
const queue = (serviceId: string, count: number, duplicates: number, contiguous: boolean, businessDay = '2025-07-01') => ({
  serviceId,
  businessDay,
  count,
  duplicates,
  contiguous,
});

describe('checkNumbering', () => {
  it('accepts distinct, gap-free numbers per service in any order', () => {
    const result = checkNumbering([t('A', 2), t('B', 1), t('A', 1), t('A', 3)]);
    expect(result).toEqual({ ok: true, queues: [queue('A', 3, 0, true), queue('B', 1, 0, true)] });
  });

  it('flags a number handed out twice', () => {
    const result = checkNumbering([t('A', 1), t('A', 2), t('A', 2)]);
    expect(result).toEqual({ ok: false, queues: [queue('A', 3, 1, false)] });
  });

  it('flags a skipped number', () => {
    const result = checkNumbering([t('A', 1), t('A', 3)]);
    expect(result).toEqual({ ok: false, queues: [queue('A', 2, 0, false)] });
  });

  it('lets numbering restart on a new business day', () => {
    const result = checkNumbering([t('A', 1), t('A', 2), t('A', 1, '2025-07-02')]);
    expect(result.ok).toBe(true);
    expect(result.queues).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { readPageParams } from '../../../web-shared/client/page-params.ts';

describe('readPageParams', () => {
  it('defaults to the first centre, Vietnamese and no return override', () => {
    expect(readPageParams('')).toEqual({ centre: null, lang: 'vi', returnSeconds: null, counter: null });
  });

  it('reads centre, lang and return', () => {
    expect(readPageParams('?centre=demo&lang=en&return=15&counter=quay-3')).toEqual({
      centre: 'demo',
      lang: 'en',
      returnSeconds: 15,
      counter: 'quay-3',
    });
  });

  it('ignores a return that is not a positive number and caps a huge one', () => {
    for (const bad of ['', 'abc', '0', '-3']) expect(readPageParams(`?return=${bad}`).returnSeconds).toBeNull();
    expect(readPageParams('?return=999999').returnSeconds).toBe(3600);
  });
});

import { describe, expect, it } from 'vitest';
import type { Numbering } from '../../../protocol/index.ts';
import { capacity, displayNumber } from '../../../server/queue/numbering.ts';

const prefixA: Numbering = { mode: 'prefix', prefix: 'A', digits: 3 };
const band1000: Numbering = { mode: 'band', start: 1001, end: 1999 };

describe('prefix numbering', () => {
  it('is the prefix followed by the zero-padded sequence', () => {
    expect(displayNumber(prefixA, 1)).toBe('A001');
    expect(displayNumber(prefixA, 25)).toBe('A025');
    expect(displayNumber(prefixA, 999)).toBe('A999');
  });

  it('grows past the padding instead of wrapping', () => {
    expect(displayNumber(prefixA, 1000)).toBe('A1000');
    expect(displayNumber(prefixA, 12345)).toBe('A12345');
  });

  it('honours the digits setting and two-letter prefixes', () => {
    expect(displayNumber({ mode: 'prefix', prefix: 'B', digits: 1 }, 7)).toBe('B7');
    expect(displayNumber({ mode: 'prefix', prefix: 'B', digits: 1 }, 10)).toBe('B10');
    expect(displayNumber({ mode: 'prefix', prefix: 'HT', digits: 4 }, 42)).toBe('HT0042');
    expect(displayNumber({ mode: 'prefix', prefix: 'C', digits: 5 }, 3)).toBe('C00003');
  });

  it('has no capacity limit', () => {
    expect(capacity(prefixA)).toBe(Infinity);
  });
});

describe('band numbering', () => {
  it('counts from the start of the band', () => {
    expect(displayNumber(band1000, 1)).toBe('1001');
    expect(displayNumber(band1000, 25)).toBe('1025');
    expect(displayNumber({ mode: 'band', start: 2001, end: 2999 }, 1)).toBe('2001');
  });

  it('has the size of the band as capacity and the last number at capacity', () => {
    expect(capacity(band1000)).toBe(999);
    expect(displayNumber(band1000, 999)).toBe('1999');
    expect(capacity({ mode: 'band', start: 7, end: 7 })).toBe(1);
    expect(displayNumber({ mode: 'band', start: 7, end: 7 }, 1)).toBe('7');
  });

  it('throws past the end of the band', () => {
    expect(() => displayNumber(band1000, 1000)).toThrow(RangeError);
    expect(() => displayNumber(band1000, 1000)).toThrow(/past the band/);
    expect(() => displayNumber({ mode: 'band', start: 7, end: 7 }, 2)).toThrow(RangeError);
  });
});

describe('sequence validation', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects seq %s in both modes', (seq) => {
    expect(() => displayNumber(prefixA, seq)).toThrow(RangeError);
    expect(() => displayNumber(band1000, seq)).toThrow(RangeError);
  });
});

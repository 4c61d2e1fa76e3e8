import { describe, expect, it } from 'vitest';
import { readDigits, readNumber } from '../../../../counter-display/display/announce/number-reading.ts';

const north = (n: number) => readNumber(n, { dialect: 'north' });
const south = (n: number) => readNumber(n, { dialect: 'south' });

describe('Vietnamese number reading', () => {
  // The cases named in issue #7, each checked by hand against standard usage.
  const cases: [number, string, string][] = [
    [0, 'không', 'không'],
    [1, 'một', 'một'],
    [5, 'năm', 'năm'],
    [10, 'mười', 'mười'],
    [11, 'mười một', 'mười một'],
    [14, 'mười bốn', 'mười bốn'],
    [15, 'mười lăm', 'mười lăm'],
    [21, 'hai mươi mốt', 'hai mươi mốt'],
    [24, 'hai mươi tư', 'hai mươi tư'],
    [25, 'hai mươi lăm', 'hai mươi lăm'],
    [101, 'một trăm linh một', 'một trăm lẻ một'],
    [105, 'một trăm linh năm', 'một trăm lẻ năm'],
    [110, 'một trăm mười', 'một trăm mười'],
    [1000, 'một nghìn', 'một ngàn'],
    [1005, 'một nghìn không trăm linh năm', 'một ngàn không trăm lẻ năm'],
    [1025, 'một nghìn không trăm hai mươi lăm', 'một ngàn không trăm hai mươi lăm'],
    [2024, 'hai nghìn không trăm hai mươi tư', 'hai ngàn không trăm hai mươi tư'],
    [9999, 'chín nghìn chín trăm chín mươi chín', 'chín ngàn chín trăm chín mươi chín'],
  ];
  it.each(cases)('%i → north "%s", south "%s"', (n, n1, s1) => {
    expect(north(n)).toBe(n1);
    expect(south(n)).toBe(s1);
  });

  it('reads the other edges: 20, 31, 55, 100, 115, 1010, 1100, 12345, 100005, 1000000', () => {
    expect(north(20)).toBe('hai mươi');
    expect(north(31)).toBe('ba mươi mốt');
    expect(north(55)).toBe('năm mươi lăm');
    expect(north(100)).toBe('một trăm');
    expect(north(115)).toBe('một trăm mười lăm');
    expect(north(1010)).toBe('một nghìn không trăm mười');
    expect(north(1100)).toBe('một nghìn một trăm');
    expect(north(12345)).toBe('mười hai nghìn ba trăm bốn mươi lăm');
    expect(north(100005)).toBe('một trăm nghìn không trăm linh năm');
    expect(north(1_000_000)).toBe('một triệu');
    expect(north(1_000_021)).toBe('một triệu không trăm hai mươi mốt');
  });

  it('"bốn" instead of "tư" when the centre prefers it, only where "tư" would be used', () => {
    expect(readNumber(24, { dialect: 'north', fourAsTu: false })).toBe('hai mươi bốn');
    expect(readNumber(14, { dialect: 'north', fourAsTu: true })).toBe('mười bốn');
    expect(readNumber(104, { dialect: 'north', fourAsTu: true })).toBe('một trăm linh bốn');
  });

  it('refuses what it cannot read', () => {
    expect(() => north(-1)).toThrow(RangeError);
    expect(() => north(1.5)).toThrow(RangeError);
  });

  it('reads digit by digit when asked', () => {
    expect(readDigits('1025')).toBe('một không hai năm');
    expect(readDigits('A025')).toBe('không hai năm');
  });
});

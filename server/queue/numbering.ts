import type { Numbering } from '../../protocol/index.ts';

/** How many numbers a service can hand out in one business day, or Infinity. */
export function capacity(numbering: Numbering): number {
  return numbering.mode === 'band' ? numbering.end - numbering.start + 1 : Infinity;
}

/**
 * The display number of the `seq`-th ticket (1-based) of a service's day.
 * Prefix: A + zero-padded seq (A001; grows past the padding rather than wrapping: A1000).
 * Band: start + seq - 1 (1001, 1002 …); a full band has no next number, see `capacity`.
 */
export function displayNumber(numbering: Numbering, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`seq must be ≥ 1, got ${seq}`);
  if (numbering.mode === 'prefix') {
    return numbering.prefix + String(seq).padStart(numbering.digits, '0');
  }
  if (seq > capacity(numbering)) throw new RangeError(`seq ${seq} is past the band`);
  return String(numbering.start + seq - 1);
}

import type { Numbering } from '../../protocol/index.ts';

/**
 * Can two numbering schemes show the same number (issue #10: "B001" announced to two citizens)?
 * Exact, not heuristic: each scheme is the set of strings `displayNumber` can produce on any day,
 * and two schemes collide when those sets intersect.
 *
 * A prefix scheme (p, w) produces p + d where d is n ≥ 1 zero-padded to w digits, growing past the
 * padding without leading zeros: d has exactly w digits and is not all zeros, or more than w
 * digits and does not start with 0. A band produces the decimal numbers start..end.
 * (Prefixes are letters today, see NumberingSchema; the rule also holds for digits or none.)
 */
export function numberingsCollide(a: Numbering, b: Numbering): boolean {
  if (a.mode === 'band' && b.mode === 'band') return a.start <= b.end && b.start <= a.end;
  if (a.mode === 'prefix' && b.mode === 'prefix') return prefixesCollide(a.prefix, a.digits, b.prefix, b.digits);
  const [prefix, band] = a.mode === 'prefix' ? [a, b as Extract<Numbering, { mode: 'band' }>] : [b as Extract<Numbering, { mode: 'prefix' }>, a];
  return prefixMeetsBand(prefix.prefix, prefix.digits, band.start, band.end);
}

const DIGITS = /^[0-9]*$/;

/**
 * p1 + d1 = p2 + d2 with |p1| ≤ |p2| needs p2 = p1 + r, r all digits, and d1 = r + d2.
 * r empty (same prefix): d = 1 followed by max(w1, w2) − 1 zeros is in both, always a collision.
 * Otherwise d1 = r + d2 is valid for (p1, w1) either at its exact width (|r| + |d2| = w1 with
 * |d2| ≥ w2, so |r| + w2 ≤ w1: "A" 3 digits and "A0" 2 digits both give A001) or past it
 * (r must not start with 0: "A" and "A1" give A11 and A1 + 1).
 */
function prefixesCollide(p1: string, w1: number, p2: string, w2: number): boolean {
  if (p1.length > p2.length) return prefixesCollide(p2, w2, p1, w1);
  if (!p2.startsWith(p1)) return false;
  const r = p2.slice(p1.length);
  if (r === '') return true;
  if (!DIGITS.test(r)) return false;
  return r[0] !== '0' || r.length + w2 <= w1;
}

/** Largest band number (NumberingSchema): its decimal form has at most this many digits. */
const MAX_BAND_DIGITS = 6;

/**
 * A band's numbers are digit strings without leading zeros, so only a prefix of digits (or none)
 * can meet them. For each length k of d, the numbers p + d form one interval: at k = w, d runs
 * over 0…01..9…9 (1..9…9 without a prefix: the number itself has no leading zero); past w, d
 * runs over 10…0..9…9.
 */
function prefixMeetsBand(prefix: string, digits: number, start: number, end: number): boolean {
  if (!DIGITS.test(prefix) || prefix.startsWith('0')) return false;
  const head = prefix === '' ? 0 : Number(prefix);
  const longest = Math.max(MAX_BAND_DIGITS, String(end).length) - prefix.length;
  for (let k = digits; k <= longest; k++) {
    const base = head * 10 ** k;
    const lo = base + (k === digits && prefix !== '' ? 1 : 10 ** (k - 1));
    const hi = base + 10 ** k - 1;
    if (lo <= end && start <= hi) return true;
  }
  return false;
}

/** The first other active service whose numbers can collide with `numbering`, if any. */
export function numberingConflict<S extends { id: string; active: boolean; numbering: Numbering }>(
  numbering: Numbering,
  serviceId: string,
  others: readonly S[],
): S | undefined {
  return others.find((o) => o.id !== serviceId && o.active && numberingsCollide(numbering, o.numbering));
}

import { describe, expect, it } from 'vitest';
import { take, type Bucket } from '../../../server/queue/rate-limit.ts';

const rule = { burst: 3, perMinute: 6 }; // one token every 10 s

/** Takes at each instant in turn and returns what was allowed, with the last bucket. */
function takes(times: number[], start?: Bucket) {
  let bucket = start;
  const out = times.map((t) => {
    const r = take(bucket, rule, t);
    bucket = r.bucket;
    return r;
  });
  return { results: out, bucket };
}

describe('the kiosk token bucket', () => {
  it('a new kiosk may issue `burst` tickets back to back, then waits for a token', () => {
    const { results } = takes([0, 0, 0, 0]);
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.bucket.tokens)).toEqual([2, 1, 0, 0]);
    // One token takes 60 000 ÷ 6 = 10 000 ms.
    expect(results[3]!.retryAfterMs).toBe(10_000);
    expect(results.slice(0, 3).every((r) => r.retryAfterMs === 0)).toBe(true);
  });

  it('refills at perMinute: one more after 10 s, not before', () => {
    const empty: Bucket = { tokens: 0, updatedAtMs: 0 };
    expect(take(empty, rule, 9_999).allowed).toBe(false);
    expect(take(empty, rule, 10_000)).toEqual({ allowed: true, bucket: { tokens: 0, updatedAtMs: 10_000 }, retryAfterMs: 0 });
  });

  it('tells how long until the next token from a partial one', () => {
    // 5 s after empty: half a token; the other half takes 5 s more.
    const r = take({ tokens: 0, updatedAtMs: 0 }, rule, 5_000);
    expect(r).toEqual({ allowed: false, bucket: { tokens: 0.5, updatedAtMs: 5_000 }, retryAfterMs: 5_000 });
    // A refused attempt does not lose what was refilled: at 10 s the token is whole.
    expect(take(r.bucket, rule, 10_000).allowed).toBe(true);
  });

  it('never holds more than `burst`, however long the kiosk was idle', () => {
    const r = take({ tokens: 1, updatedAtMs: 0 }, rule, 24 * 3_600_000);
    expect(r.bucket.tokens).toBe(2);
    const { results } = takes([1e9, 1e9, 1e9, 1e9], { tokens: 0, updatedAtMs: 0 });
    expect(results.map((x) => x.allowed)).toEqual([true, true, true, false]);
  });

  it('sustains perMinute: a stuck kiosk pressing every second gets perMinute a minute after its burst', () => {
    // 15 a minute: a quarter token a second, exact in binary, so the count is exact too.
    const steady = { burst: 3, perMinute: 15 };
    let bucket: Bucket | undefined;
    let allowed = 0;
    for (let s = 0; s <= 120; s++) {
      const r = take(bucket, steady, s * 1000);
      bucket = r.bucket;
      if (r.allowed) allowed++;
    }
    // 3 at once, then one every 4 s: at 4 s, 8 s … 120 s.
    expect(allowed).toBe(3 + 30);
  });

  it('a clock going backwards refills nothing', () => {
    const r = take({ tokens: 0.2, updatedAtMs: 50_000 }, rule, 40_000);
    expect(r.allowed).toBe(false);
    expect(r.bucket.tokens).toBeCloseTo(0.2);
  });
});

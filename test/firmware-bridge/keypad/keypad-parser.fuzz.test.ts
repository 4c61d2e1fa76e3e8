import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeypadParser } from '../../../firmware-bridge/keypad/keypad-parser.ts';
import { MAX_FRAME, type AnyMessage } from '../../../firmware-bridge/keypad/keypad-protocol.ts';
import { frame } from './keypad.fixtures.ts';

/**
 * Whatever arrives on the line, the parser never throws, never holds more than one frame, and
 * noise never turns into a press: only frames with the right checksum and fields come out.
 */
function run(chunks: Uint8Array[]): { out: AnyMessage[]; parser: KeypadParser } {
  const parser = new KeypadParser();
  const out: AnyMessage[] = [];
  parser.on('data', (m: AnyMessage) => out.push(m));
  for (const c of chunks) parser.write(Buffer.from(c));
  return { out, parser };
}

/** Line noise: random bytes, with the framing characters over-represented so frames start and end often. */
const noiseByte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x24, 0x2a, 0x2c, 0x0d, 0x0a, 0x50, 0x52));
const noise = fc.array(fc.uint8Array({ minLength: 0, maxLength: 64 }), { maxLength: 40 });
const framedNoise = fc.array(
  fc.array(noiseByte, { maxLength: 120 }).map((a) => Uint8Array.from(a)),
  { maxLength: 30 },
);

describe('KeypadParser under random bytes', () => {
  it('never crashes and never yields a press from noise', () => {
    fc.assert(
      fc.property(fc.oneof(noise, framedNoise), (chunks) => {
        const { out, parser } = run(chunks);
        expect(out.filter((m) => m.type === 'PRESS')).toEqual([]);
        const st = parser.stats;
        expect(st.messages).toBe(out.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('never yields a different press from a valid PRESS frame damaged by one flipped bit', () => {
    const good = Buffer.from(frame('PRESS,quay-3,5F2A91C0,17,2'), 'latin1');
    const original = run([good]).out;
    const star = good.indexOf('*');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: good.length - 3 }), fc.integer({ min: 0, max: 7 }), (at, bit) => {
        const bad = Buffer.from(good);
        bad[at] = bad[at]! ^ (1 << bit);
        const { out } = run([bad]);
        // A flip in the body is always caught (XOR catches every single-bit error); in the
        // checksum digits only a case change of a hex letter survives, and it means the same.
        if (at < star) expect(out.filter((m) => m.type === 'PRESS')).toEqual([]);
        else expect([[], original]).toContainEqual(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every valid frame among noise that has no $ in it, however it is chunked', () => {
    const quiet = fc.uint8Array({ maxLength: 40 }).map((a) => Uint8Array.from(a.filter((b) => b !== 0x24)));
    const press = fc.record({ seq: fc.integer({ min: 1, max: 999_999 }), level: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(fc.tuple(quiet, press), { maxLength: 10 }), fc.integer({ min: 1, max: 97 }), (parts, chunk) => {
        const bytes = Buffer.concat(parts.flatMap(([q, p]) => [Buffer.from(q), Buffer.from(frame(`PRESS,k1,AB,${p.seq},${p.level}`), 'latin1')]));
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
        const { out } = run(chunks);
        expect(out.map((m) => (m.type === 'PRESS' ? [m.seq, m.level] : null))).toEqual(parts.map(([, p]) => [p.seq, p.level]));
      }),
      { numRuns: 1000 },
    );
  });

  it('holds at most one frame of bytes whatever it is fed', () => {
    const parser = new KeypadParser();
    parser.write(Buffer.alloc(100_000, 0x41));
    parser.write(Buffer.from('$'));
    parser.write(Buffer.alloc(100_000, 0x41));
    expect((parser as unknown as { frame: Buffer }).frame.length).toBe(MAX_FRAME);
    expect(parser.stats.dropped.overlong).toBe(1);
  });
});

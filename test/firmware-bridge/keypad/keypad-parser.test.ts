import { describe, expect, it } from 'vitest';
import { KeypadParser, type DropReason } from '../../../firmware-bridge/keypad/keypad-parser.ts';
import { MAX_FRAME, type AnyMessage } from '../../../firmware-bridge/keypad/keypad-protocol.ts';

/** Byte fixtures, as a logic analyser would capture them at 9600 8N1. */
const PRESS = '$PRESS,quay-3,5F2A91C0,17,2,120*15\r\n';
const HELLO = '$HELLO,quay-3,5F2A91C0,1.0.2,4*3C\r\n';
const press17 = { type: 'PRESS', keypadId: 'quay-3', bootId: '5F2A91C0', seq: 17, level: 2, ageMs: 120 };
const hello = { type: 'HELLO', keypadId: 'quay-3', bootId: '5F2A91C0', firmware: '1.0.2', buttons: 4 };

/** Feeds the chunks in order; returns what came out and what was dropped. */
function parse(...chunks: (string | Buffer | number[])[]) {
  const drops: [DropReason, string][] = [];
  const parser = new KeypadParser({ onDrop: (reason, detail) => drops.push([reason, detail]) });
  const out: AnyMessage[] = [];
  parser.on('data', (m: AnyMessage) => out.push(m));
  for (const c of chunks) parser.write(typeof c === 'string' ? Buffer.from(c, 'latin1') : Buffer.from(c));
  return { out, drops, reasons: drops.map(([r]) => r), stats: parser.stats, parser };
}

describe('KeypadParser', () => {
  it('reads one whole frame', () => {
    expect(parse(PRESS).out).toEqual([press17]);
  });

  it('reads frames split into single bytes and at every possible point', () => {
    expect(parse(...[...(PRESS + HELLO)].map((ch) => ch)).out).toEqual([press17, hello]);
    const both = PRESS + HELLO;
    for (let at = 1; at < both.length; at++) {
      expect(parse(both.slice(0, at), both.slice(at)).out, `split at ${at}`).toEqual([press17, hello]);
    }
  });

  it('skips noise before the start marker, and reports it once', () => {
    const { out, drops } = parse('\x00\xff~~line noise\r\n', PRESS);
    expect(out).toEqual([press17]);
    expect(drops).toEqual([['garbage', '14 byte(s) outside any frame']]);
  });

  it('drops a frame with a bad checksum and keeps reading', () => {
    const { out, reasons } = parse('$PRESS,quay-3,5F2A91C0,17,2,120*16\r\n', HELLO);
    expect(out).toEqual([hello]);
    expect(reasons).toEqual(['checksum']);
  });

  it('drops a frame whose body was damaged on the line (one bit flipped)', () => {
    const damaged = PRESS.replace(',2,', ',3,'); // '2' ^ '3' = one bit
    const { out, reasons } = parse(damaged);
    expect(out).toEqual([]);
    expect(reasons).toEqual(['checksum']);
  });

  it('drops frames without a checksum', () => {
    expect(parse('$PRESS,quay-3,5F2A91C0,17,2\r\n').reasons).toEqual(['checksum']);
    expect(parse('$PRESS,quay-3,5F2A91C0,17,2*1\r\n').reasons).toEqual(['checksum']);
    expect(parse('$*\r\n').reasons).toEqual(['checksum']);
  });

  it('accepts a lower-case checksum and a bare LF or CR as the end of line', () => {
    expect(parse('$HELLO,quay-3,5F2A91C0,1.0.2,4*3c\n').out).toEqual([hello]);
    expect(parse('$HELLO,quay-3,5F2A91C0,1.0.2,4*3C\r').out).toEqual([hello]);
  });

  it('drops an overlong frame, then resyncs on the next $', () => {
    const long = `$PRESS,${'x'.repeat(200)}`;
    const { out, reasons, parser } = parse(long, '*00\r\n', PRESS);
    expect(out).toEqual([press17]);
    expect(reasons).toEqual(['overlong', 'garbage']);
    expect(parser.stats.dropped.overlong).toBe(1);
  });

  it('takes a frame of exactly 82 bytes, not 83', () => {
    const body = (n: number) => `STATUS,quay-3,AB,ERR,${'e'.repeat(n)}`;
    const frame = (n: number) => {
      const b = body(n);
      const sum = [...Buffer.from(b)]
        .reduce((a, c) => a ^ c, 0)
        .toString(16)
        .toUpperCase()
        .padStart(2, '0');
      return `$${b}*${sum}\r\n`;
    };
    const fits = frame(76 - body(0).length);
    expect(fits.length).toBe(MAX_FRAME);
    expect(parse(fits).out).toHaveLength(1);
    expect(parse(frame(77 - body(0).length)).reasons).toEqual(['overlong']);
  });

  it('drops a partial frame cut by a new $ (a keypad reset mid-frame) and reads the new one', () => {
    const { out, reasons } = parse('$PRESS,quay-3,5F2A', PRESS);
    expect(out).toEqual([press17]);
    expect(reasons).toEqual(['partial']);
  });

  it('waits for the rest of a partial frame across chunks', () => {
    const p = parse('$PRESS,quay-3,5F2A91C0');
    expect(p.out).toEqual([]);
    p.parser.write(Buffer.from(',17,2,120*15\r\n'));
    expect(p.out).toEqual([press17]);
  });

  it('drops a frame with a non-ASCII byte in it', () => {
    const { out, reasons } = parse(Buffer.concat([Buffer.from('$PRESS,quay-3,5F'), Buffer.of(0x80), Buffer.from('2A91C0,17,2,120*15\r\n')]), HELLO);
    expect(out).toEqual([hello]);
    expect(reasons).toEqual(['binary', 'garbage']);
  });

  it('drops well-framed nonsense (unknown type, bad fields) as invalid', () => {
    const frame = (body: string) =>
      `$${body}*${[...Buffer.from(body)]
        .reduce((a, c) => a ^ c, 0)
        .toString(16)
        .padStart(2, '0')}\r\n`;
    const { out, reasons } = parse(frame('REBOOT,quay-3'), frame('PRESS,quay-3,5F2A91C0,17,9'), PRESS);
    expect(out).toEqual([press17]);
    expect(reasons).toEqual(['invalid', 'invalid']);
  });

  it('passes duplicates through: counting a press once is the session’s job (same boot id and sequence)', () => {
    expect(parse(PRESS, PRESS).out).toEqual([press17, press17]);
  });

  it('reports a partial frame left at the end of the stream', async () => {
    const { parser, drops } = parse('$PRESS,qu');
    await new Promise<void>((resolve) => parser.end(resolve));
    expect(drops.map(([r]) => r)).toEqual(['partial']);
  });
});

import { Transform, type TransformCallback } from 'node:stream';
import { CHECKSUM_MARK, checksum, CR, decodeMessage, LF, MAX_FRAME, START, type AnyMessage } from './keypad-protocol.ts';

/**
 * Framing as a Transform (after zigbee-herdsman's parsers): bytes in, whole decoded messages out.
 * It buffers a frame from `$` to CR/LF, resyncs on every `$` (a partial frame before it is
 * dropped), and drops — with a debug line, never an exception — bytes outside frames, frames with
 * a bad checksum, frames longer than MAX_FRAME (then nothing until the next `$`), non-ASCII bytes
 * and frames whose fields do not make a message. No serial import: tested with byte fixtures.
 */

export type DropReason = 'garbage' | 'partial' | 'overlong' | 'binary' | 'checksum' | 'invalid';

export interface ParserStats {
  messages: number;
  dropped: Record<DropReason, number>;
}

export interface KeypadParserOptions {
  /** Told of every dropped frame or run of garbage (the adapter logs it at debug level). */
  onDrop?: (reason: DropReason, detail: string) => void;
}

const printable = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('latin1')
    .replace(/[^\x20-\x7e]/g, '.');

export class KeypadParser extends Transform {
  readonly stats: ParserStats = { messages: 0, dropped: { garbage: 0, partial: 0, overlong: 0, binary: 0, checksum: 0, invalid: 0 } };
  /** The frame being read, `$` included; never longer than MAX_FRAME. */
  private readonly frame = Buffer.alloc(MAX_FRAME);
  private length = 0;
  private inFrame = false;
  /** Bytes skipped outside any frame since the last report. */
  private garbage = 0;
  private readonly onDrop: (reason: DropReason, detail: string) => void;

  constructor(options: KeypadParserOptions = {}) {
    super({ readableObjectMode: true });
    this.onDrop = options.onDrop ?? (() => {});
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    for (const b of bytes) this.byte(b);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.inFrame) this.discard('partial', `stream ended inside "${printable(this.frame.subarray(0, this.length))}"`);
    this.reportGarbage();
    done();
  }

  private byte(b: number): void {
    if (b === START) {
      if (this.inFrame) this.discard('partial', `"${printable(this.frame.subarray(0, this.length))}" cut by a new $`);
      this.reportGarbage();
      this.inFrame = true;
      this.frame[0] = b;
      this.length = 1;
      return;
    }
    if (!this.inFrame) {
      // CR and LF between frames are the end of the last one, not noise.
      if (b !== CR && b !== LF) this.garbage++;
      return;
    }
    if (b === CR || b === LF) {
      this.inFrame = false;
      this.complete(this.frame.subarray(0, this.length));
      return;
    }
    if (b < 0x20 || b > 0x7e) {
      this.discard('binary', `byte 0x${b.toString(16).padStart(2, '0')} inside "${printable(this.frame.subarray(0, this.length))}"`);
      this.inFrame = false;
      return;
    }
    // Room for this byte and CR LF.
    if (this.length + 1 + 2 > MAX_FRAME) {
      this.discard('overlong', `"${printable(this.frame.subarray(0, 24))}…" passed ${MAX_FRAME} bytes; waiting for the next $`);
      this.inFrame = false;
      return;
    }
    this.frame[this.length++] = b;
  }

  private complete(frame: Buffer): void {
    const text = frame.toString('latin1');
    const star = frame.lastIndexOf(CHECKSUM_MARK);
    if (star < 1 || star !== frame.length - 3 || !/^[0-9A-Fa-f]{2}$/.test(text.slice(star + 1))) {
      return this.discard('checksum', `"${text}" has no *hh checksum`);
    }
    const body = frame.subarray(1, star);
    const expected = checksum(body);
    if (Number.parseInt(text.slice(star + 1), 16) !== expected) {
      return this.discard('checksum', `"${text}": checksum ${text.slice(star + 1)}, computed ${expected.toString(16).toUpperCase().padStart(2, '0')}`);
    }
    const decoded = decodeMessage(body.toString('latin1'));
    if (!decoded.ok) return this.discard('invalid', `"${text}": ${decoded.reason}`);
    this.stats.messages++;
    this.push(decoded.message satisfies AnyMessage);
  }

  private discard(reason: DropReason, detail: string): void {
    this.stats.dropped[reason]++;
    this.onDrop(reason, detail);
  }

  private reportGarbage(): void {
    if (this.garbage === 0) return;
    const n = this.garbage;
    this.garbage = 0;
    this.stats.dropped.garbage += n;
    this.onDrop('garbage', `${n} byte(s) outside any frame`);
  }
}

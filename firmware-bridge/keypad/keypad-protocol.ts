/**
 * The rating keypad's serial protocol (docs/keypad-protocol.md), pure: no I/O, no serial import.
 * NMEA-style ASCII lines a cheap microcontroller can speak and a human can read in a capture:
 *
 *   $PRESS,K3,5F2A91C0,17,2*70\r\n
 *
 * `$`, the body (a type and comma-separated fields), `*`, two hex digits of the XOR of every
 * body byte, CR LF. At most MAX_FRAME bytes from `$` to LF (NMEA 0183's 82).
 */

export const START = 0x24; // $
export const CHECKSUM_MARK = 0x2a; // *
export const CR = 0x0d;
export const LF = 0x0a;
/** From `$` to the final LF inclusive. */
export const MAX_FRAME = 82;
/** What fits between `$` and `*` (`$`, `*hh`, CR LF take 6). */
export const MAX_BODY = MAX_FRAME - 6;
export const DEFAULT_BAUD_RATE = 9600;

/** A keypad's id on the wire: short, so a PRESS always fits in one frame. */
export const KEYPAD_ID = /^[A-Za-z0-9_-]{1,20}$/;
const BOOT_ID = /^[0-9A-Fa-f]{1,8}$/;
const DECIMAL = /^(0|[1-9][0-9]{0,8})$/;
/** A field: printable ASCII except the three framing characters. */
const FIELD = /^[\x20-\x23\x25-\x29\x2b\x2d-\x7e]*$/;
export const MAX_SEQ = 999_999;
/** ageMs on a PRESS: at most a day (a keypad that held a press longer has a bug). */
const MAX_AGE_MS = 86_400_000;

/** XOR of the bytes between `$` and `*`, as NMEA 0183 computes it. */
export function checksum(body: string | Uint8Array): number {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  let sum = 0;
  for (const b of bytes) sum ^= b;
  return sum;
}

const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

/** `$<fields joined by ,>*hh\r\n`. Throws on a field that would break the framing or the length. */
export function encodeFrame(fields: readonly string[]): Buffer {
  for (const f of fields) {
    if (!FIELD.test(f)) throw new Error(`keypad frame: field ${JSON.stringify(f)} has a framing or non-ASCII character`);
  }
  const body = fields.join(',');
  if (body.length > MAX_BODY) throw new Error(`keypad frame: ${body.length} bytes of body, at most ${MAX_BODY}`);
  return Buffer.from(`$${body}*${hex2(checksum(body))}\r\n`, 'latin1');
}

// ---- Messages ----

/** keypad → bridge: a button was pressed. Retransmitted until ACKed with the same boot id and seq. */
export interface PressMessage {
  type: 'PRESS';
  keypadId: string;
  /** New at every power-up (random, or a counter kept in EEPROM); upper-cased here. */
  bootId: string;
  /** 1, 2, 3 … since this boot. */
  seq: number;
  /** Button 1 (leftmost, "Rất hài lòng") to 4. */
  level: number;
  /** ms since the button was pressed (the keypad's own timer), when it sends one. */
  ageMs: number | null;
}

/** keypad → bridge: at power-up and every few seconds (heartbeat). */
export interface HelloMessage {
  type: 'HELLO';
  keypadId: string;
  bootId: string;
  firmware: string;
  /** How many buttons it has (3 or 4), when it says. */
  buttons: number | null;
}

/** keypad → bridge: it is fine (OK) or something is wrong (ERR, e.g. a stuck button). */
export interface StatusMessage {
  type: 'STATUS';
  keypadId: string;
  bootId: string;
  ok: boolean;
  detail: string | null;
}

/** bridge → keypad: this press is safe with the bridge; stop sending it. */
export interface AckMessage {
  type: 'ACK';
  keypadId: string;
  bootId: string;
  seq: number;
}

/** bridge → keypad: light buttons 1..levels for `seconds`; optionally show the ticket and counter. */
export interface ArmMessage {
  type: 'ARM';
  keypadId: string;
  seconds: number;
  levels: 3 | 4;
  ticket: string | null;
  counter: number | null;
}

export interface DisarmMessage {
  type: 'DISARM';
  keypadId: string;
}

export interface TestMessage {
  type: 'TEST';
  keypadId: string;
  what: 'BEEP' | 'LED' | 'ALL';
}

export type KeypadMessage = PressMessage | HelloMessage | StatusMessage;
export type BridgeMessage = AckMessage | ArmMessage | DisarmMessage | TestMessage;
export type AnyMessage = KeypadMessage | BridgeMessage;

export type Decoded<T> = { ok: true; message: T } | { ok: false; reason: string };

const bad = (reason: string): Decoded<never> => ({ ok: false, reason });
const decimal = (s: string | undefined, min: number, max: number): number | null => {
  if (s === undefined || !DECIMAL.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

/** The fields of a frame's body (between `$` and `*`) as a message; unknown types and bad fields are refused. */
export function decodeMessage(body: string): Decoded<AnyMessage> {
  const f = body.split(',');
  const [type, keypadId] = f;
  if (keypadId === undefined || !KEYPAD_ID.test(keypadId)) return bad(`${type}: bad keypad id`);
  const boot = () => (f[2] !== undefined && BOOT_ID.test(f[2]) ? f[2].toUpperCase() : null);
  switch (type) {
    case 'PRESS': {
      const bootId = boot();
      const seq = decimal(f[3], 1, MAX_SEQ);
      const level = decimal(f[4], 1, 4);
      const ageMs = f[5] === undefined ? null : decimal(f[5], 0, MAX_AGE_MS);
      if (f.length > 6 || bootId === null || seq === null || level === null || (f[5] !== undefined && ageMs === null)) return bad('PRESS: bad fields');
      return { ok: true, message: { type, keypadId, bootId, seq, level, ageMs } };
    }
    case 'HELLO': {
      const bootId = boot();
      const firmware = f[3];
      const buttons = f[4] === undefined ? null : decimal(f[4], 3, 4);
      if (f.length > 5 || bootId === null || !firmware || firmware.length > 20 || (f[4] !== undefined && buttons === null)) return bad('HELLO: bad fields');
      return { ok: true, message: { type, keypadId, bootId, firmware, buttons } };
    }
    case 'STATUS': {
      const bootId = boot();
      const state = f[3];
      if (f.length > 5 || bootId === null || (state !== 'OK' && state !== 'ERR')) return bad('STATUS: bad fields');
      return { ok: true, message: { type, keypadId, bootId, ok: state === 'OK', detail: f[4] || null } };
    }
    case 'ACK': {
      const bootId = boot();
      const seq = decimal(f[3], 1, MAX_SEQ);
      if (f.length !== 4 || bootId === null || seq === null) return bad('ACK: bad fields');
      return { ok: true, message: { type, keypadId, bootId, seq } };
    }
    case 'ARM': {
      const seconds = decimal(f[2], 1, 3600);
      const levels = decimal(f[3], 3, 4) as 3 | 4 | null;
      const ticket = f[4] || null;
      const counter = f[5] === undefined || f[5] === '' ? null : decimal(f[5], 1, 999);
      if (f.length > 6 || seconds === null || levels === null || (f[5] && counter === null)) return bad('ARM: bad fields');
      return { ok: true, message: { type, keypadId, seconds, levels, ticket, counter } };
    }
    case 'DISARM':
      return f.length === 2 ? { ok: true, message: { type, keypadId } } : bad('DISARM: bad fields');
    case 'TEST': {
      const what = f[2];
      if (f.length !== 3 || (what !== 'BEEP' && what !== 'LED' && what !== 'ALL')) return bad('TEST: bad fields');
      return { ok: true, message: { type, keypadId, what } };
    }
    default:
      return bad(`unknown frame type ${JSON.stringify(type?.slice(0, 12))}`);
  }
}

/** A ticket number as a keypad's display can show it: ASCII letters and digits, at most 8. */
export const displayable = (text: string): string =>
  text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9-]/g, '')
    .slice(0, 8);

/** The frame of a message (both directions: the bridge sends ACK/ARM/DISARM/TEST; tests and emulators the rest). */
export function encodeMessage(m: AnyMessage): Buffer {
  switch (m.type) {
    case 'PRESS':
      return encodeFrame(['PRESS', m.keypadId, m.bootId, String(m.seq), String(m.level), ...(m.ageMs === null ? [] : [String(m.ageMs)])]);
    case 'HELLO':
      return encodeFrame(['HELLO', m.keypadId, m.bootId, m.firmware, ...(m.buttons === null ? [] : [String(m.buttons)])]);
    case 'STATUS':
      return encodeFrame([
        'STATUS',
        m.keypadId,
        m.bootId,
        m.ok ? 'OK' : 'ERR',
        ...(m.detail ? [m.detail.replace(/[^\x20-\x7e]|[$*,]/g, ' ').slice(0, 40)] : []),
      ]);
    case 'ACK':
      return encodeFrame(['ACK', m.keypadId, m.bootId, String(m.seq)]);
    case 'ARM': {
      const extra =
        m.ticket !== null || m.counter !== null ? [m.ticket === null ? '' : displayable(m.ticket), m.counter === null ? '' : String(m.counter)] : [];
      return encodeFrame(['ARM', m.keypadId, String(m.seconds), String(m.levels), ...extra]);
    }
    case 'DISARM':
      return encodeFrame(['DISARM', m.keypadId]);
    case 'TEST':
      return encodeFrame(['TEST', m.keypadId, m.what]);
  }
}

/** The idempotency key of a press: the same press (retransmitted, redelivered) has the same key. */
export const pressKey = (p: { keypadId: string; bootId: string; seq: number }): string => `${p.keypadId}:${p.bootId}:${p.seq}`;

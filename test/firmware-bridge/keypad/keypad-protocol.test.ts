import { describe, expect, it } from 'vitest';
import {
  checksum,
  decodeMessage,
  displayable,
  encodeFrame,
  encodeMessage,
  MAX_FRAME,
  pressKey,
  type AnyMessage,
} from '../../../firmware-bridge/keypad/keypad-protocol.ts';

const text = (b: Buffer) => b.toString('latin1');

describe('keypad frames', () => {
  it('computes the NMEA 0183 checksum (XOR of the body)', () => {
    // The textbook NMEA sentence: $GPGLL,5057.970,N,00146.110,E,142451,A*27
    expect(checksum('GPGLL,5057.970,N,00146.110,E,142451,A')).toBe(0x27);
  });

  it('encodes $body*hh CR LF with upper-case hex', () => {
    expect(text(encodeFrame(['PRESS', 'K3', '5F2A91C0', '17', '2']))).toBe('$PRESS,K3,5F2A91C0,17,2*70\r\n');
    expect(text(encodeFrame(['DISARM', 'quay-3']))).toBe('$DISARM,quay-3*2E\r\n');
  });

  it('refuses fields that would break the framing, and frames past 82 bytes', () => {
    for (const bad of ['a,b', 'a*b', 'a$b', 'ầ', 'a\r']) expect(() => encodeFrame(['STATUS', bad])).toThrow();
    expect(() => encodeFrame(['X', 'y'.repeat(MAX_FRAME)])).toThrow(/at most/);
    expect(encodeFrame(['X', 'y'.repeat(74)]).length).toBe(MAX_FRAME);
  });
});

describe('keypad messages', () => {
  const samples: [AnyMessage, string][] = [
    [{ type: 'PRESS', keypadId: 'quay-3', bootId: '5F2A91C0', seq: 17, level: 2, ageMs: 120 }, '$PRESS,quay-3,5F2A91C0,17,2,120*15\r\n'],
    [{ type: 'PRESS', keypadId: 'K3', bootId: '5F2A91C0', seq: 17, level: 2, ageMs: null }, '$PRESS,K3,5F2A91C0,17,2*70\r\n'],
    [{ type: 'HELLO', keypadId: 'quay-3', bootId: '5F2A91C0', firmware: '1.0.2', buttons: 4 }, '$HELLO,quay-3,5F2A91C0,1.0.2,4*3C\r\n'],
    [{ type: 'STATUS', keypadId: 'quay-3', bootId: '5F2A91C0', ok: false, detail: 'button 2 stuck' }, '$STATUS,quay-3,5F2A91C0,ERR,button 2 stuck*76\r\n'],
    [{ type: 'STATUS', keypadId: 'quay-3', bootId: '5F2A91C0', ok: true, detail: null }, '$STATUS,quay-3,5F2A91C0,OK*45\r\n'],
    [{ type: 'ACK', keypadId: 'quay-3', bootId: '5F2A91C0', seq: 17 }, '$ACK,quay-3,5F2A91C0,17*1A\r\n'],
    [{ type: 'ARM', keypadId: 'quay-3', seconds: 60, levels: 4, ticket: 'A025', counter: 3 }, '$ARM,quay-3,60,4,A025,3*07\r\n'],
    [{ type: 'DISARM', keypadId: 'quay-3' }, '$DISARM,quay-3*2E\r\n'],
    [{ type: 'TEST', keypadId: 'quay-3', what: 'ALL' }, '$TEST,quay-3,ALL*55\r\n'],
  ];

  it.each(samples)('%o ⇄ %j', (message, wire) => {
    expect(text(encodeMessage(message))).toBe(wire);
    const body = wire.slice(1, wire.indexOf('*'));
    expect(decodeMessage(body)).toEqual({ ok: true, message });
  });

  it('reads lower-case boot ids as upper case (one key per press)', () => {
    const d = decodeMessage('PRESS,K1,ab12,1,1');
    expect(d.ok && d.message.type === 'PRESS' && d.message.bootId).toBe('AB12');
  });

  it('refuses bad fields', () => {
    for (const body of [
      'PRESS,K1,ZZ,1,1', // boot id not hex
      'PRESS,K1,AB,0,1', // sequence starts at 1
      'PRESS,K1,AB,1000000,1', // past the sequence range
      'PRESS,K1,AB,1,5', // no button 5
      'PRESS,K1,AB,1,0',
      'PRESS,K1,AB,01,1', // no leading zeros: one press, one spelling
      'PRESS,K1,AB,1,1,-5',
      'PRESS,K1,AB,1,1,2,extra',
      'PRESS,K1,123456789,1,1', // boot id longer than 8
      'PRESS,,AB,1,1',
      'PRESS,a.b,AB,1,1',
      'HELLO,K1,AB',
      'STATUS,K1,AB,MAYBE',
      'ARM,K1,0,4',
      'ARM,K1,60,5',
      'TEST,K1,DANCE',
      'DISARM,K1,now',
      'REBOOT,K1',
      '',
    ]) {
      expect(decodeMessage(body).ok, body).toBe(false);
    }
  });

  it('keeps only what a keypad display can show of a ticket number', () => {
    expect(displayable('A025')).toBe('A025');
    expect(displayable('Đ 12/3')).toBe('D123');
    expect(displayable('ABCDEFGHIJ')).toBe('ABCDEFGH');
  });

  it('keys a press by keypad, boot id and sequence', () => {
    expect(pressKey({ keypadId: 'quay-3', bootId: '5F2A91C0', seq: 17 })).toBe('quay-3:5F2A91C0:17');
  });
});

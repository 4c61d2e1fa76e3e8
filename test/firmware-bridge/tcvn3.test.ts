import { describe, expect, it } from 'vitest';
import { parseBridgeConfig } from '../../firmware-bridge/config.ts';
import { encodeText } from '../../firmware-bridge/printer/escpos-text.ts';
import { decodeTcvn3, encodeTcvn3 } from '../../firmware-bridge/printer/tcvn3.ts';
import { DEFAULT_TEMPLATE, ticketLayout } from '../../firmware-bridge/printer/ticket-layout.ts';
import { decodeEscPos, linesText } from '../escpos/decoder.ts';
import { sampleTicket } from '../fixtures/print-job.ts';

/** TCVN-3 (VN3) text mode: Xprinter's code page 27. */
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** Every lower-case Vietnamese letter: 12 vowels × 6 tones, and đ (NFC). */
const LOWER = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];
const UPPER = LOWER.map((c) => c.toUpperCase());

describe('the TCVN-3 encoder', () => {
  it('round-trips every lower-case Vietnamese letter, the capitals Ă Â Ê Ô Ơ Ư Đ, and ASCII, one byte each', () => {
    expect(LOWER).toHaveLength(73);
    const text = `${LOWER.join('')} ĂÂÊÔƠƯĐ ABCXYZ 0123 ,.:/()-`;
    const { bytes, unmappable } = encodeTcvn3(text);
    expect(unmappable).toEqual([]);
    expect(bytes).toHaveLength([...text].length);
    expect(decodeTcvn3(bytes)).toBe(text);
    // Bytes the public tables agree on (TCVN 5712 VN3; iconv-lite `tcvn`, X11 tcvn.h).
    expect([...encodeTcvn3('àáãăâêôơưđÂÊ').bytes]).toEqual([0xb5, 0xb8, 0xb7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xa2, 0xa3]);
    // Decomposed input (base + combining mark) is the same letter.
    expect([...encodeTcvn3('e\u0302\u0301').bytes]).toEqual([...encodeTcvn3('ế').bytes]);
  });

  it('prints a capital toned letter in lower case (VN3 has none) and reports it; unknown characters as ?', () => {
    const toned = UPPER.filter((c) => !/^[A-ZĂÂÊÔƠƯĐ]$/.test(c));
    expect(toned).toHaveLength(60);
    const { bytes, unmappable } = encodeTcvn3(toned.join(''));
    expect(decodeTcvn3(bytes)).toBe(toned.join('').toLowerCase());
    expect(unmappable).toHaveLength(60);
    expect(encodeTcvn3('Hộ – “€”')).toEqual({ bytes: Uint8Array.from([...encodeTcvn3('Hộ - "').bytes, 0x3f, 0x22]), unmappable: ['€'] });
  });

  it('a tcvn3 ticket selects the configured table once and its lines read back as Vietnamese', () => {
    const blocks = ticketLayout(sampleTicket, { ...DEFAULT_TEMPLATE, showQr: false });
    const encoded = encodeText(blocks, { commandSet: 'epson', width: 576, mode: 'tcvn3', codePage: 27 });
    const job = decodeEscPos(encoded.bytes);
    expect(job.codePages).toEqual([27]);
    const lines = linesText(job, decodeTcvn3);
    expect(lines).toContain('Tư pháp - Hộ tịch');
    expect(lines.join('\n')).toMatch(/Số người chờ trước bạn: 3/);
  });

  it('needs the printer’s table number in the config', () => {
    const base = { serverUrl: 'http://s.test', token: 'luot_b.x' };
    expect(() => parseBridgeConfig({ ...base, printers: [{ id: 'p', kioskId: null, interface: 'simulate', mode: 'tcvn3' }] })).toThrow(
      /tcvn3 mode needs codePage/,
    );
    const ok = parseBridgeConfig({ ...base, printers: [{ id: 'p', kioskId: null, interface: 'simulate', mode: 'tcvn3', codePage: 27 }] });
    expect(ok.printers[0]).toMatchObject({ mode: 'tcvn3', codePage: 27 });
  });
});

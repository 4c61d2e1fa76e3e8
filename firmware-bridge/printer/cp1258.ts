/**
 * Windows-1258 (Vietnamese) for ESC/POS text mode. CP1258 has the base letters with circumflex,
 * breve and horn (â ê ô ă ơ ư đ) but NOT the toned letters (ầ ố ệ …): those are written as the
 * base letter followed by a combining tone mark (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde,
 * 0xF2 dot below). Plain NFC text therefore cannot be encoded byte by byte — a library that
 * "falls back" to another code page mid-line prints garbage. This encoder never switches pages:
 * what it cannot map becomes "?" and is reported.
 */

/** Code points of bytes 0x80–0xFF; -1 where the code page has no character. */
// prettier-ignore
const HIGH: readonly number[] = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, -1, 0x2039, 0x0152, -1, -1, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, -1, 0x203a, 0x0153, -1, -1, 0x0178,
  0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
  0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
  0xc0, 0xc1, 0xc2, 0x0102, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0x0300, 0xcd, 0xce, 0xcf,
  0x0110, 0xd1, 0x0309, 0xd3, 0xd4, 0x01a0, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0x01af, 0x0303, 0xdf,
  0xe0, 0xe1, 0xe2, 0x0103, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0x0301, 0xed, 0xee, 0xef,
  0x0111, 0xf1, 0x0323, 0xf3, 0xf4, 0x01a1, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0x01b0, 0x20ab, 0xff,
];

const TO_BYTE = new Map<number, number>(HIGH.flatMap((cp, i) => (cp < 0 ? [] : [[cp, 0x80 + i] as const])));

/** The five Vietnamese tone marks, which CP1258 keeps as separate combining characters. */
const TONE_MARKS = new Set([0x0300, 0x0301, 0x0303, 0x0309, 0x0323]);

export interface Encoded {
  bytes: Uint8Array;
  /** Characters that have no CP1258 form (printed as "?"). */
  unmappable: string[];
}

function byteOf(cp: number): number | undefined {
  return cp < 0x80 ? cp : TO_BYTE.get(cp);
}

/** Encodes text for a printer set to code page 1258, base letter + combining tone mark. */
export function encodeCp1258(text: string): Encoded {
  const out: number[] = [];
  const unmappable: string[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byteOf(ch.codePointAt(0)!);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // Split off the tone marks, recompose the rest (a + ̂ → â), then base byte + tone bytes.
    const parts = [...ch.normalize('NFD')].map((c) => c.codePointAt(0)!);
    const tones = parts.filter((cp) => TONE_MARKS.has(cp));
    const base = String.fromCodePoint(...parts.filter((cp) => !TONE_MARKS.has(cp))).normalize('NFC');
    const baseByte = [...base].length === 1 ? byteOf(base.codePointAt(0)!) : undefined;
    const toneBytes = tones.map((cp) => TO_BYTE.get(cp)!);
    if (baseByte === undefined || tones.length === 0) {
      out.push(0x3f);
      unmappable.push(ch);
      continue;
    }
    out.push(baseByte, ...toneBytes);
  }
  return { bytes: Uint8Array.from(out), unmappable };
}

/** The text a CP1258 printer shows for these bytes, recomposed to NFC (for tests and previews). */
export function decodeCp1258(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    const cp = b < 0x80 ? b : HIGH[b - 0x80]!;
    s += String.fromCodePoint(cp < 0 ? 0xfffd : cp);
  }
  return s.normalize('NFC');
}

/** Tone marks and other diacritics removed, đ → d: the `ascii` fallback for any printer. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e\n]/g, '?');
}

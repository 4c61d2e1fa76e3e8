import type { Encoded } from './cp1258.ts';

/**
 * TCVN-3 (TCVN 5712:1993, table VN3 — the "ABC" encoding of .VnTime fonts) for ESC/POS text
 * mode: what Xprinter's code page 27 holds (DantSu/ESCPOS-ThermalPrinter-Android #238,
 * node-thermal-printer #175, tested on an Xprinter R200EU), and Epson's pages 30/31. Unlike
 * CP1258 every toned letter is ONE precomposed byte. Pure and table-driven.
 *
 * The table is bytes 0xA1–0xFF where TCVN 5712's VN1 and VN3 agree (checked against iconv-lite's
 * `tcvn` table and the X11 `tcvn.h` table): the capitals Ă Â Ê Ô Ơ Ư Đ, then every lowercase
 * letter with its marks. VN3 has no capital toned letters (a TCVN-3 document draws them with the
 * same byte in an upper-case font), and the printer has one font: a capital toned letter goes out
 * as its lower-case byte (Ộ prints ộ) and is reported. Anything else unknown prints "?".
 */
const LETTERS = 'ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
// prettier-ignore
const BYTES: readonly number[] = [
  0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae,
  0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc,
  0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xdc, 0xdd, 0xde, 0xdf,
  0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
  0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe,
];

const TO_BYTE = new Map<string, number>([...LETTERS].map((c, i) => [c, BYTES[i]!]));
const FROM_BYTE = new Map<number, string>([...LETTERS].map((c, i) => [BYTES[i]!, c]));

/** Punctuation ticket text uses that TCVN-3 lacks (its 0x80–0xA0 hold other letters in VN1). */
const PUNCTUATION: Readonly<Record<string, string>> = { '–': '-', '—': '-', '“': '"', '”': '"', '‘': "'", '’': "'", '…': '...' };

/** Encodes text for a printer set to its TCVN-3 code page. */
export function encodeTcvn3(text: string): Encoded {
  const out: number[] = [];
  const unmappable: string[] = [];
  for (const c of text.normalize('NFC').replace(/[–—“”‘’…]/g, (p) => PUNCTUATION[p]!)) {
    const cp = c.codePointAt(0)!;
    if (cp >= 0x20 && cp < 0x7f) {
      out.push(cp);
      continue;
    }
    const byte = TO_BYTE.get(c) ?? TO_BYTE.get(c.toLowerCase());
    if (byte !== undefined) {
      out.push(byte);
      if (!TO_BYTE.has(c)) unmappable.push(c); // a capital toned letter, printed in lower case
      continue;
    }
    out.push(0x3f);
    unmappable.push(c);
  }
  return { bytes: Uint8Array.from(out), unmappable: [...new Set(unmappable)] };
}

/** The inverse, for tests and previews: bytes as the printer's TCVN-3 table draws them. */
export function decodeTcvn3(bytes: Uint8Array): string {
  return [...bytes].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : (FROM_BYTE.get(b) ?? '\ufffd'))).join('');
}

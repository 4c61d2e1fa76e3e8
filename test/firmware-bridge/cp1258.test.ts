import { describe, expect, it } from 'vitest';
import { decodeCp1258, encodeCp1258, stripDiacritics } from '../../firmware-bridge/printer/cp1258.ts';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

describe('CP1258 encoding', () => {
  it('matches the platform code page table byte for byte', () => {
    // Node's ICU knows windows-1258: every byte the table maps must decode to the same character.
    // Unassigned bytes: ICU passes them through as C1 controls, our table refuses them.
    const unassigned = [0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e];
    const icu = new TextDecoder('windows-1258');
    for (let b = 0x80; b <= 0xff; b++) {
      const ours = decodeCp1258(Uint8Array.of(b));
      if (unassigned.includes(b)) expect(ours).toBe('\ufffd');
      else expect(ours).toBe(icu.decode(Uint8Array.of(b)).normalize('NFC'));
    }
  });

  it('writes toned letters as base letter + combining tone mark', () => {
    expect(hex(encodeCp1258('ầ').bytes)).toBe('e2 cc'); // â + grave
    expect(hex(encodeCp1258('ố').bytes)).toBe('f4 ec'); // ô + acute
    expect(hex(encodeCp1258('ệ').bytes)).toBe('ea f2'); // ê + dot below
    expect(hex(encodeCp1258('ữ').bytes)).toBe('fd de'); // ư + tilde
    expect(hex(encodeCp1258('ẳ').bytes)).toBe('e3 d2'); // ă + hook above
    expect(hex(encodeCp1258('Đ').bytes)).toBe('d0');
    expect(hex(encodeCp1258('á').bytes)).toBe('e1'); // precomposed where the page has it
  });

  it('round-trips Vietnamese text exactly, in one code page', () => {
    const text = 'Trung tâm Phục vụ hành chính công – Mời công dân có số thứ tự A025 đến quầy số 3. Ưu tiên: Người có công';
    const { bytes, unmappable } = encodeCp1258(text);
    expect(unmappable).toEqual([]);
    expect(decodeCp1258(bytes)).toBe(text.normalize('NFC'));
    // The same bytes through the platform decoder give the same text: no mixed code pages.
    expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toBe(text.normalize('NFC'));
  });

  it('accepts decomposed input as well as precomposed', () => {
    expect(hex(encodeCp1258('ầ'.normalize('NFD')).bytes)).toBe('e2 cc');
  });

  it('reports what it cannot map instead of switching code pages', () => {
    const { bytes, unmappable } = encodeCp1258('A漢B');
    expect(hex(bytes)).toBe('41 3f 42');
    expect(unmappable).toEqual(['漢']);
  });
});

describe('ascii fallback', () => {
  it('strips tone marks and maps đ', () => {
    expect(stripDiacritics('Đăng ký kinh doanh – Tư pháp')).toBe('Dang ky kinh doanh ? Tu phap');
    expect(stripDiacritics('Người cao tuổi')).toBe('Nguoi cao tuoi');
  });
});

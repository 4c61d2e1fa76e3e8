import { describe, expect, it } from 'vitest';
import { decodeCp1258 } from '../../firmware-bridge/printer/cp1258.ts';
import { encodeText, toAscii, wrapColumns } from '../../firmware-bridge/printer/escpos-text.ts';
import { DEFAULT_TEMPLATE, KEEP_TOGETHER, ticketLayout } from '../../firmware-bridge/printer/ticket-layout.ts';
import { decodeEscPos, linesText } from '../escpos/decoder.ts';
import { sampleTicket } from '../fixtures/print-job.ts';

const blocks = ticketLayout(
  { ...sampleTicket, priorityGroupName: { vi: 'Người có công với cách mạng', en: 'Person with revolutionary merit' } },
  DEFAULT_TEMPLATE,
);
const layoutLines = (columns: number) =>
  blocks.flatMap((b) => {
    if (b.kind !== 'text') return b.kind === 'rule' ? ['-'.repeat(columns)] : [];
    const k = b.size === 'large' ? 2 : b.size === 'huge' ? Math.max(2, Math.min(6, Math.floor(columns / b.text.length))) : 1;
    return wrapColumns(b.text, Math.floor(columns / k));
  });

describe('cp1258 text mode (decoded from the real job bytes)', () => {
  const encoded = encodeText(blocks, { commandSet: 'epson', width: 576, mode: 'cp1258', codePage: 52 });
  const job = decodeEscPos(encoded.bytes);

  it('selects the code page exactly once, right after ESC @, and never switches', () => {
    expect(job.codePages).toEqual([52]);
    expect(job.commands.slice(0, 2).map((c) => c.name)).toEqual(['ESC @', 'ESC t']);
    expect(job.commands.filter((c) => c.name === 'ESC @')).toHaveLength(1);
  });

  it('sends bytes that read back as the exact Vietnamese text', () => {
    const printed = linesText(job, decodeCp1258).filter((l) => l.length > 0);
    expect(printed).toEqual(layoutLines(48));
    expect(printed).toContain('Tư pháp – Hộ tịch');
    expect(printed).toContain('* ƯU TIÊN: Người có công với cách mạng *');
    expect(encoded.unmappable).toEqual([]);
  });

  it('writes toned letters as base letter + combining mark (what CP1258 expects)', () => {
    const service = job.lines.find((l) => decodeCp1258(l.bytes) === 'Tư pháp – Hộ tịch')!;
    // ộ = ô (0xF4) + dot below (0xF2); ị = i + dot below
    expect([...service.bytes]).toEqual([
      ...Buffer.from('T'),
      0xfd,
      ...Buffer.from(' ph'),
      0xe1,
      ...Buffer.from('p '),
      0x96,
      ...Buffer.from(' H'),
      0xf4,
      0xf2,
      ...Buffer.from(' ti'),
      0xf2,
      ...Buffer.from('ch'),
    ]);
    expect(service).toMatchObject({ size: [2, 2], bold: true, align: 'center' });
  });

  it('prints the number large, a native QR code of the status link, and cuts', () => {
    expect(job.lines.find((l) => decodeCp1258(l.bytes) === 'A025')!.size).toEqual([6, 6]);
    expect(job.qr).toEqual([sampleTicket.statusUrl]);
    expect(job.cuts).toBe(1);
    expect(job.commands.at(-1)!.name).toBe('GS V');
  });

  it('reports characters CP1258 lacks instead of borrowing another code page', () => {
    const odd = encodeText([{ kind: 'text', text: 'Số ★ 5', size: 'normal', bold: false, align: 'left' }], {
      commandSet: 'epson',
      width: 576,
      mode: 'cp1258',
      codePage: 27,
    });
    expect(odd.unmappable).toEqual(['★']);
    expect(decodeEscPos(odd.bytes).codePages).toEqual([27]);
  });

  it('uses Star commands on a Star printer, still one code page', () => {
    const star = decodeEscPos(encodeText(blocks, { commandSet: 'star', width: 576, mode: 'cp1258', codePage: 30 }).bytes, 'star');
    expect(star.codePages).toEqual([30]);
    expect(linesText(star, decodeCp1258)).toContain('Tư pháp – Hộ tịch');
    expect(star.qr).toEqual([sampleTicket.statusUrl]);
    expect(star.cuts).toBe(1);
  });
});

describe('ascii text mode', () => {
  it('sends plain ASCII with the tone marks stripped, no code page at all', () => {
    const encoded = encodeText(blocks, { commandSet: 'epson', width: 384, mode: 'ascii', codePage: null });
    expect([...encoded.bytes].some((b) => b >= 0x80)).toBe(false);
    const job = decodeEscPos(encoded.bytes);
    expect(job.codePages).toEqual([]);
    const printed = linesText(job).filter((l) => l.length > 0);
    expect(printed.join(' ')).toContain('Tu phap - Ho tich'); // 16 columns at double width on 58 mm: wrapped
    expect(printed).toContain('Vui long cho den luot');
    expect(printed).toEqual(layoutLines(32).map(toAscii));
    expect(job.qr).toEqual([sampleTicket.statusUrl]);
    expect(job.cuts).toBe(1);
  });
});

describe('wrapColumns', () => {
  it('counts a toned letter as one column and breaks at spaces', () => {
    expect(wrapColumns('Thời gian chờ dự kiến: khoảng 12 phút', 16)).toEqual(['Thời gian chờ dự', 'kiến: khoảng 12', 'phút']);
    expect(wrapColumns('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('never breaks between words joined by KEEP_TOGETHER, and prints them with a plain space', () => {
    expect(wrapColumns(`Chờ: khoảng${KEEP_TOGETHER}56${KEEP_TOGETHER}phút`, 14)).toEqual(['Chờ:', 'khoảng 56 phút']);
  });

  it('on 58 mm (32 columns) the estimated wait keeps its number with its unit (issue #15)', () => {
    for (const minutes of [5, 56, 120]) {
      const layout = ticketLayout({ ...sampleTicket, estimatedWaitMinutes: minutes }, DEFAULT_TEMPLATE);
      const lines = layout.flatMap((b) => (b.kind === 'text' && /phút|min$/.test(b.text) ? wrapColumns(b.text, 32) : []));
      expect(lines.find((l) => l.includes('phút'))).toContain(`khoảng ${minutes} phút`);
      expect(lines.find((l) => l.includes('min'))).toContain(`about ${minutes} min`);
      expect(lines.join('')).not.toContain(KEEP_TOGETHER);
    }
  });
});
